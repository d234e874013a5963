package org.plenary.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.plenary.importing.MarkdownText.Piece;

class MarkdownTextTest {

  private static final HtmlRenderer HTML =
      HtmlRenderer.builder(
              new MutableDataSet()
                  .set(HtmlRenderer.ESCAPE_HTML, true)
                  .set(
                      com.vladsch.flexmark.parser.Parser.EXTENSIONS,
                      List.of(
                          com.vladsch.flexmark.ext.tables.TablesExtension.create(),
                          com.vladsch.flexmark.ext.footnotes.FootnoteExtension.create(),
                          com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension
                              .create())))
          .build();

  /** What a reader sees of a Markdown text: its HTML's text, white space collapsed. */
  static String seen(String markdown) {
    String html = HTML.render(SectionSplit.PARSER.parse(markdown));
    return Jsoup.parse(html).body().wholeText().replaceAll("\\s+", " ").strip();
  }

  @Provide
  Arbitrary<String> wordText() {
    return Arbitraries.strings()
        .withChars("ab é中ع*_`[]()<>!#+-=.|~&;:\\0123456789\"'")
        .ofMinLength(1)
        .ofMaxLength(40);
  }

  @Property(tries = 2000)
  void text_from_a_document_reads_back_as_itself(@ForAll("wordText") String text) {
    String md = MarkdownText.inline(List.of(new Piece(text, false, false, false, null)), false);
    assertEquals(text.replaceAll("\\s+", " ").strip(), seen(md), md);
  }

  @Property(tries = 1000)
  void formatted_text_reads_back_as_itself(
      @ForAll("wordText") String a, @ForAll("wordText") String b, @ForAll boolean bold) {
    String md =
        MarkdownText.inline(
            List.of(new Piece(a, bold, !bold, false, null), new Piece(b, false, false, true, null)),
            false);
    assertEquals((a + b).replaceAll("\\s+", " ").strip(), seen(md), md);
  }

  @Property(tries = 1000)
  void table_cells_keep_their_pipes(@ForAll("wordText") String text) {
    String cell = MarkdownText.inline(List.of(new Piece(text, false, false, false, null)), true);
    String table = "| h |\n| --- |\n| " + cell + " |\n";
    String html = HTML.render(SectionSplit.PARSER.parse(table));
    String seen =
        Jsoup.parse(html).select("td").first().wholeText().replaceAll("\\s+", " ").strip();
    assertEquals(text.replaceAll("\\s+", " ").strip(), seen, table);
  }

  @Test
  void emphasis_keeps_its_spaces_outside_the_markers() {
    assertEquals(
        "a **bold** word",
        MarkdownText.inline(
            List.of(
                new Piece("a ", false, false, false, null),
                new Piece("bold ", true, false, false, null),
                new Piece("word", false, false, false, null)),
            false));
  }

  @Test
  void a_line_that_would_start_a_block_is_escaped() {
    assertEquals(
        "\\# not a heading\\\n1\\. not a list",
        MarkdownText.inline(
            List.of(
                new Piece("# not a heading", false, false, false, null),
                Piece.lineBreak(),
                new Piece("1. not a list", false, false, false, null)),
            false));
  }
}
