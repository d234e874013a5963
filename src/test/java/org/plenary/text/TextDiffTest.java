package org.plenary.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.plenary.text.TextDiff.Op;
import org.plenary.text.TextDiff.ParagraphDiff;
import org.plenary.text.TextDiff.ParagraphStatus;
import org.plenary.text.TextDiff.Result;
import org.plenary.text.TextDiff.Run;
import org.plenary.text.TextDiff.Stats;
import org.plenary.text.TextModel.Paragraph;

class TextDiffTest {

  private static final String LONG =
      "The roundtable agreed that companies operating in fragile states should publish their"
          + " human rights due diligence, consult local civil society before entering a market,"
          + " and keep a channel open for people to raise concerns without fear of reprisal.";

  private static final String LONG_EDITED = LONG.replace("publish", "disclose");

  private static final String SECOND = "Second paragraph stays as it is.";
  private static final String THIRD = "Third paragraph, also unchanged.";

  @Test
  void identical_texts_compare_equal_paragraph_by_paragraph() {
    String text = LONG + "\n\n" + SECOND + "\n\n" + THIRD;

    Result result = TextDiff.diff(text, text);

    assertTrue(result.identical());
    assertEquals(3, result.paragraphs().size());
    for (int i = 0; i < 3; i++) {
      ParagraphDiff p = result.paragraphs().get(i);
      assertEquals(ParagraphStatus.EQUAL, p.status());
      assertEquals(i, p.fromIndex());
      assertEquals(i, p.toIndex());
      assertEquals(1, p.runs().size());
      assertEquals(Op.EQUAL, p.runs().get(0).op());
    }
    assertEquals(new Stats(0, 0, 0, 0, 0), result.stats());
  }

  @Test
  void empty_texts_are_identical() {
    Result result = TextDiff.diff("", "");

    assertTrue(result.identical());
    assertTrue(result.paragraphs().isEmpty());
  }

  @Test
  void only_the_blank_lines_between_paragraphs_changing_is_no_change() {
    Result result = TextDiff.diff("A.\n\nB.", "A.\n\n\n \nB.\n");

    assertTrue(result.identical());
  }

  @Test
  void a_changed_word_in_a_long_paragraph_shows_as_that_word_only() {
    String from = LONG + "\n\n" + SECOND;
    String to = LONG_EDITED + "\n\n" + SECOND;

    Result result = TextDiff.diff(from, to);

    assertFalse(result.identical());
    assertEquals(2, result.paragraphs().size());
    ParagraphDiff changed = result.paragraphs().get(0);
    assertEquals(ParagraphStatus.CHANGED, changed.status());
    assertEquals(0, changed.fromIndex());
    assertEquals(0, changed.toIndex());
    int at = LONG.indexOf("publish");
    assertEquals(
        List.of(
            new Run(Op.EQUAL, LONG.substring(0, at)),
            new Run(Op.DELETE, "publish"),
            new Run(Op.INSERT, "disclose"),
            new Run(Op.EQUAL, LONG.substring(at + "publish".length()))),
        changed.runs());
    assertEquals(ParagraphStatus.EQUAL, result.paragraphs().get(1).status());
    assertEquals(new Stats(1, 0, 0, 1, 1), result.stats());
  }

  @Test
  void several_changed_words_are_the_only_deleted_and_inserted_text() {
    String to = LONG.replace("agreed", "concluded").replace("without fear", "free");

    List<Run> runs = TextDiff.diff(LONG, to).paragraphs().get(0).runs();

    // Myers may keep a space between the two deleted words as equal; the words are what count.
    assertEquals(List.of("agreed", "without", "fear"), wordsOf(runs, Op.DELETE));
    assertEquals(List.of("concluded", "free"), wordsOf(runs, Op.INSERT));
    assertTrue(join(runs, Op.EQUAL).contains("consult local civil society"));
    assertReconstructs(LONG, to, runs);
  }

