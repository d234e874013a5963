package org.plenary.text.anchor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.plenary.text.TextModel;
import org.plenary.text.TextModelTest;
import org.plenary.text.anchor.TextAnchor.Located;
import org.plenary.text.anchor.TextAnchor.Quote;
import org.plenary.text.anchor.TextAnchor.Status;

class TextAnchorTest {

  private static final String INTRO =
      "Companies operating in fragile states should publish their human rights due diligence.";
  private static final String BODY =
      "They should consult local civil society before entering a market, and keep a channel open"
          + " for people to raise concerns without fear of reprisal.";
  private static final String OUTRO = "Donors should fund local peacebuilders directly.";
  private static final String TEXT = INTRO + "\n\n" + BODY + "\n\n" + OUTRO;

  // ---- select and find ------------------------------------------------------------------------

  @Test
  void select_quotes_the_range_with_up_to_32_characters_of_context_on_each_side() {
    int start = TEXT.indexOf("consult local civil society");
    Quote quote = TextAnchor.select(TEXT, start, start + "consult local civil society".length());

    assertEquals("consult local civil society", quote.exact());
    assertEquals(start, quote.start());
    assertEquals(TEXT.substring(start - TextAnchor.CONTEXT, start), quote.prefix());
    assertEquals(TEXT.substring(quote.end(), quote.end() + TextAnchor.CONTEXT), quote.suffix());
  }

  @Test
  void context_is_shorter_at_the_ends_of_the_text() {
    Quote quote = TextAnchor.select("Fund them.", 0, 4);

    assertEquals(new Quote("Fund", "", " them.", 0), quote);
  }

  @Test
  void context_never_cuts_an_emoji_or_an_accent_in_half() {
    String family = "👨‍👩‍👧‍👦";
    String text = "x" + family + "a".repeat(TextAnchor.CONTEXT - 2) + "QUOTE" + "cafe\u0301 done";
    int start = text.indexOf("QUOTE");
    Quote quote = TextAnchor.select(text, start, start + 5);

    // The cut 32 characters back falls inside the family emoji: the prefix starts after it.
    assertEquals("a".repeat(TextAnchor.CONTEXT - 2), quote.prefix());

    String accented = "QUOTE" + "b".repeat(TextAnchor.CONTEXT - 4) + "cafe\u0301 done";
    Quote second = TextAnchor.select(accented, 0, 5);
    // The cut falls between "e" and its combining accent: the suffix stops before the "e".
    assertEquals("b".repeat(TextAnchor.CONTEXT - 4) + "caf", second.suffix());
  }

  @Test
  void select_rejects_ranges_outside_empty_reversed_blank_or_splitting_a_surrogate_pair() {
    String text = "A 👍 B   C";
    assertThrows(IllegalArgumentException.class, () -> TextAnchor.select(text, -1, 2));
    assertThrows(IllegalArgumentException.class, () -> TextAnchor.select(text, 0, 99));
    assertThrows(IllegalArgumentException.class, () -> TextAnchor.select(text, 3, 3));
    assertThrows(IllegalArgumentException.class, () -> TextAnchor.select(text, 4, 2));
    assertThrows(IllegalArgumentException.class, () -> TextAnchor.select(text, 3, 5));
    assertThrows(IllegalArgumentException.class, () -> TextAnchor.select(text, 0, 3));
    IllegalArgumentException blank =
        assertThrows(IllegalArgumentException.class, () -> TextAnchor.select(text, 6, 9));
    assertTrue(blank.getMessage().contains("whitespace"), blank.getMessage());
  }

  @Test
  void find_prefers_the_occurrence_whose_context_agrees_then_the_one_nearest_the_hint() {
    String text = "Fund them. Then Fund them again. Fund them.";
    int second = text.indexOf("Fund them", 1);

    assertEquals(
        second, TextAnchor.find(text, "Fund them", "Then ", " again", null).orElseThrow().start());
    assertEquals(0, TextAnchor.find(text, "Fund them", null, null, null).orElseThrow().start());
    int last = text.lastIndexOf("Fund them");
    assertEquals(last, TextAnchor.find(text, "Fund them", "", "", 40).orElseThrow().start());
    // The server fills in the context the client left out.
    assertEquals(
        TextAnchor.select(text, last, last + 9),
        TextAnchor.find(text, "Fund them", null, null, 40).orElseThrow());
  }

  @Test
  void find_returns_nothing_for_a_quote_not_in_the_text_and_rejects_a_blank_one() {
    assertEquals(Optional.empty(), TextAnchor.find(TEXT, "peace dividend", null, null, null));
    assertThrows(
        IllegalArgumentException.class, () -> TextAnchor.find(TEXT, " \n", null, null, null));
  }

  // ---- locate: examples -----------------------------------------------------------------------

  @Test
  void an_unchanged_text_keeps_the_quote_where_it_was() {
    Quote quote = quote(TEXT, "civil society");

    assertEquals(
        new Located(Status.ATTACHED, quote.start(), quote.end(), "civil society"),
        TextAnchor.locate(quote, TEXT, TEXT));
  }

  @Test
  void a_paragraph_added_above_shifts_the_quote() {
    Quote quote = quote(TEXT, "civil society");
    String current = "A new first paragraph.\n\n" + TEXT;

    Located located = TextAnchor.locate(quote, TEXT, current);

    assertEquals(Status.ATTACHED, located.status());
    assertEquals(quote.start() + "A new first paragraph.\n\n".length(), located.start());
  }

