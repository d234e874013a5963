package org.plenary.text.anchor;

import static org.plenary.text.anchor.TextAnchor.CONTEXT;
import static org.plenary.text.anchor.TextAnchor.PARAGRAPH_LOOKBACK;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plenary.text.BoundedDiff;
import org.plenary.text.TextModel;
import org.plenary.text.TextModel.Kind;
import org.plenary.text.TextModel.Paragraph;
import org.plenary.text.TextModel.Token;

/** Comparing tokens, words and context: the small measures the anchor searches share. */
final class Words {

  private Words() {}

  /**
   * Runs of equal elements as {@code {xStart, yStart, length}}, in order: what both share at the
   * ends, and a Myers diff of the middle if it is at most {@link TextAnchor#MAX_ALIGNED} elements
   * ({@link BoundedDiff}).
   */
  static List<int[]> equalRuns(List<String> x, List<String> y) {
    List<int[]> runs = new ArrayList<>();
    for (BoundedDiff.Same same : BoundedDiff.single().same(x, y)) {
      runs.add(new int[] {same.from(), same.to(), same.length()});
    }
    return runs;
  }

  static List<String> texts(List<Paragraph> paragraphs) {
    return paragraphs.stream().map(Paragraph::text).toList();
  }

  // ---- Comparing words and context -----------------------------------------------------------

  /**
   * How many non-whitespace characters of context agree around {@code [start, end)}: the end of
   * {@code prefix} against the text before, the start of {@code suffix} against the text after,
   * whitespace skipped on both sides so that re-wrapped lines do not count as different context.
   */
  static int contextAgreement(String text, int start, int end, String prefix, String suffix) {
    String before =
        prefix.length() > 2 * CONTEXT ? prefix.substring(prefix.length() - 2 * CONTEXT) : prefix;
    String after = suffix.length() > 2 * CONTEXT ? suffix.substring(0, 2 * CONTEXT) : suffix;
    int agreed = 0;
    int floor = Math.max(0, start - 8 * CONTEXT);
    int i = start - 1;
    int p = before.length() - 1;
    while (true) {
      while (i >= floor && Character.isWhitespace(text.charAt(i))) {
        i--;
      }
      while (p >= 0 && Character.isWhitespace(before.charAt(p))) {
        p--;
      }
      if (i < floor || p < 0 || text.charAt(i) != before.charAt(p)) {
        break;
      }
      agreed++;
      i--;
      p--;
    }
    int ceiling = Math.min(text.length(), end + 8 * CONTEXT);
    i = end;
    p = 0;
    while (true) {
      while (i < ceiling && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      while (p < after.length() && Character.isWhitespace(after.charAt(p))) {
        p++;
      }
      if (i >= ceiling || p >= after.length() || text.charAt(i) != after.charAt(p)) {
        break;
      }
      agreed++;
      i++;
      p++;
    }
    return agreed;
  }

  /** The key a token counts under for similarity (lower-cased), or null if it does not count. */
  static String key(Token t, boolean wordsOnly) {
    boolean counts = wordsOnly ? t.kind() == Kind.WORD : t.kind() != Kind.SPACE;
    return counts ? t.text().toLowerCase(Locale.ROOT) : null;
  }

  /**
   * The words of a text, counted; for a quote of punctuation only (a dash, a footnote mark), its
   * non-space tokens instead.
   */
  static Map<String, Integer> keys(String text, boolean wordsOnly) {
    Map<String, Integer> bag = new HashMap<>();
    for (Token t : TextModel.tokens(text)) {
      String key = key(t, wordsOnly);
      if (key != null) {
        bag.merge(key, 1, Integer::sum);
      }
    }
    return bag;
  }

  static int size(Map<String, Integer> bag) {
    return bag.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Dice coefficient of two multisets: 1 for the same words, 0 for none in common. */
  static double dice(Map<String, Integer> x, Map<String, Integer> y) {
    int total = size(x) + size(y);
    if (total == 0) {
      return 0;
    }
    int common = 0;
    for (Map.Entry<String, Integer> e : x.entrySet()) {
      common += Math.min(e.getValue(), y.getOrDefault(e.getKey(), 0));
    }
    return 2.0 * common / total;
  }

  /** The same non-space tokens: only whitespace changed. */
  static boolean sameWords(String a, String b) {
    return nonSpace(a).equals(nonSpace(b));
  }

  static List<String> nonSpace(String text) {
    List<String> out = new ArrayList<>();
    for (Token t : TextModel.tokens(text)) {
      if (t.kind() != Kind.SPACE) {
        out.add(t.text());
      }
    }
    return out;
  }

  /**
   * Where the paragraph holding {@code at} starts: after the last blank line before it, looking
   * back at most {@value TextAnchor#PARAGRAPH_LOOKBACK} characters.
   */
  static int paragraphStart(String text, int at) {
    int newlines = 0;
    for (int i = at - 1; i >= Math.max(0, at - PARAGRAPH_LOOKBACK); i--) {
      char c = text.charAt(i);
      if (c == '\n') {
        if (++newlines == 2) {
          int start = i;
          while (start < at && Character.isWhitespace(text.charAt(start))) {
            start++;
          }
          return start;
        }
      } else if (!Character.isWhitespace(c)) {
        newlines = 0;
      }
    }
    return Math.max(0, at - PARAGRAPH_LOOKBACK);
  }

  /** Whether {@code [start, end)} of a text holds a paragraph break (a blank line). */
  static boolean blankLineIn(String text, int start, int end) {
    int newlines = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        if (++newlines == 2) {
          return true;
        }
      } else if (!Character.isWhitespace(c)) {
        newlines = 0;
      }
    }
    return false;
  }

  /**
   * The text with each run of whitespace as one space, or as one line break if the run holds a
   * blank line: re-wrapping lines keeps a passage the same, splitting it into paragraphs does not.
   * {@code origin}, if given, receives for each character of the result where it came from.
   */
  static String collapseWhitespace(String text, int[] origin) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (origin != null) {
        origin[out.length()] = i;
      }
      if (!Character.isWhitespace(c)) {
        out.append(c);
        i++;
        continue;
      }
      int newlines = 0;
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        newlines += text.charAt(i) == '\n' ? 1 : 0;
        i++;
      }
      out.append(newlines >= 2 ? '\n' : ' ');
    }
    return out.toString();
  }
}