  @Test
  void an_inserted_paragraph_is_inserted_and_the_others_stay_equal() {
    String inserted = "A new paragraph about remedies.";
    String from = LONG + "\n\n" + SECOND;
    String to = LONG + "\n\n" + inserted + "\n\n" + SECOND;

    Result result = TextDiff.diff(from, to);

    assertEquals(
        List.of(ParagraphStatus.EQUAL, ParagraphStatus.INSERTED, ParagraphStatus.EQUAL),
        statuses(result));
    ParagraphDiff p = result.paragraphs().get(1);
    assertNull(p.fromIndex());
    assertEquals(1, p.toIndex());
    assertEquals(List.of(new Run(Op.INSERT, inserted)), p.runs());
    assertEquals(1, result.paragraphs().get(2).fromIndex());
    assertEquals(2, result.paragraphs().get(2).toIndex());
    assertEquals(new Stats(0, 1, 0, 5, 0), result.stats());
  }

  @Test
  void a_deleted_paragraph_is_deleted_and_the_others_stay_equal() {
    Result result = TextDiff.diff(LONG + "\n\n" + SECOND + "\n\n" + THIRD, LONG + "\n\n" + THIRD);

    assertEquals(
        List.of(ParagraphStatus.EQUAL, ParagraphStatus.DELETED, ParagraphStatus.EQUAL),
        statuses(result));
    ParagraphDiff p = result.paragraphs().get(1);
    assertEquals(1, p.fromIndex());
    assertNull(p.toIndex());
    assertEquals(List.of(new Run(Op.DELETE, SECOND)), p.runs());
    assertEquals(new Stats(0, 0, 1, 0, 6), result.stats()); // Second paragraph stays as it is
  }

  @Test
  void a_moved_paragraph_is_deleted_at_its_old_place_and_inserted_at_its_new_one() {
    String from = "Alpha one.\n\nBeta two.\n\nGamma three.\n\nDelta four.";
    String to = "Beta two.\n\nGamma three.\n\nDelta four.\n\nAlpha one.";

    Result result = TextDiff.diff(from, to);

    List<ParagraphDiff> ps = result.paragraphs();
    assertEquals(
        List.of(
            ParagraphStatus.DELETED,
            ParagraphStatus.EQUAL,
            ParagraphStatus.EQUAL,
            ParagraphStatus.EQUAL,
            ParagraphStatus.INSERTED),
        statuses(result));
    assertEquals(List.of(new Run(Op.DELETE, "Alpha one.")), ps.get(0).runs());
    assertEquals(List.of(new Run(Op.INSERT, "Alpha one.")), ps.get(4).runs());
    assertEquals(3, ps.get(4).toIndex());
    assertEquals(new Stats(0, 1, 1, 2, 2), result.stats());
  }

  @Test
  void a_new_paragraph_before_an_edited_one_does_not_pair_with_it() {
    // The edited paragraph must still show as one changed word, and the new one as inserted:
    // pairing paragraphs by position would show the new paragraph as the old one rewritten.
    String intro = "A brand new introduction.";
    String from = LONG + "\n\n" + SECOND;
    String to = intro + "\n\n" + LONG_EDITED + "\n\n" + SECOND;

    Result result = TextDiff.diff(from, to);

    assertEquals(
        List.of(ParagraphStatus.INSERTED, ParagraphStatus.CHANGED, ParagraphStatus.EQUAL),
        statuses(result));
    assertEquals(List.of(new Run(Op.INSERT, intro)), result.paragraphs().get(0).runs());
    ParagraphDiff changed = result.paragraphs().get(1);
    assertEquals(0, changed.fromIndex());
    assertEquals(1, changed.toIndex());
    assertEquals(List.of("publish"), textsOf(changed.runs(), Op.DELETE));
    assertEquals(List.of("disclose"), textsOf(changed.runs(), Op.INSERT));
    assertEquals(new Stats(1, 1, 0, 1 + 4, 1), result.stats());
  }

  @Test
  void an_edited_paragraph_followed_by_a_deleted_one_pairs_with_its_new_version() {
    String from = SECOND + "\n\n" + "Doomed paragraph with nothing in common." + "\n\n" + LONG;
    String to = SECOND + "\n\n" + LONG_EDITED;

    Result result = TextDiff.diff(from, to);

    assertEquals(
        List.of(ParagraphStatus.EQUAL, ParagraphStatus.DELETED, ParagraphStatus.CHANGED),
        statuses(result));
    assertEquals(List.of("publish"), textsOf(result.paragraphs().get(2).runs(), Op.DELETE));
  }