  @Test
  void a_word_changed_inside_is_changed_and_spans_the_edited_passage() {
    Quote quote = quote(TEXT, "consult local civil society before entering a market");
    String current = TEXT.replace("consult local civil", "consult national civil");

    Located located = TextAnchor.locate(quote, TEXT, current);

    assertEquals(
        new Located(
            Status.CHANGED,
            quote.start(),
            quote.start() + "consult national civil society before entering a market".length(),
            "consult national civil society before entering a market"),
        located);
  }

  @Test
  void words_replaced_at_the_start_and_end_of_the_passage_belong_to_it() {
    Quote quote = quote(TEXT, "consult local civil society before entering a market");
    String current = TEXT.replace("consult local", "engage local").replace("a market", "a place");

    Located located = TextAnchor.locate(quote, TEXT, current);

    assertEquals(Status.CHANGED, located.status());
    assertEquals("engage local civil society before entering a place", located.text());
  }

  @Test
  void a_passage_rewritten_beyond_recognition_is_outdated() {
    Quote quote = quote(TEXT, "consult local civil society before entering a market");
    String current =
        TEXT.replace(
            "consult local civil society before entering a market",
            "talk to the people who live there first");

    assertEquals(
        new Located(Status.OUTDATED, null, null, null), TextAnchor.locate(quote, TEXT, current));
  }

  @Test
  void a_deleted_sentence_does_not_move_to_an_older_copy_of_it_elsewhere() {
    String original = OUTRO + "\n\n" + BODY + "\n\nIn short: " + OUTRO;
    int at = original.lastIndexOf(OUTRO);
    Quote quote = TextAnchor.select(original, at, at + OUTRO.length());
    String current = OUTRO + "\n\n" + BODY + "\n\nIn short, that is all.";

    assertEquals(Status.OUTDATED, TextAnchor.locate(quote, original, current).status());
  }

  @Test
  void an_edited_sentence_stays_put_even_when_an_unedited_copy_exists_elsewhere() {
    String original = OUTRO + "\n\n" + BODY + "\n\nIn short: " + OUTRO;
    int at = original.lastIndexOf(OUTRO);
    Quote quote = TextAnchor.select(original, at, at + OUTRO.length());
    String current = original.substring(0, at) + OUTRO.replace("directly", "quickly");

    Located located = TextAnchor.locate(quote, original, current);

    assertEquals(Status.CHANGED, located.status());
    assertEquals(at, located.start());
  }

  @Test
  void a_sentence_cut_and_pasted_into_another_paragraph_is_found_there() {
    String sentence = "They should consult local civil society before entering a market,";
    Quote quote = quote(TEXT, sentence);
    String current =
        INTRO + " " + sentence + "\n\n" + BODY.replace(sentence + " ", "") + "\n\n" + OUTRO;

    Located located = TextAnchor.locate(quote, TEXT, current);

    assertEquals(Status.ATTACHED, located.status());
    assertEquals(current.indexOf(sentence), located.start());
  }

  @Test
  void a_paragraph_moved_with_a_word_changed_is_found_changed_in_its_new_place() {
    Quote quote = quote(TEXT, "consult local civil society before entering a market");
    String current =
        INTRO + "\n\n" + OUTRO + "\n\n" + BODY.replace("entering a market", "entering any market");

    Located located = TextAnchor.locate(quote, TEXT, current);

    assertEquals(Status.CHANGED, located.status());
    assertEquals("consult local civil society before entering any market", located.text());
    assertEquals(current.indexOf("consult local"), located.start());
  }

  @Test
  void in_a_moved_paragraph_a_replaced_first_word_belongs_to_the_passage() {
    Quote quote = quote(TEXT, "consult local civil society");
    String current =
        INTRO + "\n\n" + OUTRO + "\n\n" + BODY.replace("consult local", "engage local");

    Located located = TextAnchor.locate(quote, TEXT, current);

    assertEquals(Status.CHANGED, located.status());
    assertEquals("engage local civil society", located.text());
  }

  @Test
  void a_paragraph_half_rewritten_with_a_new_one_after_it_is_still_in_its_place() {
    String original = "Fund them now.\n\n" + BODY;
    Quote quote = quote(original, "Fund");
    String current = "Fund all of them today!\n\nA new paragraph.\n\n" + BODY;

    assertEquals(
        new Located(Status.ATTACHED, 0, 4, "Fund"), TextAnchor.locate(quote, original, current));
  }

  @Test
  void re_wrapped_lines_are_still_the_same_passage() {
    Quote quote = quote(TEXT, "keep a channel open for people to raise concerns");
    String current = TEXT.replace("open for people", "open\nfor   people");

    Located located = TextAnchor.locate(quote, TEXT, current);

    assertEquals(Status.ATTACHED, located.status());
    assertEquals("keep a channel open\nfor   people to raise concerns", located.text());
  }

  @Test
  void a_repeated_word_deleted_just_before_the_quote_leaves_the_quote_its_own_word() {
    // Of "results results?" becoming "results?", either "results" may count as deleted; the quote
    // keeps its own.
    String original = "Publish the results results? We will.";
    Quote quote = quote(original, "results?");
    String current = "Publish the results? We will.";

    assertEquals(
        new Located(Status.ATTACHED, 12, 20, "results?"),
        TextAnchor.locate(quote, original, current));
  }

  @Test
  void in_repetitive_text_an_edit_does_not_shift_the_quote_onto_the_next_repeat() {
    // The quote also matches from the second "Fund" on, but there its words are out of place.
    String original = "Fund them. Fund them. Fund them. Fund them.";
    Quote quote = quote(original, "Fund them. Fund them. Fund");
    String current = original.replaceFirst("Fund", "Pay");

    Located located = TextAnchor.locate(quote, original, current);

    assertEquals(new Located(Status.CHANGED, 0, 25, "Pay them. Fund them. Fund"), located);
  }

