package org.plenary.publish;

import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.plenary.endorsement.Endorsement.Stance;
import org.plenary.identity.StakeholderGroup;

/**
 * The words published documents print around the paper's own text, in the paper's language: one
 * properties file per language in {@code org/plenary/publish/labels/} (English, French and the
 * other official languages of the United Nations: Arabic, Chinese, Russian, Spanish), each with a
 * value for every component below (a component's name is its key; stakeholder groups are {@code
 * group.<NAME>}). Papers in other languages get English labels around their text.
 */
record Labels(
    Locale locale,
    DateTimeFormatter datePattern,
    String whitePaper,
    String submission,
    String contents,
    String edition,
    String page,
    String proposal,
    String inBrief,
    String annexEndorsements,
    String annexOrganisations,
    String endorsementsIntro,
    String wholePaper,
    String organisation,
    String stakeholderGroup,
    String people,
    String endorse,
    String withReservations,
    String object,
    String total,
    String earlierVersion,
    String singleSector,
    String supportingGroupsPattern,
    String unnamedPattern,
    String executiveSummary,
    String proposals,
    String rationale,
    String endorsingOrganisations,
    String addressee,
    String[] groups) {

  /** The languages that have labels: English first (the fallback), then the rest. */
  static final List<String> LANGUAGES = List.of("en", "fr", "ar", "es", "ru", "zh");

  private static final Map<String, Labels> BY_LANGUAGE = new HashMap<>();

  static {
    for (String language : LANGUAGES) {
      BY_LANGUAGE.put(language, read(language));
    }
  }

  static Labels of(String language) {
    String lang = language == null ? "en" : language.toLowerCase(Locale.ROOT);
    String primary = lang.split("[-_]", 2)[0];
    return BY_LANGUAGE.getOrDefault(primary, BY_LANGUAGE.get("en"));
  }

  /** The labels of one language's file; fails (at class loading) on a missing key. */
  static Labels read(String language) {
    Properties p = properties(language);
    RecordComponent[] components = Labels.class.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      String name = components[i].getName();
      types[i] = components[i].getType();
      values[i] =
          switch (name) {
            case "locale" -> Locale.forLanguageTag(required(p, language, "languageTag"));
            case "datePattern" -> null; // below: it needs the locale
            case "groups" ->
                Arrays.stream(StakeholderGroup.values())
                    .map(g -> required(p, language, "group." + g.name()))
                    .toArray(String[]::new);
            default -> required(p, language, name);
          };
    }
    values[1] =
        DateTimeFormatter.ofPattern(required(p, language, "datePattern"), (Locale) values[0]);
    try {
      return Labels.class.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("labels of " + language, e);
    }
  }

  static Properties properties(String language) {
    String path = "labels/" + language + ".properties";
    try (InputStream in = Labels.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no " + path + " beside " + Labels.class.getName());
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String required(Properties p, String language, String key) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("labels/" + language + ".properties has no " + key);
    }
    return value;
  }

  /**
   * The run direction of the tables the documents add around the text (tallies, organisations):
   * right to left when the labels themselves are (Arabic), so the columns are mirrored; otherwise
   * left to right, with the bidirectional algorithm still shaping right-to-left names. (The
   * contents are not mirrored yet: OpenPDF drew a mirrored contents table's titles wrongly.)
   */
  int runDirection() {
    return PdfKit.rightToLeft(contents) ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR;
  }

  String date(Instant at) {
    return datePattern.format(at.atZone(ZoneOffset.UTC));
  }

  String group(StakeholderGroup g) {
    return groups[g.ordinal()];
  }

  String stance(Stance s) {
    return switch (s) {
      case ENDORSE -> endorse;
      case ENDORSE_WITH_RESERVATIONS -> withReservations;
      case OBJECT -> object;
    };
  }

  String supportingGroups(int n) {
    return String.format(locale, supportingGroupsPattern, n);
  }

  String unnamed(int n) {
    return String.format(locale, unnamedPattern, n);
  }
}