  @Test
  void a_paragraph_rewritten_in_place_is_changed_and_reconstructs_both_versions() {
    String from = SECOND + "\n\nOld wording entirely.\n\n" + THIRD;
    String to = SECOND + "\n\nSomething else now, fully!\n\n" + THIRD;

    Result result = TextDiff.diff(from, to);

    assertEquals(
        List.of(ParagraphStatus.EQUAL, ParagraphStatus.CHANGED, ParagraphStatus.EQUAL),
        statuses(result));
    assertReconstructs(
        "Old wording entirely.", "Something else now, fully!", result.paragraphs().get(1).runs());
  }

  @Test
  void stats_count_words_on_a_hand_checked_example() {
    String from = "The cat sat on the mat.\n\nIt was warm.\n\nGone soon, sadly.";
    String to = "Welcome, all!\n\nThe dog sat on the red mat.\n\nIt was warm.";

    Result result = TextDiff.diff(from, to);

    // Inserted: "Welcome", "all" (new paragraph) + "dog", "red". Deleted: "cat" + "Gone", "soon",
    // "sadly" (deleted paragraph).
    assertEquals(
        List.of(
            ParagraphStatus.INSERTED,
            ParagraphStatus.CHANGED,
            ParagraphStatus.EQUAL,
            ParagraphStatus.DELETED),
        statuses(result));
    assertEquals(new Stats(1, 1, 1, 4, 4), result.stats());
    ParagraphDiff changed = result.paragraphs().get(1);
    assertEquals(List.of("cat"), textsOf(changed.runs(), Op.DELETE));
    assertEquals(
        List.of("dog", "red"),
        textsOf(changed.runs(), Op.INSERT).stream().map(String::strip).toList());
  }

  @Test
  void words_compares_two_texts_without_paragraphs() {
    List<Run> runs = TextDiff.words("keep this word", "keep that word");

    assertEquals(
        List.of(
            new Run(Op.EQUAL, "keep "),
            new Run(Op.DELETE, "this"),
            new Run(Op.INSERT, "that"),
            new Run(Op.EQUAL, " word")),
        runs);
  }

  @Test
  void arabic_change_of_harakat_replaces_the_whole_word() {
    String from = "السَّلَامُ عَلَيْكُمْ يا صديقي";
    String to = "السَّلَامُ عَلَيْكِ يا صديقي";

    List<Run> runs = TextDiff.words(from, to);

    assertEquals(List.of("عَلَيْكُمْ"), textsOf(runs, Op.DELETE));
    assertEquals(List.of("عَلَيْكِ"), textsOf(runs, Op.INSERT));
    assertGraphemeSafe(from, to, runs);
  }

  @Test
  void chinese_change_replaces_a_dictionary_word() {
    String from = "我们在北京开会。";
    String to = "我们在上海开会。";

    List<Run> runs = TextDiff.words(from, to);

    assertEquals(List.of("北京"), textsOf(runs, Op.DELETE));
    assertEquals(List.of("上海"), textsOf(runs, Op.INSERT));
    assertGraphemeSafe(from, to, runs);
  }

  @Test
  void emoji_sequences_sharing_a_prefix_are_replaced_whole() {
    // In UTF-16 the smaller family, the French flag's first half and the unmodified thumb are
    // prefixes of the other side: a character diff would cut them.
    String[][] cases = {
      // from, to, deleted, inserted
      {"Family 👨‍👩‍👧 here", "Family 👨‍👩‍👧‍👦 here", "👨‍👩‍👧", "👨‍👩‍👧‍👦"},
      {"Flag 🇫🇷 here", "Flag 🇫🇮 here", "🇫🇷", "🇫🇮"},
      {"Like 👍 this", "Like 👍🏽 this", "👍", "👍🏽"},
      {"Skin 👍🏽 tone", "Skin 👍🏿 tone", "👍🏽", "👍🏿"},
      {"Press 1 now", "Press 1️⃣ now", "1", "1️⃣"},
      {"un cafe noir", "un cafe\u0301 noir", "cafe", "cafe\u0301"},
    };
    for (String[] c : cases) {
      List<Run> runs = TextDiff.words(c[0], c[1]);
      assertGraphemeSafe(c[0], c[1], runs);
      assertEquals(List.of(c[2]), textsOf(runs, Op.DELETE), () -> c[0] + " -> " + runs);
      assertEquals(List.of(c[3]), textsOf(runs, Op.INSERT), () -> c[0] + " -> " + runs);
    }
  }

