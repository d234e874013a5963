package org.plenary.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;

/**
 * The one text model for everything in Plenary that compares text: the revision diff, the three-way
 * merge and comment anchors all cut text with these functions, so they agree on what a paragraph
 * and a word are.
 *
 * <p><b>Offsets</b> are UTF-16 code units, half-open {@code [start, end)}: the same unit as Java's
 * {@code String} and JavaScript's string indices, so the web app can use them as they are.
 *
 * <p><b>Paragraphs</b> are the blocks of the Markdown source separated by one or more blank lines
 * (lines holding only spaces or tabs). A fenced code block ({@code ```} or {@code ~~~}) is one
 * paragraph even when it contains blank lines, because splitting it would let a merge interleave
 * code.
 *
 * <p><b>Tokens</b> follow the Unicode word boundaries of UAX #29 as ICU implements them
 * (dictionary-based for Chinese, Japanese, Thai), so a word is what a reader sees as a word. Tokens
 * are contiguous and lossless (their texts concatenate to the input) and a token boundary never
 * falls inside a grapheme cluster: combining accents, Arabic marks, emoji ZWJ sequences and flags
 * stay whole.
 */
public final class TextModel {

  private static final BreakIterator WORDS = BreakIterator.getWordInstance(ULocale.ROOT);
  private static final BreakIterator GRAPHEMES = BreakIterator.getCharacterInstance(ULocale.ROOT);

  private TextModel() {}

  /** What a token is, for counting words and for deciding where a merge may cut. */
  public enum Kind {
    /** Letters, digits, ideographs, emoji: something a reader counts as a word. */
    WORD,
    /** Spaces, tabs and line breaks. */
    SPACE,
    /** Punctuation and symbols. */
    PUNCT
  }

  /** A paragraph of the source and where it stands in it. */
  public record Paragraph(int start, int end, String text) {}

  /** A token of a text and where it stands in it. */
  public record Token(int start, int end, String text, Kind kind) {}

  /** The paragraphs of a Markdown source, in order; blank-line separators belong to none. */
  public static List<Paragraph> paragraphs(String source) {
    List<Paragraph> paragraphs = new ArrayList<>();
    int n = source.length();
    int blockStart = -1;
    int blockEnd = -1;
    String fence = null;
    int lineStart = 0;
    while (lineStart < n) {
      int newline = source.indexOf('\n', lineStart);
      int lineEnd = newline < 0 ? n : newline;
      String line = source.substring(lineStart, lineEnd);
      boolean blank = line.isBlank();
      if (fence != null) {
        blockEnd = lineEnd;
        if (closesFence(line, fence)) {
          fence = null;
        }
      } else if (blank) {
        if (blockStart >= 0) {
          paragraphs.add(
              new Paragraph(blockStart, blockEnd, source.substring(blockStart, blockEnd)));
          blockStart = -1;
        }
      } else {
        if (blockStart < 0) {
          blockStart = lineStart;
        }
        blockEnd = lineEnd;
        fence = opensFence(line);
      }
      if (newline < 0) {
        break;
      }
      lineStart = newline + 1;
    }
    if (blockStart >= 0) {
      paragraphs.add(new Paragraph(blockStart, blockEnd, source.substring(blockStart, blockEnd)));
    }
    return paragraphs;
  }

  private static String opensFence(String line) {
    String t = line.stripLeading();
    if (line.length() - t.length() > 3) {
      return null;
    }
    for (String marker : new String[] {"```", "~~~"}) {
      if (t.startsWith(marker)) {
        int len = 0;
        while (len < t.length() && t.charAt(len) == marker.charAt(0)) {
          len++;
        }
        if (marker.charAt(0) == '`' && t.indexOf('`', len) >= 0) {
          return null; // CommonMark: "```js```" is inline code, not a fence
        }
        return marker.substring(0, 1).repeat(len);
      }
    }
    return null;
  }

  private static boolean closesFence(String line, String fence) {
    String t = line.strip();
    return t.startsWith(fence) && t.chars().allMatch(c -> c == fence.charAt(0));
  }

  /** The tokens of a text, in order; their texts concatenate to {@code text}. */
  public static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    if (text.isEmpty()) {
      return tokens;
    }
    BreakIterator words = (BreakIterator) WORDS.clone();
    BreakIterator graphemes = (BreakIterator) GRAPHEMES.clone();
    words.setText(text);
    graphemes.setText(text);
    int start = words.first();
    int status = 0;
    for (int end = words.next(); end != BreakIterator.DONE; end = words.next()) {
      status = Math.max(status, words.getRuleStatus());
      if (end < text.length() && !graphemes.isBoundary(end)) {
        continue; // never cut inside a grapheme cluster
      }
      String piece = text.substring(start, end);
      tokens.add(new Token(start, end, piece, kindOf(piece, status)));
      start = end;
      status = 0;
    }
    return tokens;
  }

  private static Kind kindOf(String piece, int ruleStatus) {
    if (ruleStatus >= BreakIterator.WORD_NONE_LIMIT) {
      return Kind.WORD;
    }
    if (piece.isBlank()) {
      return Kind.SPACE;
    }
    int cp = piece.codePointAt(0);
    // ICU gives emoji and other symbols "none" status; readers count an emoji as a word, but not
    // a symbol such as a degree sign or a check mark.
    // ICU's character data, not the JDK's: Java 17 knows Unicode 13 and no later emoji (🫠).
    if (UCharacter.isLetterOrDigit(cp) || isEmoji(piece, cp)) {
      return Kind.WORD;
    }
    return Kind.PUNCT;
  }

  private static boolean isEmoji(String piece, int cp) {
    if (!UCharacter.hasBinaryProperty(cp, UProperty.EMOJI)) {
      return false;
    }
    // A pictograph (☺, 👍), or a character shown as emoji: a keycap (#️⃣) or with VS16 (©️).
    return UCharacter.getType(cp) == UCharacterCategory.OTHER_SYMBOL
        || piece.indexOf('\u20E3') >= 0
        || piece.indexOf('\uFE0F') >= 0;
  }

  /** How many words (tokens of kind {@link Kind#WORD}) a text has. */
  public static int wordCount(String text) {
    int count = 0;
    for (Token token : tokens(text)) {
      if (token.kind() == Kind.WORD) {
        count++;
      }
    }
    return count;
  }

  /**
   * Line endings as Plenary stores them: {@code \r\n} and lone {@code \r} become {@code \n}, so
   * that the same text typed on different systems compares equal.
   */
  public static String normalizeLineEndings(String text) {
    return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
  }
}
