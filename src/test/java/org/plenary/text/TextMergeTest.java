package org.plenary.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.plenary.text.TextMerge.Agreed;
import org.plenary.text.TextMerge.Conflict;
import org.plenary.text.TextMerge.Region;
import org.plenary.text.TextMerge.Result;

class TextMergeTest {

  // ---- Examples -------------------------------------------------------------------------------

  @Test
  void edits_to_different_sentences_of_one_paragraph_merge_cleanly() {
    String base = "Companies should assess conflict risks. They should publish the results.\n";
    String ours = "Companies must assess conflict risks. They should publish the results.\n";
    String theirs = "Companies should assess conflict risks. They should publish the findings.\n";

    Result merged = TextMerge.merge(base, ours, theirs);

    assertTrue(merged.clean(), merged.regions().toString());
    assertEquals(
        "Companies must assess conflict risks. They should publish the findings.\n", merged.text());
  }

  @Test
  void the_same_words_changed_differently_are_a_small_conflict_region() {
    String base = "Intro.\n\nFund local peacebuilders directly.\n\nOutro.";
    String ours = "Intro.\n\nFund local mediators directly.\n\nOutro.";
    String theirs = "Intro.\n\nFund local women's groups directly.\n\nOutro.";

    Result merged = TextMerge.merge(base, ours, theirs);

    assertFalse(merged.clean());
    List<Conflict> conflicts =
        merged.regions().stream()
            .filter(r -> r instanceof Conflict)
            .map(r -> (Conflict) r)
            .toList();
    assertEquals(1, conflicts.size());
    assertEquals(new Conflict("peacebuilders", "mediators", "women's groups"), conflicts.get(0));
    assertEquals("Intro.\n\nFund local ", ((Agreed) merged.regions().get(0)).text());
  }

  @Test
  void paragraphs_added_and_removed_on_both_sides_merge() {
    String base = "A.\n\nB.\n\nC.\n\nD.";
    String ours = "A.\n\nNew after A.\n\nB.\n\nC.\n\nD.";
    String theirs = "A.\n\nB.\n\nD.\n\nE.";

    assertEquals(
        "A.\n\nNew after A.\n\nB.\n\nD.\n\nE.", TextMerge.merge(base, ours, theirs).text());
  }

  @Test
  void both_sides_making_the_same_change_take_it_once() {
    String base = "Fund them.";
    String same = "Fund them directly.";
    assertEquals(same, TextMerge.merge(base, same, same).text());
  }

  @Test
  void empty_texts_merge() {
    assertEquals("", TextMerge.merge("", "", "").text());
    assertEquals("new", TextMerge.merge("", "", "new").text());
    assertEquals("", TextMerge.merge("old", "", "old").text());
  }

  @Test
  void a_paragraph_too_long_to_align_that_both_sides_changed_is_one_conflict_keeping_both() {
    // Ours changed the first and last words of a paragraph longer than one word diff may compare,
    // theirs a word in the middle. Aligned word by word these would merge; beyond the limit the
    // paragraph is one conflict, and nothing of either side is lost.
    StringBuilder middle = new StringBuilder();
    for (int i = 0; i < BoundedDiff.MAX_ELEMENTS; i++) {
      middle.append(" w").append(i);
    }
    String body = middle.toString();
    String base = "First" + body + " last";
    String ours = "Opening" + body + " closing";
    String theirs = "First" + body.replace(" w100 ", " changed ") + " last";

    Result merged = TextMerge.merge(base + ".", ours + ".", theirs + ".");

    // Compared without assertEquals' message: the texts are tens of kilobytes.
    assertEquals(2, merged.regions().size());
    assertTrue(new Conflict(base, ours, theirs).equals(merged.regions().get(0)), "one conflict");
    assertTrue(new Agreed(".").equals(merged.regions().get(1)), "then the shared end");
  }

  // ---- Properties -----------------------------------------------------------------------------

  @Property(tries = 300)
  void merging_onto_an_unchanged_text_takes_the_draft(
      @ForAll("prose") String b, @ForAll("prose") String t) {
    assertEquals(t, TextMerge.merge(b, b, t).text());
  }

