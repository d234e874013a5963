package org.plenary.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plenary.endorsement.Endorsement.Stance;
import org.plenary.identity.StakeholderGroup;

/** The fixed words of published documents, in the six official languages of the United Nations. */
class LabelsTest {

  static final List<String> UN_LANGUAGES = List.of("ar", "zh", "en", "fr", "ru", "es");

  @Test
  void every_label_exists_in_each_of_the_six_un_languages_and_no_file_has_a_key_english_lacks() {
    Set<String> english = keys(Labels.properties("en"));
    assertTrue(english.size() > 30, english.toString());
    for (String language : UN_LANGUAGES) {
      Properties p = Labels.properties(language);
      Set<String> missing = new TreeSet<>(english);
      missing.removeAll(p.stringPropertyNames());
      Set<String> extra = new TreeSet<>(p.stringPropertyNames());
      extra.removeAll(english);
      assertEquals(Set.of(), missing, language + ".properties lacks these labels");
      assertEquals(Set.of(), extra, language + ".properties has labels English does not");
      for (String key : english) {
        assertTrue(!p.getProperty(key).isBlank(), language + ": " + key + " is blank");
        assertEquals(
            placeholders(Labels.properties("en").getProperty(key)),
            placeholders(p.getProperty(key)),
            language + ": " + key + " must have the placeholders English has");
      }
      assertTrue(Labels.LANGUAGES.contains(language), language + " is not read by Labels");
    }
  }

  @Test
  void each_language_reads_its_own_file_and_other_languages_fall_back_to_english() {
    assertEquals("المحتويات", Labels.of("ar").contents());
    assertEquals("目录", Labels.of("zh-Hans").contents());
    assertEquals("Содержание", Labels.of("ru").contents());
    assertEquals("Índice", Labels.of("es-419").contents());
    assertEquals("Table des matières", Labels.of("fr-CA").contents());
    assertEquals("Contents", Labels.of("de").contents());
    assertEquals("Contents", Labels.of(null).contents());
    assertEquals("Sociedad civil", Labels.of("es").group(StakeholderGroup.CIVIL_SOCIETY));
    assertEquals("有保留地支持", Labels.of("zh").stance(Stance.ENDORSE_WITH_RESERVATIONS));
  }

  @Test
  void dates_are_written_the_way_each_language_writes_them() {
    Instant at = Instant.parse("2026-12-07T10:00:00Z");
    assertEquals("7 December 2026", Labels.of("en").date(at));
    assertEquals("7 décembre 2026", Labels.of("fr").date(at));
    assertEquals("7 de diciembre de 2026", Labels.of("es").date(at));
    assertEquals("7 декабря 2026 г.", Labels.of("ru").date(at));
    assertEquals("2026年12月7日", Labels.of("zh").date(at));
    assertEquals("7 ديسمبر 2026", Labels.of("ar").date(at));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar", "zh", "en", "fr", "ru", "es"})
  void a_white_paper_and_a_submission_print_their_labels_in_the_papers_language(String language)
      throws Exception {
    Labels labels = Labels.of(language);
    byte[] whitePaper =
        new WhitePaperPdf(AccessiblePdfTest.FONTS, content(language), 1, at()).render();
    keep(language + "-white-paper", whitePaper);
    String paper = text(whitePaper);
    for (String label :
        List.of(
            labels.whitePaper(),
            labels.contents(),
            labels.annexEndorsements(),
            labels.stance(Stance.ENDORSE),
            labels.group(StakeholderGroup.values()[0]),
            labels.date(at()))) {
      assertTrue(
          paper.contains(nfkc(label)), language + " white paper lacks «" + label + "» in " + paper);
    }
    String submission =
        text(new SubmissionPdf(AccessiblePdfTest.FONTS, content(language), 1, at()).render());
    for (String label : List.of(labels.addressee(), labels.submission())) {
      assertTrue(submission.contains(nfkc(label)), language + " submission lacks «" + label + "»");
    }
  }

  /** Leaves the file in target/labels/ for a look. */
  private static void keep(String name, byte[] pdf) throws java.io.IOException {
    java.nio.file.Path dir = java.nio.file.Path.of("target", "labels");
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.write(dir.resolve(name + ".pdf"), pdf);
  }

  private static EditionContent content(String language) {
    return AccessiblePdfTest.content(language);
  }

  private static Instant at() {
    return AccessiblePdfTest.AT;
  }

  /** The text PDFBox reads back, NFKC-normalised (Arabic presentation forms become letters). */
  static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      return nfkc(stripper.getText(doc)).replaceAll("\\s+", " ");
    }
  }

  static String nfkc(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", " ");
  }

  private static Set<String> keys(Properties p) {
    return new TreeSet<>(p.stringPropertyNames());
  }

  private static List<String> placeholders(String value) {
    Matcher m = Pattern.compile("%[a-z]").matcher(value);
    List<String> found = new java.util.ArrayList<>();
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
