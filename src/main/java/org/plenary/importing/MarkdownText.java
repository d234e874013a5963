package org.plenary.importing;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text from a document written as Markdown that reads back as the same text: the characters that
 * would start markup are escaped with a backslash (CommonMark allows one before any ASCII
 * punctuation), and runs of formatting become emphasis that CommonMark accepts.
 */
final class MarkdownText {

  private MarkdownText() {}

  /** What a piece of a paragraph is. */
  enum Kind {
    TEXT,
    LINE_BREAK,
    FOOTNOTE
  }

  /**
   * A piece of a paragraph: text with its formatting, a line break, or a footnote reference ({@code
   * text} its Markdown, {@code [^label]}).
   */
  record Piece(Kind kind, String text, boolean bold, boolean italic, boolean strike, String link) {

    /** Text with its formatting ({@code link}: the address it links to, or null). */
    Piece(String text, boolean bold, boolean italic, boolean strike, String link) {
      this(Kind.TEXT, text, bold, italic, strike, link);
    }

    static Piece lineBreak() {
      return new Piece(Kind.LINE_BREAK, "\n", false, false, false, null);
    }

    static Piece footnote(String label) {
      return new Piece(Kind.FOOTNOTE, "[^" + label + "]", false, false, false, null);
    }

    boolean isBreak() {
      return kind == Kind.LINE_BREAK;
    }

    boolean isFootnote() {
      return kind == Kind.FOOTNOTE;
    }

    boolean sameFormat(Piece o) {
      return bold == o.bold
          && italic == o.italic
          && strike == o.strike
          && Objects.equals(link, o.link);
    }
  }

  private static final Pattern ENTITY = Pattern.compile("&(?=#?[A-Za-z0-9]+;)");

  /** Escapes characters that would be read as inline markup ({@code inTable}: also the pipe). */
  static String escape(String text, boolean inTable) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\', '`', '*', '_', '[', ']', '<', '~' -> out.append('\\').append(c);
        case '|' -> out.append(inTable ? "\\|" : "|");
        default -> out.append(c);
      }
    }
    return ENTITY.matcher(out).replaceAll("\\\\&");
  }

  private static final Pattern BLOCK_START =
      Pattern.compile("^( {0,3})([#>+=-]|\\d{1,9}[.)])", Pattern.MULTILINE);

  /** Escapes what would start a block (heading, quote, list, rule) at the start of each line. */
  static String escapeLineStarts(String markdown) {
    return BLOCK_START
        .matcher(markdown)
        .replaceAll(m -> m.group(1) + Matcher.quoteReplacement(blockEscape(m.group(2))));
  }

  private static String blockEscape(String start) {
    if (Character.isDigit(start.charAt(0))) {
      return start.substring(0, start.length() - 1) + "\\" + start.charAt(start.length() - 1);
    }
    return "\\" + start;
  }

  /** A paragraph's pieces as one Markdown inline text (line breaks as backslash-newline). */
  static String inline(List<Piece> all, boolean inTable) {
    // A line break at the very end (or start) means nothing in Markdown.
    int from = 0;
    int to = all.size();
    while (to > from && (all.get(to - 1).isBreak() || all.get(to - 1).text().isBlank())) {
      to--;
    }
    while (from < to && (all.get(from).isBreak() || all.get(from).text().isBlank())) {
      from++;
    }
    List<Piece> pieces = all.subList(from, to);
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < pieces.size()) {
      Piece first = pieces.get(i);
      if (first.isBreak()) {
        out.append(inTable ? " " : "\\\n");
        i++;
        continue;
      }
      if (first.isFootnote()) {
        out.append(first.text());
        i++;
        continue;
      }
      StringBuilder text = new StringBuilder();
      int j = i;
      while (j < pieces.size()
          && !pieces.get(j).isBreak()
          && !pieces.get(j).isFootnote()
          && pieces.get(j).sameFormat(first)) {
        text.append(pieces.get(j).text());
        j++;
      }
      out.append(formatted(text.toString(), first, inTable));
      i = j;
    }
    String joined = out.toString().strip();
    return inTable ? joined : escapeLineStarts(joined.replace("\\\n ", "\\\n"));
  }

  /** A paragraph's pieces as plain text: its words, line breaks as spaces, no note marks. */
  static String plain(List<Piece> pieces) {
    StringBuilder text = new StringBuilder();
    for (Piece p : pieces) {
      text.append(p.isBreak() ? " " : p.isFootnote() ? "" : p.text());
    }
    return text.toString().replaceAll("\\s+", " ").strip();
  }

  /** Emphasis around the text, with its outer white space kept outside the delimiters. */
  private static String formatted(String raw, Piece format, boolean inTable) {
    String text = raw.replace('\t', ' ').replace('\u00A0', ' ');
    String core = text.strip();
    if (core.isEmpty()) {
      return text.isEmpty() ? "" : " ";
    }
    String md = escape(core, inTable);
    if (format.italic()) {
      md = "*" + md + "*";
    }
    if (format.bold()) {
      md = "**" + md + "**";
    }
    if (format.strike()) {
      md = "~~" + md + "~~";
    }
    if (format.link() != null) {
      md = "[" + md + "](" + format.link().replace(" ", "%20").replace(")", "%29") + ")";
    }
    boolean spaceBefore = Character.isWhitespace(text.charAt(0));
    boolean spaceAfter = Character.isWhitespace(text.charAt(text.length() - 1));
    return (spaceBefore ? " " : "") + md + (spaceAfter ? " " : "");
  }
}