  // ---- Bounded cost (security review, finding 1) ------------------------------------------------

  @Test
  void a_paragraph_rewritten_whole_beyond_the_word_limit_shows_deleted_and_inserted_whole() {
    // Each side alone has more tokens (words and spaces) than one word diff may compare.
    String from = "First " + words("old", BoundedDiff.MAX_ELEMENTS / 2) + " endold.";
    String to = "Start " + words("new", BoundedDiff.MAX_ELEMENTS / 2) + " endnew!";

    Result result = TextDiff.diff(from, to);

    assertEquals(List.of(ParagraphStatus.CHANGED), statuses(result));
    List<Run> runs = result.paragraphs().get(0).runs();
    assertEquals(List.of(Op.DELETE, Op.INSERT), ops(runs));
    assertReconstructs(from, to, runs);
    int words = BoundedDiff.MAX_ELEMENTS / 2 + 2;
    assertEquals(new Stats(1, 0, 0, words, words), result.stats());
    assertDiffIsConsistent(from, to);
  }

  @Test
  void a_long_paragraph_with_one_word_changed_still_shows_that_word_only() {
    // What both sides share at the ends does not count against the limit.
    String body = words("same", 3 * BoundedDiff.MAX_ELEMENTS);
    String from = body + " publish " + body;
    String to = body + " disclose " + body;

    List<Run> runs = TextDiff.diff(from, to).paragraphs().get(0).runs();

    assertEquals(List.of(Op.EQUAL, Op.DELETE, Op.INSERT, Op.EQUAL), ops(runs));
    assertEquals(List.of("publish"), textsOf(runs, Op.DELETE));
    assertEquals(List.of("disclose"), textsOf(runs, Op.INSERT));
    assertReconstructs(from, to, runs);
  }

  @Test
  void paragraphs_just_under_the_limit_share_one_budget_and_the_rest_show_whole() {
    // Ten rewritten paragraphs of just under the limit each: the first few are compared word by
    // word, then the comparison's budget is spent and the others show deleted and inserted.
    int perSide = BoundedDiff.MAX_ELEMENTS / 4 - 2;
    List<String> from = new ArrayList<>();
    List<String> to = new ArrayList<>();
    for (int p = 0; p < 10; p++) {
      from.add("Old" + p + " " + alternating("a", "b", perSide) + " end.");
      to.add("New" + p + " " + alternating("b", "a", perSide) + " fin!");
    }
    String a = String.join("\n\n", from);
    String b = String.join("\n\n", to);

    Result result = TextDiff.diff(a, b);

    List<ParagraphDiff> ps = result.paragraphs();
    assertEquals(10, ps.size());
    assertTrue(ps.get(0).runs().size() > 2, () -> "word-level runs: " + ps.get(0).runs());
    int wordLevel = BoundedDiff.MAX_PER_COMPARISON / (2 * (perSide + 4));
    for (int p = wordLevel + 1; p < 10; p++) {
      assertEquals(List.of(Op.DELETE, Op.INSERT), ops(ps.get(p).runs()), "paragraph " + p);
      assertReconstructs(from.get(p), to.get(p), ps.get(p).runs());
    }
    assertDiffIsConsistent(a, b);
  }

