package org.plenary.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.plenary.importing.SectionSplit.Part;

class SectionSplitTest {

  /** A block of a generated document: a heading of some level, or a paragraph, list or footnote. */
  @Provide
  Arbitrary<String> block() {
    Arbitrary<String> words =
        Arbitraries.of("water", "réseau", "شبكة", "连接", "radio", "*bold*", "[^n1]", "link")
            .list()
            .ofMinSize(1)
            .ofMaxSize(8)
            .map(l -> String.join(" ", l));
    Arbitrary<String> heading =
        Combinators.combine(Arbitraries.integers().between(1, 4), words)
            .as((level, w) -> "#".repeat(level) + " " + w.replace("[^n1]", "note"));
    Arbitrary<String> list =
        words.list().ofMinSize(1).ofMaxSize(3).map(l -> "- " + String.join("\n- ", l));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, heading),
        net.jqwik.api.Tuple.of(4, words),
        net.jqwik.api.Tuple.of(1, list));
  }

  @Property(tries = 500)
  void every_word_of_the_source_is_in_exactly_the_sections(
      @ForAll("blocks") List<String> blocks, @ForAll @IntRange(min = 1, max = 6) int level) {
    String source = String.join("\n\n", blocks) + "\n\n[^n1]: The footnote's own words.\n";
    Notes notes = new Notes();
    List<Part> parts = SectionSplit.split(source, level, "Preamble", notes);
    StringBuilder all = new StringBuilder();
    boolean preamble = blocks.isEmpty() || !isCut(blocks.get(0), level);
    for (Part p : parts) {
      all.append(p.heading()).append("\n\n").append(p.body()).append("\n\n");
    }
    String expected = (preamble ? "Preamble\n\n" : "") + source;
    // A footnote definition goes with every section that cites it: count each word once per use.
    List<String> got =
        ImportFixtures.words(all.toString().replace("[^n1]: The footnote's own words.", ""));
    List<String> want =
        ImportFixtures.words(expected.replace("[^n1]: The footnote's own words.", ""));
    assertEquals(want, got, all.toString());
    assertTrue(all.toString().contains("The footnote's own words."), "the footnote is kept");
  }

  @org.junit.jupiter.api.Test
  void a_headings_text_is_what_a_reader_sees_of_it() {
    List<Part> parts =
        SectionSplit.split(
            "# The `code` word, *emphasis* and \\*stars\\*[^1] [^1]\n\ntext\n\n[^1]: note\n",
            1,
            "Preamble",
            new Notes());
    assertEquals("The code word, emphasis and *stars*", parts.get(0).heading());
  }

  @org.junit.jupiter.api.Test
  void a_heading_that_ends_in_an_ellipsis_is_not_taken_for_a_shortened_one() {
    Notes notes = new Notes();
    List<Part> parts = SectionSplit.split("# What next…\n\nWe meet again.\n", 1, "Preamble", notes);
    assertEquals(List.of(new Part("What next…", "We meet again.\n")), parts);
    assertEquals(List.of(), notes.list());
  }

  @Provide
  Arbitrary<List<String>> blocks() {
    return block().list().ofMinSize(0).ofMaxSize(12).map(ArrayList::new);
  }

  private static boolean isCut(String block, int level) {
    int hashes = 0;
    while (hashes < block.length() && block.charAt(hashes) == '#') {
      hashes++;
    }
    return hashes > 0 && hashes <= level;
  }
}