  @Test
  void of_two_identical_paragraphs_the_one_left_keeps_the_comment_whichever_it_was() {
    String paragraph = "Fund local peacebuilders directly. Publish the results.";
    String original = paragraph + "\n\n" + paragraph;
    int at = original.lastIndexOf("Publish the results.");
    Quote quote = TextAnchor.select(original, at, at + "Publish the results.".length());
    String current = paragraph.replace("Fund local", "Fund national");

    int now = current.indexOf("Publish");
    assertEquals(
        new Located(Status.ATTACHED, now, now + 20, "Publish the results."),
        TextAnchor.locate(quote, original, current));
  }

  @Test
  void a_short_paragraph_mostly_rewritten_between_the_same_neighbours_keeps_its_comment() {
    String original = INTRO + "\n\nWe should, and will — act!";
    Quote quote = quote(original, "act!");
    String current =
        "A new opening.\n\n" + INTRO.replace("publish", "disclose") + "\n\nThey must — act!";

    Located located = TextAnchor.locate(quote, original, current);

    assertEquals(Status.ATTACHED, located.status());
    assertEquals(current.lastIndexOf("act!"), located.start());
  }

  @Test
  void a_one_word_quote_whose_paragraph_was_deleted_does_not_land_on_a_new_use_of_the_word() {
    Quote quote = quote(TEXT, "reprisal");
    String current = INTRO + "\n\n" + OUTRO + " Without reprisal.";

    assertEquals(Status.OUTDATED, TextAnchor.locate(quote, TEXT, current).status());
  }

  @Test
  void a_quote_with_a_stale_start_is_looked_up_in_the_original_by_its_context() {
    Quote right = quote(TEXT, "local");
    Quote stale = new Quote(right.exact(), right.prefix(), right.suffix(), 3);

    assertEquals(right.start(), TextAnchor.locate(stale, TEXT, TEXT).start());
    assertThrows(
        IllegalArgumentException.class,
        () -> TextAnchor.locate(new Quote("absent", "", "", 0), TEXT, TEXT));
  }

  // ---- locate: cost ---------------------------------------------------------------------------

  @Test
  void a_megabyte_section_locates_a_moved_and_edited_paragraph_in_bounded_time() {
    Random random = new Random(42);
    List<List<String>> paragraphs = new ArrayList<>();
    int length = 0;
    while (length < 1_000_000) {
      List<String> p = paragraph(random);
      paragraphs.add(p);
      length += String.join(" ", p).length() + 2;
    }
    paragraphs.set(
        10,
        new ArrayList<>(
            List.of(
                "Meanwhile,",
                "mediators",
                "from",
                "neighbouring",
                "regions",
                "negotiated",
                "a",
                "truce.")));
    Doc doc = new Doc(paragraphs);
    String original = doc.text();
    Passage passage = new Passage(10, 1, 7);
    Quote quote = TextAnchor.select(original, doc.start(passage), doc.end(passage));
    Doc edited = doc.copy();
    List<String> moved = edited.paragraphs().remove(10);
    moved.set(3, "altered");
    edited.paragraphs().add(edited.paragraphs().size() - 10, moved);
    edited.paragraphs().get(500).add("tail");
    String current = edited.text();

    Located located =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> TextAnchor.locate(quote, original, current));

