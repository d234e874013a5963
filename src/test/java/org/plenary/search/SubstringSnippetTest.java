package org.plenary.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.CaseMap;
import com.ibm.icu.util.ULocale;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Snippets of substring hits, on text whose case mapping changes its length (finding 9). */
class SubstringSnippetTest {

  /** Characters whose lower case or case folding has another length, and other traps. */
  private static final List<String> PIECES =
      List.of(
          "İ",
          "ı",
          "I",
          "i",
          "ß",
          "ẞ",
          "SS",
          "ss",
          "ﬁ",
          "ﬀ",
          "FI",
          "Σ",
          "σ",
          "ς",
          "ΐ",
          "ŉ",
          "ǰ",
          "Å",
          "e\u0301",
          "\u0301",
          "漢字",
          "人类",
          "𝐀",
          "😀",
          "👍🏽",
          "👨‍👩‍👧",
          "🇫🇷",
          "a",
          "B",
          " ",
          ".",
          "\n");

  @Test
  void dotted_capital_i_before_the_match_does_not_shift_it() {
    String body = "İ".repeat(20) + "漢字";

    String snippet = SearchService.substringSnippet(body, "漢字");

    assertEquals("İ".repeat(20) + "\u0002漢字\u0003", snippet);
  }

  @Test
  void matches_ignore_case_by_full_case_folding() {
    assertEquals(
        "Die \u0002Straße\u0003 ist lang.",
        SearchService.substringSnippet("Die Straße ist lang.", "STRASSE"));
    assertEquals("\u0002ﬁ\u0003nance", SearchService.substringSnippet("ﬁnance", "fi"));
    assertEquals("ΟΔ\u0002ΟΣ\u0003", SearchService.substringSnippet("ΟΔΟΣ", "ος"));
    assertEquals(
        "a \u0002İstanbul\u0003 b",
        SearchService.substringSnippet("a İstanbul b", "i\u0307stanbul"));
  }

  @Test
  void the_context_is_cut_at_grapheme_boundaries() {
    String family = "👨‍👩‍👧";
    String body = family.repeat(30) + " peace " + family.repeat(30);

    String snippet = SearchService.substringSnippet(body, "peace");

    String plain = snippet.replace("\u0002", "").replace("\u0003", "").replace("…", "");
    assertTrue(plain.startsWith(family) && plain.endsWith(family), plain);
    assertTrue(snippet.contains("\u0002peace\u0003"), snippet);
  }

  @Property(tries = 2000)
  void no_text_and_query_break_the_snippet(
      @ForAll("texts") String body, @ForAll("texts") String other, @ForAll boolean fromBody) {
    String q = fromBody && !body.isEmpty() ? body.substring(0, Math.min(6, body.length())) : other;
    if (q.isBlank()) {
      return; // the search refuses blank queries before getting here
    }

    String snippet = SearchService.substringSnippet(body, q);

    String plain = snippet.replace("\u0002", "").replace("\u0003", "");
    String cut = plain.replaceAll("^…|…$", "");
    assertTrue(body.contains(cut), () -> "not a piece of the text: " + cut);
    assertGraphemeCuts(body, body.indexOf(cut), cut.length());
    String folded = CaseMap.fold().apply(body);
    String foldedQuery = CaseMap.fold().apply(q);
    if (folded.contains(foldedQuery)) {
      int open = snippet.indexOf('\u0002');
      int close = snippet.indexOf('\u0003');
      assertTrue(open >= 0 && close > open, () -> "no match marked in " + snippet);
      String marked = snippet.substring(open + 1, close);
      assertTrue(
          CaseMap.fold().apply(marked).contains(foldedQuery),
          () -> "marked " + marked + " for " + q);
    } else {
      assertEquals(-1, snippet.indexOf('\u0002'));
    }
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(PIECES).list().ofMaxSize(60).map(l -> String.join("", l));
  }

  private static void assertGraphemeCuts(String body, int start, int length) {
    // The piece shown may occur earlier too; any occurrence with grapheme-safe ends will do.
    BreakIterator graphemes = BreakIterator.getCharacterInstance(ULocale.ROOT);
    graphemes.setText(body);
    for (int at = start;
        at >= 0;
        at = body.indexOf(body.substring(start, start + length), at + 1)) {
      if (graphemes.isBoundary(at) && graphemes.isBoundary(at + length)) {
        return;
      }
    }
    throw new AssertionError("cut inside a grapheme: " + body.substring(start, start + length));
  }
}