  /** {@code count} distinct words ({@code prefix0 prefix1 ...}) separated by single spaces. */
  private static String words(String prefix, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "" : " ").append(prefix).append(i);
    }
    return out.toString();
  }

  /** About {@code count} tokens: words {@code x} and {@code y} in turn, spaces between. */
  private static String alternating(String x, String y, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count / 2; i++) {
      out.append(i == 0 ? "" : " ").append(i % 2 == 0 ? x : y);
    }
    return out.toString();
  }

  // ---- Properties ------------------------------------------------------------------------------

  @Property(tries = 500)
  void runs_reconstruct_both_sides_of_an_edit(@ForAll("edited") String[] pair) {
    assertDiffIsConsistent(pair[0], pair[1]);
  }

  @Property(tries = 300)
  void runs_reconstruct_both_sides_of_unrelated_texts(
      @ForAll("prose") String from, @ForAll("prose") String to) {
    assertDiffIsConsistent(
        TextModel.normalizeLineEndings(from), TextModel.normalizeLineEndings(to));
  }

  @Property(tries = 300)
  void a_text_compared_with_itself_is_identical(@ForAll("prose") String raw) {
    String text = TextModel.normalizeLineEndings(raw);
    Result result = TextDiff.diff(text, text);
    assertTrue(result.identical());
    assertEquals(new Stats(0, 0, 0, 0, 0), result.stats());
    assertEquals(TextModel.paragraphs(text).size(), result.paragraphs().size());
  }

  @Provide
  Arbitrary<String> prose() {
    return TextModelTest.proseText();
  }

  /** A prose text and a copy of it with a few words and paragraphs inserted and deleted. */
  @Provide
  Arbitrary<String[]> edited() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.of(TextModelTest.WORDS),
            Arbitraries.of(" ", "\n\n", " new ", ", ", "\n\nA whole new paragraph.\n\n"));
    Arbitrary<List<int[]>> edits =
        Combinators.combine(
                Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, TextModelTest.WORDS.size() + 4))
            .as((at, delete, insert) -> new int[] {at, delete, insert})
            .list()
            .ofMaxSize(6);
    return Combinators.combine(TextModelTest.proseText(), edits, piece.list().ofSize(6))
        .as(
            (raw, edit, inserts) -> {
              String from = TextModel.normalizeLineEndings(raw);
              StringBuilder to = new StringBuilder(from);
              for (int i = 0; i < edit.size(); i++) {
                int[] e = edit.get(i);
                int at = codePointBoundary(to, to.length() == 0 ? 0 : e[0] % (to.length() + 1));
                int end = codePointBoundary(to, Math.min(to.length(), at + e[1]));
                to.replace(at, end, inserts.get(i % inserts.size()));
              }
              return new String[] {from, to.toString()};
            });
  }

  private static int codePointBoundary(CharSequence text, int at) {
    if (at > 0
        && at < text.length()
        && Character.isLowSurrogate(text.charAt(at))
        && Character.isHighSurrogate(text.charAt(at - 1))) {
      return at - 1;
    }
    return at;
  }

  // ---- Helpers ---------------------------------------------------------------------------------

  /**
   * Every paragraph of both sides appears once, in order; each comparison's runs rebuild the old
   * paragraph (EQUAL + DELETE) and the new one (EQUAL + INSERT); statuses, stats and {@code
   * identical()} agree with the runs; no run boundary cuts a grapheme.
   */
  static void assertDiffIsConsistent(String from, String to) {
    List<Paragraph> a = TextModel.paragraphs(from);
    List<Paragraph> b = TextModel.paragraphs(to);
    Result result = TextDiff.diff(from, to);
    int nextFrom = 0;
    int nextTo = 0;
    int changed = 0;
    int inserted = 0;
    int deleted = 0;
    for (ParagraphDiff p : result.paragraphs()) {
      assertFalse(p.runs().isEmpty(), () -> "no runs in " + p);
      for (int r = 0; r < p.runs().size(); r++) {
        assertFalse(p.runs().get(r).text().isEmpty(), "no empty run");
        if (r > 0) {
          assertNotEquals(p.runs().get(r - 1).op(), p.runs().get(r).op(), "runs are merged");
        }
      }
      String old = join(p.runs(), Op.EQUAL, Op.DELETE);
      String neu = join(p.runs(), Op.EQUAL, Op.INSERT);
      if (p.fromIndex() != null) {
        assertEquals(nextFrom++, p.fromIndex(), "old paragraphs in order, none skipped");
        assertEquals(a.get(p.fromIndex()).text(), old);
      } else {
        assertEquals("", old);
      }
      if (p.toIndex() != null) {
        assertEquals(nextTo++, p.toIndex(), "new paragraphs in order, none skipped");
        assertEquals(b.get(p.toIndex()).text(), neu);
      } else {
        assertEquals("", neu);
      }
      switch (p.status()) {
        case EQUAL -> {
          assertEquals(List.of(Op.EQUAL), ops(p.runs()));
          assertEquals(old, neu);
        }
        case INSERTED -> {
          inserted++;
          assertNull(p.fromIndex());
          assertEquals(List.of(Op.INSERT), ops(p.runs()));
        }
        case DELETED -> {
          deleted++;
          assertNull(p.toIndex());
          assertEquals(List.of(Op.DELETE), ops(p.runs()));
        }
        case CHANGED -> {
          changed++;
          assertTrue(p.fromIndex() != null && p.toIndex() != null);
          assertGraphemeSafe(old, neu, p.runs());
        }
      }
    }
    assertEquals(a.size(), nextFrom, "every old paragraph is accounted for");
    assertEquals(b.size(), nextTo, "every new paragraph is accounted for");
    assertEquals(texts(a).equals(texts(b)), result.identical());
    Stats stats = result.stats();
    assertEquals(changed, stats.paragraphsChanged());
    assertEquals(inserted, stats.paragraphsInserted());
    assertEquals(deleted, stats.paragraphsDeleted());
    assertTrue(stats.wordsInserted() >= 0 && stats.wordsDeleted() >= 0);
  }

  static void assertReconstructs(String from, String to, List<Run> runs) {
    assertEquals(from, join(runs, Op.EQUAL, Op.DELETE));
    assertEquals(to, join(runs, Op.EQUAL, Op.INSERT));
  }

  /** The runs rebuild both sides, and each side's run boundaries are grapheme boundaries. */
  static void assertGraphemeSafe(String from, String to, List<Run> runs) {
    assertReconstructs(from, to, runs);
    assertBoundaries(from, runs, Op.DELETE);
    assertBoundaries(to, runs, Op.INSERT);
  }

  private static void assertBoundaries(String side, List<Run> runs, Op own) {
    BreakIterator graphemes = BreakIterator.getCharacterInstance();
    graphemes.setText(side);
    int at = 0;
    for (Run run : runs) {
      if (run.op() == Op.EQUAL || run.op() == own) {
        assertTrue(
            graphemes.isBoundary(at),
            () -> "run " + run + " starts inside a grapheme of " + TextModelTest.escape(side));
        at += run.text().length();
      }
    }
    assertEquals(side.length(), at);
  }

  private static String join(List<Run> runs, Op... ops) {
    List<Op> wanted = List.of(ops);
    StringBuilder out = new StringBuilder();
    runs.stream().filter(r -> wanted.contains(r.op())).forEach(r -> out.append(r.text()));
    return out.toString();
  }

  private static List<String> textsOf(List<Run> runs, Op op) {
    return runs.stream().filter(r -> r.op() == op).map(Run::text).toList();
  }

  /** The words (WORD tokens) of the runs with {@code op}, in order. */
  private static List<String> wordsOf(List<Run> runs, Op op) {
    List<String> words = new ArrayList<>();
    for (String text : textsOf(runs, op)) {
      TextModel.tokens(text).stream()
          .filter(t -> t.kind() == TextModel.Kind.WORD)
          .forEach(t -> words.add(t.text()));
    }
    return words;
  }

  private static List<Op> ops(List<Run> runs) {
    return runs.stream().map(Run::op).toList();
  }

  private static List<ParagraphStatus> statuses(Result result) {
    return result.paragraphs().stream().map(ParagraphDiff::status).toList();
  }

  private static List<String> texts(List<Paragraph> paragraphs) {
    List<String> out = new ArrayList<>();
    paragraphs.forEach(p -> out.add(p.text()));
    return out;
  }
}
