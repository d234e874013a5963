package org.plenary.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.plenary.importing.MarkdownText.Piece;

class MarkdownTextTest {

  /** What a reader sees of a Markdown text, white space collapsed. */
  static String seen(String markdown) {
    return ImportFixtures.seen(markdown).replaceAll("\\s+", " ").strip();
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
    assertEquals(("h " + text).replaceAll("\\s+", " ").strip(), seen(table), table);
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