  @Property(tries = 300)
  void an_unchanged_draft_keeps_the_current_text(
      @ForAll("prose") String b, @ForAll("prose") String o) {
    assertEquals(o, TextMerge.merge(b, o, b).text());
  }

  @Property(tries = 300)
  void the_same_text_on_both_sides_is_that_text(
      @ForAll("prose") String b, @ForAll("prose") String x) {
    assertEquals(x, TextMerge.merge(b, x, x).text());
  }

  @Property(tries = 300)
  void edits_to_different_words_merge_cleanly_and_keep_every_change(
      @ForAll("scatteredEdits") Triple triple) {
    Result merged = TextMerge.merge(triple.base(), triple.ours(), triple.theirs());

    assertTrue(merged.clean(), () -> "conflict in " + triple + ": " + merged.regions());
    assertEquals(triple.expected(), merged.text());
    assertGraphemeSafe(merged);
  }

  @Property(tries = 300)
  void nothing_is_dropped_each_side_survives_in_agreed_text_or_its_side_of_a_conflict(
      @ForAll("prose") String b, @ForAll("prose") String o, @ForAll("prose") String t) {
    Result merged = TextMerge.merge(b, o, t);
    // Reading every conflict as "ours" must give a text that still holds each of our words
    // (minus the ones theirs deleted or replaced), and likewise for theirs; at the least, every
    // region is whole tokens and, resolved either way, the result is a valid text.
    StringBuilder asOurs = new StringBuilder();
    StringBuilder asTheirs = new StringBuilder();
    for (Region r : merged.regions()) {
      if (r instanceof Agreed a) {
        asOurs.append(a.text());
        asTheirs.append(a.text());
      } else if (r instanceof Conflict c) {
        asOurs.append(c.ours());
        asTheirs.append(c.theirs());
      }
    }
    // With theirs taken everywhere it conflicts, a merge against an unchanged base is theirs.
    if (o.equals(b)) {
      assertEquals(t, asTheirs.toString());
    }
    if (t.equals(b)) {
      assertEquals(o, asOurs.toString());
    }
    assertGraphemeSafe(merged);
  }

  @Property(tries = 200)
  void changes_made_on_one_side_only_all_reach_the_result(@ForAll("scatteredEdits") Triple triple) {
    // Every replacement word of either side is in the merged text.
    Result merged = TextMerge.merge(triple.base(), triple.ours(), triple.theirs());
    for (String word : triple.inserted()) {
      assertTrue(merged.text().contains(word), word + " missing from " + merged.text());
    }
  }

  /**
   * Region boundaries are grapheme boundaries: read with either side taken in every conflict, no
   * accent, mark or emoji part is ever split from what it belongs to.
   */
  private static void assertGraphemeSafe(Result merged) {
    for (boolean oursSide : new boolean[] {true, false}) {
      StringBuilder text = new StringBuilder();
      List<Integer> junctions = new ArrayList<>();
      for (Region r : merged.regions()) {
        text.append(
            r instanceof Agreed a
                ? a.text()
                : oursSide ? ((Conflict) r).ours() : ((Conflict) r).theirs());
        junctions.add(text.length());
      }
      BreakIterator g = BreakIterator.getCharacterInstance(ULocale.ROOT);
      g.setText(text.toString());
      for (int at : junctions) {
        assertTrue(
            g.isBoundary(at), () -> "a region ends inside a grapheme at " + at + ": " + text);
      }
    }
  }

  /** A base, two sides that replace different words of it, and the expected merge. */
  record Triple(String base, String ours, String theirs, String expected, List<String> inserted) {}

  @Provide
  Arbitrary<String> prose() {
    return TextModelTest.proseText().map(TextModel::normalizeLineEndings);
  }

