package org.plenary.coedit;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators for the live properties: text in several scripts (Arabic, Hebrew, Chinese, Cyrillic),
 * with characters outside the BMP, combining marks, bidirectional marks and both kinds of line
 * ending; and edits of it at positions in UTF-16 units that, like the web app's, never fall between
 * the halves of a surrogate pair.
 *
 * <p>The live tests run inside {@code @QuarkusTest}, which cannot be a jqwik container, so {@link
 * #sample} draws values from jqwik's generators outside a property (so without shrinking), and a
 * failure names the whole value it failed for.
 */
final class MultilingualEdits {

  private MultilingualEdits() {}

  static final List<String> PIECES =
      List.of(
          "a",
          "word ",
          " ",
          "\n",
          "\r\n",
          "\n\n",
          "é",
          "ß",
          "Привет",
          "和",
          "平",
          "中文。",
          "س",
          "مرحبا، ",
          "\u0627\u064e", // alef with fatha, a combining mark
          "שלום ",
          "\u200f", // right-to-left mark
          "\u200e", // left-to-right mark
          "\u202b", // right-to-left embedding
          "\u202c", // pop directional formatting
          "🕊",
          "🕋", // shares its high surrogate with 🕊
          "👩‍👩‍👧",
          "𝔸",
          "e\u0301",
          "\u0301");

  /** Text of {@code min} to {@code max} pieces. */
  static Arbitrary<String> texts(int min, int max) {
    return Arbitraries.of(PIECES).list().ofMinSize(min).ofMaxSize(max).map(p -> String.join("", p));
  }

  /**
   * Deletes {@code delete} UTF-16 units at {@code at} (both taken modulo what the text allows) and
   * inserts {@code insert} there.
   */
  record Edit(int at, int delete, String insert) {

    String applyTo(String text) {
      return applyWithin(text, 0, text.length());
    }

    /** As {@link #applyTo}, with the edit kept between {@code from} and {@code to}. */
    String applyWithin(String text, int from, int to) {
      int start = whole(text, from + Math.floorMod(at, to - from + 1));
      int end = start + Math.min(delete, to - start);
      if (end < text.length() && Character.isLowSurrogate(text.charAt(end)) && end > start) {
        end--; // the whole character stays
      }
      return text.substring(0, start) + insert + text.substring(end);
    }
  }

  /** {@code at} moved back off the second half of a surrogate pair. */
  static int whole(String text, int at) {
    return at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at)) ? at - 1 : at;
  }

  static Arbitrary<Edit> edits() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 10_000),
            Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0)),
                Tuple.of(2, Arbitraries.integers().between(1, 6))),
            texts(0, 3))
        .as(Edit::new)
        .filter(e -> e.delete() > 0 || !e.insert().isEmpty());
  }

  /**
   * The one change {@link Yjs#replaceText} makes to turn {@code before} into {@code after} (as the
   * bundle's {@code replaceText} computes it): units {@code start} to {@code end} of {@code before}
   * replaced by {@code inserted}. Empty when nothing changes.
   */
  record Change(int start, int end, String inserted) {

    static java.util.Optional<Change> of(String before, String after) {
      if (before.equals(after)) {
        return java.util.Optional.empty();
      }
      int start = 0;
      while (start < before.length()
          && start < after.length()
          && before.charAt(start) == after.charAt(start)) {
        start++;
      }
      int end = 0;
      while (end < before.length() - start
          && end < after.length() - start
          && before.charAt(before.length() - 1 - end) == after.charAt(after.length() - 1 - end)) {
        end++;
      }
      if (start > 0 && Character.isHighSurrogate(before.charAt(start - 1))) {
        start--;
      }
      if (end > 0 && Character.isLowSurrogate(before.charAt(before.length() - end))) {
        end--;
      }
      return java.util.Optional.of(
          new Change(start, before.length() - end, after.substring(start, after.length() - end)));
    }

    /**
     * {@code text} with {@code changes} made (in order of position, each clear of the next by at
     * least one unit no change touches).
     */
    static String all(String text, List<Change> changes) {
      StringBuilder out = new StringBuilder();
      int at = 0;
      for (Change c : changes) {
        out.append(text, at, c.start()).append(c.inserted());
        at = c.end();
      }
      return out.append(text.substring(at)).toString();
    }

    /** Whether {@code next} starts after this one ends with an untouched unit between them. */
    boolean clearOf(Change next) {
      return end < next.start();
    }
  }

  /** The {@code number}th value jqwik generated for a try. */
  record Sample<T>(int number, T value) {
    @Override
    public String toString() {
      return "try " + number + ": " + visible(String.valueOf(value));
    }
  }

  /** {@code text} with line endings, marks and formatting characters written as escapes. */
  static String visible(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              int type = Character.getType(c);
              if (c == '\r') {
                out.append("\\r");
              } else if (c == '\n') {
                out.append("\\n");
              } else if (type == Character.FORMAT || type == Character.NON_SPACING_MARK) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /** {@code tries} values of {@code arbitrary}, each one numbered. */
  static <T> List<Sample<T>> sample(Arbitrary<T> arbitrary, int tries) {
    List<T> values = arbitrary.sampleStream().limit(tries).toList();
    List<Sample<T>> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      out.add(new Sample<>(i + 1, values.get(i)));
    }
    return out;
  }
}