    assertEquals(Status.CHANGED, located.status());
    int at = edited.start(new Passage(edited.paragraphs().size() - 11, 1, 7));
    assertEquals(at, located.start());
    assertEquals("mediators from altered regions negotiated a", located.text());
  }

  @Test
  void a_wholesale_rewrite_of_a_megabyte_section_stays_bounded() {
    Random random = new Random(7);
    StringBuilder original = new StringBuilder();
    StringBuilder current = new StringBuilder();
    while (original.length() < 1_000_000) {
      original.append(String.join(" ", paragraph(random))).append("\n\n");
      current.append(String.join(" ", paragraph(random))).append("\n\n");
    }
    String before = original.toString();
    int at = before.indexOf(' ', 500_000) + 1;
    Quote quote = TextAnchor.select(before, at, before.indexOf(' ', at + 40));

    Located located =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> TextAnchor.locate(quote, before, current.toString()));

    assertConsistent(located, current.toString());
  }

  // ---- locate: properties ---------------------------------------------------------------------

  @Property(tries = 300)
  void edits_before_the_passage_keep_it_attached_at_the_shifted_place(@ForAll long seed) {
    Random random = new Random(seed);
    Doc doc = document(random);
    Passage passage = passage(random, doc, 1);
    String original = doc.text();
    Quote quote = TextAnchor.select(original, doc.start(passage), doc.end(passage));
    Doc edited = doc.copy();
    Passage moved = editBefore(random, edited, passage, 1 + random.nextInt(5));
    String current = edited.text();

    Located located = TextAnchor.locate(quote, original, current);

    Supplier<String> why = () -> explain(quote, original, current, located);
    assertEquals(Status.ATTACHED, located.status(), why);
    assertEquals(quote.exact(), current.substring(located.start(), located.end()), why);
    assertEquals(quote.exact(), located.text(), why);
    if (!repeatedAcross(current, edited.start(moved), edited.end(moved))) {
      assertEquals(edited.start(moved), located.start(), why);
    }
  }

  @Property(tries = 300)
  void edits_after_the_passage_keep_it_attached_where_it_was(@ForAll long seed) {
    Random random = new Random(seed);
    Doc doc = document(random);
    Passage passage = passage(random, doc, 1);
    String original = doc.text();
    Quote quote = TextAnchor.select(original, doc.start(passage), doc.end(passage));
    Doc edited = doc.copy();
    editAfter(random, edited, passage, 1 + random.nextInt(5));
    String current = edited.text();

    Located located = TextAnchor.locate(quote, original, current);

    Supplier<String> why = () -> explain(quote, original, current, located);
    assertEquals(Status.ATTACHED, located.status(), why);
    assertEquals(quote.exact(), located.text(), why);
    if (!repeatedAcross(current, quote.start(), quote.end())) {
      assertEquals(quote.start(), located.start(), why);
    }
  }

  @Property(tries = 300)
  void a_minority_of_words_edited_inside_is_changed_over_the_edited_passage(@ForAll long seed) {
    Random random = new Random(seed);
    Doc doc = document(random);
    Passage passage = passage(random, doc, 4);
    String original = doc.text();
    Quote quote = TextAnchor.select(original, doc.start(passage), doc.end(passage));
    Doc edited = doc.copy();
    Set<Integer> kept =
        replaceMinority(random, edited.paragraphs().get(passage.paragraph()), passage);
    if (kept == null) {
      return; // every word of the passage is a long one: nothing can be a minority
    }
    String current = edited.text();

    Located located = TextAnchor.locate(quote, original, current);

    Supplier<String> why = () -> explain(quote, original, current, located);
    assertEquals(Status.CHANGED, located.status(), why);
    int from = edited.start(passage);
    int to = edited.end(passage);
    assertTrue(from <= located.start() && located.end() <= to, why);
    int firstKept = Collections.min(kept);
    int lastKept = Collections.max(kept);
    assertTrue(
        located.start() <= edited.start(new Passage(passage.paragraph(), firstKept, lastKept + 1))
            && located.end()
                >= edited.end(new Passage(passage.paragraph(), firstKept, lastKept + 1)),
        why);
    assertEquals(current.substring(located.start(), located.end()), located.text(), why);
  }

  @Property(tries = 300)
  void a_paragraph_moved_and_edited_is_changed_in_its_new_place(@ForAll long seed) {
    Random random = new Random(seed);
    // No repeated sentences: a moved and edited passage is found by its words, and a repeat of
    // them moved along would be as good a match.
    Doc doc = document(random, false);
    Passage passage = passage(random, doc, 4);
    String original = doc.text();
    Quote quote = TextAnchor.select(original, doc.start(passage), doc.end(passage));
    if (quote.exact().replaceAll("\\s", "").length() < 2 * TextAnchor.MIN_EVIDENCE) {
      return; // too short to be told from a coincidence once its context is gone (MIN_EVIDENCE)
    }
    Doc edited = doc.copy();
    Set<Integer> kept =
        replaceMinority(random, edited.paragraphs().get(passage.paragraph()), passage);
    if (kept == null) {
      return;
    }
    List<String> moved = edited.paragraphs().remove(passage.paragraph());
    int place = random.nextInt(edited.paragraphs().size());
    if (place >= passage.paragraph()) {
      place++;
    }
    edited.paragraphs().add(place, moved);
    Passage expected = new Passage(place, passage.from(), passage.to());
    String current = edited.text();

    Located located = TextAnchor.locate(quote, original, current);

    Supplier<String> why = () -> explain(quote, original, current, located);
    assertEquals(Status.CHANGED, located.status(), why);
    Passage paragraph = new Passage(place, 0, moved.size());
    assertTrue(
        edited.start(paragraph) <= located.start() && located.end() <= edited.end(paragraph), why);
    // Where the words left of the passage also stand elsewhere in its paragraph, either place is
    // as good a match.
    boolean repeated = false;
    for (int i : kept) {
      for (int j = 0; j < moved.size(); j++) {
        boolean outside = j < passage.from() || j >= passage.to();
        repeated |= outside && bare(moved.get(j)).equals(bare(moved.get(i)));
      }
    }
    if (!repeated) {
      assertTrue(
          located.start() < edited.end(expected) && edited.start(expected) < located.end(), why);
    }
  }

  /** A generated item without the punctuation attached to it. */
  private static String bare(String item) {
    return item.replaceAll("[.,?!]+$", "");
  }

  @Property(tries = 200)
  void a_deleted_passage_whose_words_are_nowhere_else_is_outdated(@ForAll long seed) {
    Random random = new Random(seed);
    Doc doc = document(random);
    int p = random.nextInt(doc.paragraphs().size());
    List<String> items = doc.paragraphs().get(p);
    int at = random.nextInt(items.size() + 1);
    int n = 3 + random.nextInt(6);
    for (int k = 0; k < n; k++) {
      items.add(at + k, UNIQUE.get(k % UNIQUE.size()) + k + seedSuffix(seed));
    }
    Passage passage = new Passage(p, at + random.nextInt(n / 2), at + n - random.nextInt(n / 2));
    String original = doc.text();
    Quote quote = TextAnchor.select(original, doc.start(passage), doc.end(passage));
    Doc edited = doc.copy();
    if (random.nextBoolean() || items.size() == n) {
      edited.paragraphs().remove(p);
      if (edited.paragraphs().isEmpty()) {
        edited.paragraphs().add(paragraph(random));
      }
    } else {
      edited.paragraphs().get(p).subList(at, at + n).clear();
    }
    String current = edited.text();

    Located located = TextAnchor.locate(quote, original, current);

    assertEquals(
        new Located(Status.OUTDATED, null, null, null),
        located,
        () -> explain(quote, original, current, located));
  }

  @Property(tries = 200)
  void a_deleted_paragraph_is_outdated_even_when_its_sentence_is_in_another_one(@ForAll long seed) {
    Random random = new Random(seed);
    // No other repeats: in "S S. | S only." losing "S only.", the first paragraph's second S might
    // as well be the quoted one, the rest of the text having closed up around it.
    Doc doc = document(random, false);
    int p = random.nextInt(doc.paragraphs().size());
    List<String> items = doc.paragraphs().get(p);
    int from = random.nextInt(items.size() - 3);
    int to = Math.min(items.size(), from + 4 + random.nextInt(6));
    List<String> sentence = new ArrayList<>(items.subList(from, to));
    items.add("only" + seedSuffix(seed)); // this paragraph is unlike any other
    int size = doc.paragraphs().size();
    int other = (p + 1 + random.nextInt(size - 1)) % size;
    List<String> host = doc.paragraphs().get(other);
    // Inside the other paragraph, not at its start or end: there, with the paragraph between
    // gone, the copy could equally be the quoted sentence with the text around it deleted.
    host.addAll(1 + random.nextInt(host.size() - 1), sentence);
    Passage passage = new Passage(p, from, to);
    String original = doc.text();
    Quote quote = TextAnchor.select(original, doc.start(passage), doc.end(passage));
    Doc edited = doc.copy();
    edited.paragraphs().remove(p);
    String current = edited.text();

    Located located = TextAnchor.locate(quote, original, current);

    assertTrue(current.contains(quote.exact()));
    assertEquals(
        Status.OUTDATED, located.status(), () -> explain(quote, original, current, located));
  }

  @Property(tries = 300)
  void a_copy_of_the_passage_elsewhere_does_not_take_the_comment_away(@ForAll long seed) {
    Random random = new Random(seed);
    Doc doc = document(random);
    Passage passage = passage(random, doc, 1);
    String original = doc.text();
    Quote quote = TextAnchor.select(original, doc.start(passage), doc.end(passage));
    Doc edited = doc.copy();
    List<String> copy =
        new ArrayList<>(
            edited.paragraphs().get(passage.paragraph()).subList(passage.from(), passage.to()));
    int p = passage.paragraph();
    int size = edited.paragraphs().size();
    if (random.nextBoolean()) {
      // As a paragraph of its own, not right before or after the passage's paragraph.
      List<Integer> places = new ArrayList<>();
      for (int i = 0; i <= size; i++) {
        if (i != p && i != p + 1) {
          places.add(i);
        }
      }
      int place = places.get(random.nextInt(places.size()));
      edited.paragraphs().add(place, copy);
      if (place < p) {
        p++;
      }
    } else {
      // Inside another paragraph.
      int host = (p + 1 + random.nextInt(size - 1)) % size;
      List<String> items = edited.paragraphs().get(host);
      items.addAll(random.nextInt(items.size() + 1), copy);
    }
    Passage expected = new Passage(p, passage.from(), passage.to());
    String current = edited.text();

    Located located = TextAnchor.locate(quote, original, current);

    Supplier<String> why = () -> explain(quote, original, current, located);
    assertEquals(Status.ATTACHED, located.status(), why);
    assertEquals(edited.start(expected), located.start(), why);
    assertEquals(quote.exact(), located.text(), why);
  }

  @Property(tries = 300)
  void reordered_paragraphs_take_the_passage_to_its_new_place(@ForAll long seed) {
    Random random = new Random(seed);
    Doc doc = document(random);
    Passage passage = passage(random, doc, 1);
    String original = doc.text();
    Quote quote = TextAnchor.select(original, doc.start(passage), doc.end(passage));
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < doc.paragraphs().size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    if (order.indexOf(passage.paragraph()) == passage.paragraph()) {
      int other = (passage.paragraph() + 1) % order.size();
      Collections.swap(order, order.indexOf(passage.paragraph()), order.indexOf(other));
    }
    List<List<String>> shuffled = new ArrayList<>();
    order.forEach(i -> shuffled.add(new ArrayList<>(doc.paragraphs().get(i))));
    Doc edited = new Doc(shuffled);
    Passage expected =
        new Passage(order.indexOf(passage.paragraph()), passage.from(), passage.to());
    String current = edited.text();

    Located located = TextAnchor.locate(quote, original, current);

    Supplier<String> why = () -> explain(quote, original, current, located);
    assertEquals(Status.ATTACHED, located.status(), why);
    assertEquals(quote.exact(), current.substring(located.start(), located.end()), why);
    if (original.indexOf(quote.exact()) == original.lastIndexOf(quote.exact())) {
      assertEquals(edited.start(expected), located.start(), why);
    }
  }

  @Property(tries = 300)
  void re_wrapping_lines_inside_the_passage_never_outdates_it(@ForAll long seed) {
    Random random = new Random(seed);
    Doc doc = document(random);
    Passage passage = passage(random, doc, 2);
    String original = doc.text();
    Quote quote = TextAnchor.select(original, doc.start(passage), doc.end(passage));
    StringBuilder wrapped = new StringBuilder();
    List<String> breaks = List.of("\n", " \n", "\n  ", "  ");
    boolean any = false;
    for (int i = 0; i < quote.exact().length(); i++) {
      char c = quote.exact().charAt(i);
      if (c == ' ' && (random.nextInt(3) == 0 || (!any && quote.exact().indexOf(' ', i + 1) < 0))) {
        wrapped.append(breaks.get(random.nextInt(breaks.size())));
        any = true;
      } else {
        wrapped.append(c);
      }
    }
    String current =
        original.substring(0, quote.start()) + wrapped + original.substring(quote.end());

    Located located = TextAnchor.locate(quote, original, current);

    Supplier<String> why = () -> explain(quote, original, current, located);
    assertNotEquals(Status.OUTDATED, located.status(), why);
    assertEquals(
        new Located(
            Status.ATTACHED, quote.start(), quote.start() + wrapped.length(), wrapped.toString()),
        located,
        why);
  }

  @Property(tries = 500)
  void select_and_find_round_trip_and_an_unchanged_text_attaches_in_place(
      @ForAll("textAndRange") TextAndRange input) {
    String text = input.text();
    int start = input.start();
    int end = input.end();
    boolean valid =
        start < end
            && !text.substring(start, end).isBlank()
            && !splits(text, start)
            && !splits(text, end);
    if (!valid) {
      assertThrows(IllegalArgumentException.class, () -> TextAnchor.select(text, start, end));
      return;
    }

    Quote quote = TextAnchor.select(text, start, end);

    assertEquals(text.substring(start, end), quote.exact());
    assertEquals(start, quote.start());
    assertEquals(expectedPrefix(text, start), quote.prefix());
    assertEquals(expectedSuffix(text, end), quote.suffix());
    assertEquals(
        Optional.of(quote),
        TextAnchor.find(text, quote.exact(), quote.prefix(), quote.suffix(), quote.start()));
    assertEquals(
        new Located(Status.ATTACHED, start, end, quote.exact()),
        TextAnchor.locate(quote, text, text));
  }

  @Property(tries = 200)
  void find_returns_nothing_for_a_quote_that_is_not_in_the_text(@ForAll("prose") String text) {
    assertEquals(Optional.empty(), TextAnchor.find(text, "§absent§", "", "", 0));
  }

  @Property(tries = 300)
  void whatever_the_edit_a_located_range_is_inside_the_text_and_holds_what_it_says(
      @ForAll("textAndRange") TextAndRange input,
      @ForAll("prose") String other,
      @ForAll long seed) {
    String text = input.text();
    int start = input.start();
    int end = input.end();
    if (start >= end
        || text.substring(start, end).isBlank()
        || splits(text, start)
        || splits(text, end)) {
      return;
    }
    Quote quote = TextAnchor.select(text, start, end);
    Random random = new Random(seed);
    // Splice the other text in somewhere, possibly over the quote.
    int a = random.nextInt(text.length() + 1);
    int b = a + random.nextInt(text.length() - a + 1);
    while (splits(text, a)) {
      a--;
    }
    while (splits(text, b)) {
      b++;
    }
    String current = text.substring(0, a) + other + text.substring(b);

    assertConsistent(TextAnchor.locate(quote, text, current), current);
  }

  // ---- Helpers ---------------------------------------------------------------------------------

  /**
   * Whether the words just before {@code [start, end)} repeat its first words, or the words just
   * after it its last ones, punctuation aside, as in "café, café mediation" with the second "café"
   * quoted. Then which of the copies is the passage and which was typed next to it is anyone's
   * guess: the context agrees as well on either side.
   */
  private static boolean repeatedAcross(String text, int start, int end) {
    List<String> before = new ArrayList<>();
    List<String> inside = new ArrayList<>();
    List<String> after = new ArrayList<>();
    for (TextModel.Token t : TextModel.tokens(text)) {
      if (t.kind() == TextModel.Kind.WORD) {
        (t.end() <= start ? before : t.start() >= end ? after : inside).add(t.text());
      }
    }
    for (int k = 1; k <= inside.size(); k++) {
      if (k <= before.size()
          && before.subList(before.size() - k, before.size()).equals(inside.subList(0, k))) {
        return true;
      }
      if (k <= after.size()
          && after.subList(0, k).equals(inside.subList(inside.size() - k, inside.size()))) {
        return true;
      }
    }
    return false;
  }

  private static Quote quote(String text, String exact) {
    int at = text.indexOf(exact);
    assertTrue(at >= 0, exact);
    return TextAnchor.select(text, at, at + exact.length());
  }

  private static void assertConsistent(Located located, String current) {
    if (located.status() == Status.OUTDATED) {
      assertNull(located.start());
      assertNull(located.end());
      assertNull(located.text());
      return;
    }
    assertTrue(0 <= located.start() && located.start() < located.end(), located.toString());
    assertTrue(located.end() <= current.length(), located.toString());
    assertEquals(current.substring(located.start(), located.end()), located.text());
    assertTrue(!located.text().isBlank());
    assertTrue(!splits(current, located.start()) && !splits(current, located.end()));
  }

  private static boolean splits(String s, int at) {
    return at > 0
        && at < s.length()
        && Character.isHighSurrogate(s.charAt(at - 1))
        && Character.isLowSurrogate(s.charAt(at));
  }

  /** The longest context of at most CONTEXT characters that starts on a grapheme boundary. */
  private static String expectedPrefix(String text, int start) {
    BreakIterator g = BreakIterator.getCharacterInstance(ULocale.ROOT);
    g.setText(text);
    int from = Math.max(0, start - TextAnchor.CONTEXT);
    while (from < start && !g.isBoundary(from)) {
      from++;
    }
    return text.substring(from, start);
  }

  private static String expectedSuffix(String text, int end) {
    BreakIterator g = BreakIterator.getCharacterInstance(ULocale.ROOT);
    g.setText(text);
    int to = Math.min(text.length(), end + TextAnchor.CONTEXT);
    while (to > end && !g.isBoundary(to)) {
      to--;
    }
    return text.substring(end, to);
  }

  private static String explain(Quote quote, String original, String current, Located located) {
    return "quote "
        + quote
        + "\n--- original\n"
        + original
        + "\n--- current\n"
        + current
        + "\n--- located "
        + located;
  }

  record TextAndRange(String text, int start, int end) {}

  @Provide
  Arbitrary<String> prose() {
    return TextModelTest.proseText().map(TextModel::normalizeLineEndings);
  }

  @Provide
  Arbitrary<TextAndRange> textAndRange() {
    return Combinators.combine(
            prose().filter(t -> !t.isBlank()),
            Arbitraries.doubles().between(0, 1),
            Arbitraries.doubles().between(0, 1))
        .as(
            (text, x, y) -> {
              int a = (int) (x * text.length());
              int b = (int) (y * (text.length() + 1));
              return new TextAndRange(
                  text, Math.min(a, b), Math.min(text.length(), Math.max(a, b)));
            });
  }

  // ---- Generated documents ---------------------------------------------------------------------

  /** Words of several scripts; some with punctuation attached when generated. */
  private static final List<String> VOCABULARY =
      List.of(
          "peace",
          "companies",
          "should",
          "assess",
          "conflict",
          "risks",
          "local",
          "civil",
          "society",
          "fund",
          "mediation",
          "publish",
          "results",
          "women's",
          "groups",
          "directly",
          "the",
          "and",
          "of",
          "in",
          "a",
          "to",
          "policy",
          "report",
          "café",
          "naïve",
          "données",
          "governments",
          "must",
          "consult",
          "communities",
          "before",
          "entering",
          "markets",
          "human",
          "rights",
          "diligence",
          "channel",
          "concerns",
          "reprisal",
          "evidence",
          "سلام",
          "مجتمع",
          "صديقي",
          "السلطة",
          "和平",
          "社区",
          "我们在北京开会",
          "政策",
          "Москва",
          "мир",
          "общество",
          "право",
          "Ελλάδα",
          "3.14",
          "e-mail");

  /** Word stems no generated text uses, for passages that must be nowhere else. */
  private static final List<String> UNIQUE =
      List.of("zyxt", "Жуквр", "ظفقث", "qwopz", "Ёжикщ", "vrumb");

  /** A document: paragraphs of items (a word with any punctuation attached, or a dash). */
  record Doc(List<List<String>> paragraphs) {
    String text() {
      List<String> ps = new ArrayList<>();
      paragraphs.forEach(p -> ps.add(String.join(" ", p)));
      return String.join("\n\n", ps);
    }

    int start(Passage passage) {
      int offset = 0;
      for (int p = 0; p < passage.paragraph(); p++) {
        offset += String.join(" ", paragraphs.get(p)).length() + 2;
      }
      List<String> items = paragraphs.get(passage.paragraph());
      for (int i = 0; i < passage.from(); i++) {
        offset += items.get(i).length() + 1;
      }
      return offset;
    }

    int end(Passage passage) {
      List<String> items = paragraphs.get(passage.paragraph());
      return start(passage)
          + String.join(" ", items.subList(passage.from(), passage.to())).length();
    }

    Doc copy() {
      List<List<String>> copy = new ArrayList<>();
      paragraphs.forEach(p -> copy.add(new ArrayList<>(p)));
      return new Doc(copy);
    }
  }

  /** Items {@code [from, to)} of a paragraph. */
  record Passage(int paragraph, int from, int to) {}

  /**
   * 2 to 6 paragraphs of sentences, a quarter of them repeating an earlier sentence. No two
   * paragraphs are identical: of two identical paragraphs, which one a later edit touched is
   * anyone's guess, and the properties state where the passage must be found (the examples cover
   * identical paragraphs).
   */
  private static Doc document(Random random) {
    return document(random, true);
  }

  private static Doc document(Random random, boolean repeats) {
    List<List<String>> sentences = new ArrayList<>();
    List<List<String>> paragraphs = new ArrayList<>();
    int count = 2 + random.nextInt(5);
    for (int p = 0; p < count; p++) {
      List<String> items = new ArrayList<>();
      int n = 1 + random.nextInt(4);
      for (int s = 0; s < n; s++) {
        List<String> sentence =
            repeats && !sentences.isEmpty() && random.nextInt(4) == 0
                ? sentences.get(random.nextInt(sentences.size()))
                : sentence(random);
        sentences.add(sentence);
        items.addAll(sentence);
      }
      while (paragraphs.contains(items)) {
        items.add(item(random, true));
      }
      paragraphs.add(items);
    }
    return new Doc(paragraphs);
  }

  private static List<String> paragraph(Random random) {
    List<String> items = new ArrayList<>();
    int n = 1 + random.nextInt(4);
    for (int s = 0; s < n; s++) {
      items.addAll(sentence(random));
    }
    return items;
  }

  private static List<String> sentence(Random random) {
    List<String> items = new ArrayList<>();
    int n = 4 + random.nextInt(7);
    for (int i = 0; i < n; i++) {
      items.add(item(random, i == n - 1));
    }
    return items;
  }

  private static String item(Random random, boolean last) {
    if (!last && random.nextInt(20) == 0) {
      return "—";
    }
    String word = VOCABULARY.get(random.nextInt(VOCABULARY.size()));
    if (last) {
      return word + List.of(".", ".", "?", "!").get(random.nextInt(4));
    }
    return random.nextInt(8) == 0 ? word + "," : word;
  }

  /** A passage of at least {@code minWords} words inside one paragraph. */
  private static Passage passage(Random random, Doc doc, int minWords) {
    for (int attempt = 0; ; attempt++) {
      int p = random.nextInt(doc.paragraphs().size());
      List<String> items = doc.paragraphs().get(p);
      int from = random.nextInt(items.size());
      int to = Math.min(items.size(), from + 1 + random.nextInt(10));
      if (attempt > 1000) {
        from = 0;
        to = items.size();
      }
      Passage passage = new Passage(p, from, to);
      String text = String.join(" ", items.subList(from, to));
      if (TextModel.wordCount(text) >= minWords || attempt > 1000) {
        return passage;
      }
    }
  }

  /**
   * Replaces fewer than half of the passage's words (at least one) with new ones, counting words
   * both as ICU does (我们在北京开会 is four) and as a reader of spaced text does (one); the items left as
   * they were, or null if none could be replaced.
   */
  private static Set<Integer> replaceMinority(Random random, List<String> items, Passage passage) {
    int words = TextModel.wordCount(String.join(" ", items.subList(passage.from(), passage.to())));
    List<Integer> order = new ArrayList<>();
    for (int i = passage.from(); i < passage.to(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    int target = 1 + random.nextInt(Math.max(1, (words - 1) / 2));
    int replaced = 0;
    int replacedItems = 0;
    Set<Integer> kept = new HashSet<>();
    for (int i : order) {
      int count = TextModel.wordCount(items.get(i));
      if (replaced < target
          && count > 0
          && 2 * (replaced + count) < words
          && 2 * (replacedItems + 1) < order.size()) {
        items.set(i, "novel" + i + (random.nextBoolean() ? "," : ""));
        replaced += count;
        replacedItems++;
      } else {
        kept.add(i);
      }
    }
    return replaced == 0 ? null : kept;
  }

  /** Inserts, deletes and replaces words and paragraphs before the passage; where it is now. */
  private static Passage editBefore(Random random, Doc doc, Passage passage, int edits) {
    int p = passage.paragraph();
    int from = passage.from();
    int length = passage.to() - passage.from();
    List<List<String>> ps = doc.paragraphs();
    String exact = String.join(" ", ps.get(p).subList(passage.from(), passage.to()));
    String first = bare(ps.get(p).get(passage.from()));
    for (int e = 0; e < edits; e++) {
      int op = random.nextInt(5);
      int pp = random.nextInt(p + 1);
      if (pp != p && holds(ps.get(pp), exact)) {
        continue;
      }
      List<String> items = ps.get(pp);
      int limit = pp == p ? from : items.size();
      switch (op) {
        case 0 -> {
          items.add(random.nextInt(limit + 1), newItem(random, false, pp == p ? first : null));
          if (pp == p) {
            from++;
          }
        }
        case 1 -> {
          if (limit > 0 && (pp == p || items.size() > 1)) {
            items.remove(random.nextInt(limit));
            if (pp == p) {
              from--;
            }
          }
        }
        case 2 -> {
          if (limit > 0) {
            items.set(
                random.nextInt(limit),
                newItem(random, random.nextBoolean(), pp == p ? first : null));
          }
        }
        case 3 -> {
          ps.add(pp, paragraph(random));
          p++;
        }
        default -> {
          if (pp < p) {
            ps.remove(pp);
            p--;
          }
        }
      }
    }
    return new Passage(p, from, from + length);
  }

  /** Inserts, deletes and replaces words and paragraphs after the passage. */
  private static void editAfter(Random random, Doc doc, Passage passage, int edits) {
    int p = passage.paragraph();
    int to = passage.to();
    List<List<String>> ps = doc.paragraphs();
    String exact = String.join(" ", ps.get(p).subList(passage.from(), passage.to()));
    String last = bare(ps.get(p).get(passage.to() - 1));
    for (int e = 0; e < edits; e++) {
      int op = random.nextInt(5);
      int pp = p + random.nextInt(ps.size() - p);
      if (pp != p && holds(ps.get(pp), exact)) {
        continue;
      }
      List<String> items = ps.get(pp);
      int floor = pp == p ? to : 0;
      int room = items.size() - floor;
      switch (op) {
        case 0 ->
            items.add(
                floor + random.nextInt(room + 1),
                newItem(random, random.nextBoolean(), pp == p ? last : null));
        case 1 -> {
          if (room > 0 && (pp == p || items.size() > 1)) {
            items.remove(floor + random.nextInt(room));
          }
        }
        case 2 -> {
          if (room > 0) {
            items.set(
                floor + random.nextInt(room),
                newItem(random, random.nextBoolean(), pp == p ? last : null));
          }
        }
        case 3 -> ps.add(pp + 1, paragraph(random));
        default -> {
          if (pp > p) {
            ps.remove(pp);
          }
        }
      }
    }
  }

  /**
   * A new item, other than {@code unlike}: typing the passage's first word again just before it (or
   * its last word just after it) leaves which of the two is the passage to anyone's guess.
   */
  private static String newItem(Random random, boolean last, String unlike) {
    String item = item(random, last);
    while (bare(item).equals(unlike)) {
      item = item(random, last);
    }
    return item;
  }

  /**
   * Whether a paragraph holds the passage's text. The edit generators leave such paragraphs other
   * than the passage's alone: with two places holding the passage's words, and one of them edited,
   * which one is the passage is anyone's guess. (The duplicate and deletion properties cover
   * copies.)
   */
  private static boolean holds(List<String> paragraph, String exact) {
    return String.join(" ", paragraph).contains(exact);
  }

  private static String seedSuffix(long seed) {
    return Long.toString(Math.abs(seed % 1000));
  }
}