  @Provide
  Arbitrary<Triple> scatteredEdits() {
    return Combinators.combine(prose(), Arbitraries.longs())
        .as(
            (text, seed) -> {
              List<TextModel.Token> tokens = TextModel.tokens(text);
              Random random = new Random(seed);
              StringBuilder base = new StringBuilder();
              StringBuilder ours = new StringBuilder();
              StringBuilder theirs = new StringBuilder();
              StringBuilder expected = new StringBuilder();
              List<String> inserted = new ArrayList<>();
              // Edits are kept apart by whitespace: in scripts written without spaces (Chinese,
              // Japanese, Thai) word segmentation depends on the neighbouring words, so an edit
              // can move the boundaries up to the next space (see docs/text-model.md).
              boolean spaceSinceEdit = true;
              for (int i = 0; i < tokens.size(); i++) {
                TextModel.Token token = tokens.get(i);
                base.append(token.text());
                boolean editable = token.kind() == TextModel.Kind.WORD && spaceSinceEdit;
                int choice = editable ? random.nextInt(4) : 3;
                if (choice == 0 || choice == 1) {
                  String replacement =
                      TextModelTest.WORDS.get(random.nextInt(TextModelTest.WORDS.size()))
                          + (choice == 0 ? "ours" : "theirs")
                          + i;
                  inserted.add(replacement);
                  (choice == 0 ? ours : theirs).append(replacement);
                  (choice == 0 ? theirs : ours).append(token.text());
                  expected.append(replacement);
                  spaceSinceEdit = false;
                } else {
                  ours.append(token.text());
                  theirs.append(token.text());
                  expected.append(token.text());
                  if (token.kind() == TextModel.Kind.SPACE) {
                    spaceSinceEdit = true;
                  }
                }
              }
              return new Triple(
                  base.toString(),
                  ours.toString(),
                  theirs.toString(),
                  expected.toString(),
                  inserted);
            });
  }

  // ---- Oracle: git merge-file -----------------------------------------------------------------

  @Test
  void on_lines_changed_far_apart_the_result_equals_git_merge_file() throws Exception {
    Random random = new Random(20261128);
    Path dir = Files.createTempDirectory("plenary-merge-oracle");
    int compared = 0;
    for (int round = 0; round < 60; round++) {
      int lines = 8 + random.nextInt(20);
      List<String> base = new ArrayList<>();
      for (int i = 0; i < lines; i++) {
        base.add(sentence(random, 4 + random.nextInt(8)));
      }
      List<String> ours = new ArrayList<>(base);
      List<String> theirs = new ArrayList<>(base);
      for (int i = 0; i < lines; i++) {
        // Ours changes lines 0, 4, 8…, theirs 2, 6, 10…: never the same or adjacent lines.
        if (i % 4 == 0 && random.nextBoolean()) {
          ours.set(i, sentence(random, 3 + random.nextInt(8)));
        } else if (i % 4 == 2 && random.nextBoolean()) {
          theirs.set(i, sentence(random, 3 + random.nextInt(8)));
        }
      }
      String b = String.join("\n", base) + "\n";
      String o = String.join("\n", ours) + "\n";
      String t = String.join("\n", theirs) + "\n";
      Files.writeString(dir.resolve("base"), b);
      Files.writeString(dir.resolve("ours"), o);
      Files.writeString(dir.resolve("theirs"), t);
      Process git =
          new ProcessBuilder("git", "merge-file", "-p", "ours", "base", "theirs")
              .directory(dir.toFile())
              .redirectErrorStream(false)
              .start();
      String gitResult = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = git.waitFor();
      if (exit != 0) {
        continue; // git saw a conflict: not a case for the oracle
      }
      Result plenary = TextMerge.merge(b, o, t);
      assertTrue(plenary.clean(), "git merged cleanly, so must Plenary: " + plenary.regions());
      assertEquals(gitResult, plenary.text());
      compared++;
    }
    assertTrue(compared >= 30, "compared only " + compared + " merges with git");
    deleteQuietly(dir);
  }

  private static final List<String> ORACLE_WORDS =
      List.of(
          "peace",
          "company",
          "café",
          "résumé",
          "سلام",
          "مجتمع",
          "和平",
          "社区",
          "👩‍💻",
          "🇰🇪",
          "données",
          "mediation",
          "risk",
          "Ça",
          "naïve",
          "trust",
          "local",
          "voice");

  private static String sentence(Random random, int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(ORACLE_WORDS.get(random.nextInt(ORACLE_WORDS.size())));
    }
    return sb.append('.').toString();
  }

  private static void deleteQuietly(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(dir);
  }
}
