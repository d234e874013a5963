package org.plenary.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.plenary.text.TextModel.Kind;
import org.plenary.text.TextModel.Paragraph;
import org.plenary.text.TextModel.Token;

public class TextModelTest {

  // ---- Paragraphs ------------------------------------------------------------------------------

  @Test
  void paragraphs_are_separated_by_blank_lines_and_keep_their_inner_line_breaks() {
    String source = "One line\nstill the first\n\nSecond\n\n\n\nThird";

    List<Paragraph> paragraphs = TextModel.paragraphs(source);

    assertEquals(List.of("One line\nstill the first", "Second", "Third"), texts(paragraphs));
    assertEquals(new Paragraph(0, 24, "One line\nstill the first"), paragraphs.get(0));
    assertEquals(new Paragraph(26, 32, "Second"), paragraphs.get(1));
    assertEquals(new Paragraph(36, 41, "Third"), paragraphs.get(2));
    assertOffsetsMatch(source, paragraphs);
  }

  @Test
  void a_line_of_only_spaces_or_tabs_separates_paragraphs() {
    String source = "Alpha\n   \nBeta\n\t\nGamma\n \t \nDelta";

    assertEquals(List.of("Alpha", "Beta", "Gamma", "Delta"), texts(TextModel.paragraphs(source)));
  }

  @Test
  void a_line_holding_a_non_breaking_space_is_not_blank() {
    // U+00A0 is content (it is typed on purpose, e.g. before a French colon), not a separator.
    String source = "Alpha\n\u00a0\nBeta";

    assertEquals(List.of(source), texts(TextModel.paragraphs(source)));
  }

  @Test
  void leading_and_trailing_blank_lines_belong_to_no_paragraph() {
    String source = "\n\n  Indented start\n\n \n";

    List<Paragraph> paragraphs = TextModel.paragraphs(source);

    assertEquals(List.of(new Paragraph(2, 18, "  Indented start")), paragraphs);
  }

  @Test
  void empty_and_blank_sources_have_no_paragraphs() {
    assertTrue(TextModel.paragraphs("").isEmpty());
    assertTrue(TextModel.paragraphs("\n\n \t\n").isEmpty());
  }

  @Test
  void crlf_text_splits_like_lf_text_once_normalised() {
    String windows = "First\r\nline two\r\n\r\nSecond\r\n \r\nThird\r\n";
    String normalised = TextModel.normalizeLineEndings(windows);

    List<Paragraph> paragraphs = TextModel.paragraphs(normalised);

    assertEquals(List.of("First\nline two", "Second", "Third"), texts(paragraphs));
    assertOffsetsMatch(normalised, paragraphs);
  }

  @Test
  void normalize_line_endings_turns_crlf_and_lone_cr_into_lf() {
    assertEquals("a\nb\nc\n\nd", TextModel.normalizeLineEndings("a\r\nb\rc\r\n\rd"));
    assertEquals("\n\n", TextModel.normalizeLineEndings("\r\r\n"));
    String unchanged = "no carriage returns\n";
    assertEquals(unchanged, TextModel.normalizeLineEndings(unchanged));
  }

  @Test
  void a_backtick_fence_with_blank_lines_is_one_paragraph() {
    String code = "```java\nint a = 1;\n\n\nint b = 2;\n```";
    String source = "Intro text.\n\n" + code + "\n\nAfter the code.";

    List<Paragraph> paragraphs = TextModel.paragraphs(source);

    assertEquals(List.of("Intro text.", code, "After the code."), texts(paragraphs));
    assertOffsetsMatch(source, paragraphs);
  }

  @Test
  void a_tilde_fence_with_blank_lines_is_one_paragraph() {
    String code = "~~~\nfirst\n\n   \nsecond\n~~~";
    String source = code + "\n\nAfter.";

    assertEquals(List.of(code, "After."), texts(TextModel.paragraphs(source)));
  }

  @Test
  void a_fence_is_closed_only_by_a_fence_at_least_as_long_of_the_same_character() {
    String code = "````markdown\n```\n\nnot closed by three\n~~~~\n\nnor by tildes\n`````";
    String source = code + "\n\nAfter.";

    assertEquals(List.of(code, "After."), texts(TextModel.paragraphs(source)));
  }

  @Test
  void an_unclosed_fence_runs_to_the_end_of_the_text() {
    String source = "Before.\n\n```\ncode\n\nstill code\n\n\nand more";

    List<Paragraph> paragraphs = TextModel.paragraphs(source);

    assertEquals(List.of("Before.", "```\ncode\n\nstill code\n\n\nand more"), texts(paragraphs));
    assertEquals(source.length(), paragraphs.get(1).end());
  }

  @Test
  void a_fence_may_start_right_after_paragraph_text() {
    String source = "Look at this:\n```\na\n\nb\n```\n\nDone.";

    assertEquals(
        List.of("Look at this:\n```\na\n\nb\n```", "Done."), texts(TextModel.paragraphs(source)));
  }

  @Test
  void triple_backticks_closed_on_the_same_line_are_inline_code_not_a_fence() {
    // CommonMark: a backtick fence's info string cannot contain a backtick, so this line is a
    // paragraph with inline code and the blank lines after it still separate paragraphs.
    String source = "```js``` is inline code\n\nSecond paragraph\n\nThird paragraph";

    assertEquals(
        List.of("```js``` is inline code", "Second paragraph", "Third paragraph"),
        texts(TextModel.paragraphs(source)));
  }

  @Test
  void a_fence_indented_four_spaces_is_not_a_fence() {
    // Four spaces make an indented code line; its backticks open nothing.
    String source = "    ```\n    code\n\nNext";

    assertEquals(List.of("    ```\n    code", "Next"), texts(TextModel.paragraphs(source)));
  }

  @Test
  void paragraph_offsets_are_utf16_units_across_astral_characters() {
    String source = "👨‍👩‍👧‍👦 family\n\n🇫🇷 drapeau\n\n中华人民共和国";

    List<Paragraph> paragraphs = TextModel.paragraphs(source);

    assertEquals(3, paragraphs.size());
    assertEquals(0, paragraphs.get(0).start());
    assertEquals("👨‍👩‍👧‍👦 family".length(), paragraphs.get(0).end());
    assertEquals(18, paragraphs.get(0).end()); // 11 units of emoji + space + 6 letters
    assertOffsetsMatch(source, paragraphs);
  }

  // ---- Tokens ----------------------------------------------------------------------------------

  @Test
  void ascii_sentence_splits_into_words_spaces_and_punctuation() {
    String text = "Hello, world! It's 3.14 e-mail.";

    List<Token> tokens = TextModel.tokens(text);

    assertEquals(
        List.of(
            "Hello", ",", " ", "world", "!", " ", "It's", " ", "3.14", " ", "e", "-", "mail", "."),
        tokenTexts(tokens));
    assertEquals(
        List.of(
            Kind.WORD,
            Kind.PUNCT,
            Kind.SPACE,
            Kind.WORD,
            Kind.PUNCT,
            Kind.SPACE,
            Kind.WORD,
            Kind.SPACE,
            Kind.WORD,
            Kind.SPACE,
            Kind.WORD,
            Kind.PUNCT,
            Kind.WORD,
            Kind.PUNCT),
        kinds(tokens));
    assertLosslessAndGraphemeSafe(text, tokens);
  }

  @Test
  void token_offsets_are_contiguous_half_open_utf16_ranges() {
    String text = "Say 👋🏽 to 中华人民共和国!";

    List<Token> tokens = TextModel.tokens(text);

    int expectedStart = 0;
    for (Token token : tokens) {
      assertEquals(expectedStart, token.start(), "tokens leave no gap: " + tokens);
      assertTrue(token.end() > token.start(), "no empty token: " + token);
      assertEquals(token.text(), text.substring(token.start(), token.end()));
      expectedStart = token.end();
    }
    assertEquals(text.length(), expectedStart);
  }

  @Test
  void empty_text_has_no_tokens_and_no_words() {
    assertTrue(TextModel.tokens("").isEmpty());
    assertEquals(0, TextModel.wordCount(""));
  }

  @Test
  void french_combining_accents_stay_in_their_word() {
    // Decomposed é (e + U+0301) in "république" and at the start and end of words.
    String text = "Le cafe\u0301 de la re\u0301publique e\u0301tait ferme\u0301.";

    List<Token> tokens = TextModel.tokens(text);

    assertTrue(
        tokenTexts(tokens)
            .containsAll(List.of("cafe\u0301", "re\u0301publique", "e\u0301tait", "ferme\u0301")),
        () -> tokenTexts(tokens).toString());
    assertEquals(7, TextModel.wordCount(text));
    assertLosslessAndGraphemeSafe(text, tokens);
  }

  @Test
  void arabic_words_keep_their_harakat() {
    String salam = "السَّلَامُ";
    String alaykum = "عَلَيْكُمْ";
    String text = salam + " " + alaykum + " يا صديقي.";

    List<Token> tokens = TextModel.tokens(text);

    assertEquals(new Token(0, salam.length(), salam, Kind.WORD), tokens.get(0));
    assertEquals(alaykum, tokens.get(2).text());
    assertEquals(4, TextModel.wordCount(text));
    assertLosslessAndGraphemeSafe(text, tokens);
  }

  @Test
  void chinese_is_segmented_into_dictionary_words_not_characters() {
    String text = "中华人民共和国成立了。我们在北京开会。";

    List<Token> tokens = TextModel.tokens(text);

    // ICU's dictionary gives 中华|人民|共和国|成立|了|。|我们|在|北京|开会|。
    List<String> words = tokenTexts(tokens);
    assertTrue(words.contains("北京"), words::toString);
    assertTrue(words.contains("我们"), words::toString);
    List<Token> country = TextModel.tokens("中华人民共和国");
    assertTrue(country.size() < "中华人民共和国".length(), "not one token per character: " + country);
    assertTrue(country.stream().allMatch(t -> t.kind() == Kind.WORD));
    assertEquals(Kind.PUNCT, tokens.get(words.indexOf("。")).kind());
    assertEquals(9, TextModel.wordCount(text));
    assertLosslessAndGraphemeSafe(text, tokens);
  }

  @Test
  void hindi_conjuncts_are_never_cut() {
    String text = "हिन्दी में क्षत्रिय और श्री लिखें।";

    List<Token> tokens = TextModel.tokens(text);

    assertTrue(
        tokenTexts(tokens).containsAll(List.of("हिन्दी", "क्षत्रिय", "श्री", "लिखें")),
        () -> tokenTexts(tokens).toString());
    assertEquals(Kind.PUNCT, tokens.get(tokens.size() - 1).kind()); // danda
    assertEquals(6, TextModel.wordCount(text));
    assertLosslessAndGraphemeSafe(text, tokens);
  }

  @Test
  void emoji_zwj_family_is_one_word_token() {
    String family = "👨‍👩‍👧‍👦";
    String text = "Family " + family + " here";

    List<Token> tokens = TextModel.tokens(text);

    assertEquals(new Token(7, 7 + family.length(), family, Kind.WORD), tokens.get(2));
    assertEquals(3, TextModel.wordCount(text));
    assertLosslessAndGraphemeSafe(text, tokens);
  }

  @Test
  void flags_are_whole_tokens_even_when_adjacent() {
    String text = "Flags 🇫🇷🇩🇪 ok";

    List<Token> tokens = TextModel.tokens(text);

    assertEquals(List.of("Flags", " ", "🇫🇷", "🇩🇪", " ", "ok"), tokenTexts(tokens));
    assertEquals(Kind.WORD, tokens.get(2).kind());
    assertLosslessAndGraphemeSafe(text, tokens);
  }

  @Test
  void skin_tone_modifier_stays_with_its_emoji() {
    String text = "Like 👍🏽!";

    List<Token> tokens = TextModel.tokens(text);

    assertEquals(List.of("Like", " ", "👍🏽", "!"), tokenTexts(tokens));
    assertEquals(List.of(Kind.WORD, Kind.SPACE, Kind.WORD, Kind.PUNCT), kinds(tokens));
  }

  @Test
  void keycaps_are_single_word_tokens() {
    String text = "Press 1️⃣ or #️⃣ now";

    List<Token> tokens = TextModel.tokens(text);

    assertEquals(
        List.of("Press", " ", "1️⃣", " ", "or", " ", "#️⃣", " ", "now"), tokenTexts(tokens));
    assertEquals(Kind.WORD, tokens.get(2).kind());
    assertEquals(Kind.WORD, tokens.get(6).kind(), "#️⃣ is an emoji like 1️⃣");
    assertEquals(5, TextModel.wordCount(text));
  }

  @Test
  void emoji_newer_than_the_jdk_unicode_tables_count_as_words() {
    // U+1FAE0 (Unicode 14) and U+1FA77 (Unicode 15) are unassigned in Java 17's tables.
    assertEquals(List.of(Kind.WORD), kinds(TextModel.tokens("🫠")));
    assertEquals(List.of(Kind.WORD), kinds(TextModel.tokens("🩷")));
  }

  @Test
  void symbols_that_are_not_emoji_are_punctuation() {
    assertEquals(
        List.of(Kind.WORD, Kind.SPACE, Kind.PUNCT, Kind.WORD), kinds(TextModel.tokens("20 °C")));
    assertEquals(Kind.PUNCT, TextModel.tokens("✓").get(0).kind());
    assertEquals(Kind.PUNCT, TextModel.tokens("€").get(0).kind());
    assertEquals(1, TextModel.wordCount("✓ done"));
  }

  @Test
  void whitespace_of_every_kind_is_space() {
    List<Token> tokens = TextModel.tokens("a \t b\nc\u3000d\n\ne");

    for (Token token : tokens) {
      Kind expected = token.text().isBlank() ? Kind.SPACE : Kind.WORD;
      assertEquals(expected, token.kind(), token.toString());
    }
    assertEquals(5, TextModel.wordCount("a \t b\nc\u3000d\n\ne"));
  }

  @Test
  void a_mark_that_icu_would_cut_off_stays_in_its_grapheme() {
    // ICU's word rules break before Thai SARA AM after a space and after the Arabic number sign
    // (a prepended mark); grapheme rules do not, so the token must not be cut there.
    for (String text : List.of("ab \u0e33c", "x\u0600 12", "!\u0e33", "\u0600(")) {
      List<Token> tokens = TextModel.tokens(text);
      assertLosslessAndGraphemeSafe(text, tokens);
    }
  }

  @Test
  void combining_mark_after_a_line_break_is_kept_losslessly() {
    String text = "line\n\u0301x \u0301";

    assertLosslessAndGraphemeSafe(text, TextModel.tokens(text));
  }

  @Test
  void word_count_of_mixed_scripts() {
    String text = "Bonjour 世界! السَّلَامُ 👨‍👩‍👧‍👦 — नमस्ते, 🇫🇷 1️⃣.";
    // Bonjour, 世界, السَّلَامُ, family, नमस्ते, flag, keycap
    assertEquals(7, TextModel.wordCount(text));
  }

  @Test
  void tokenizing_from_many_threads_gives_the_same_tokens() throws Exception {
    List<String> texts =
        List.of(
            "中华人民共和国成立了。我们在北京开会。",
            "Le cafe\u0301 de la re\u0301publique.",
            "हिन्दी में क्षत्रिय और श्री लिखें।",
            "Family 👨‍👩‍👧‍👦 here 🇫🇷🇩🇪 👍🏽 1️⃣",
            "ภาษาไทยไม่มีการเว้นวรรคระหว่างคำ");
    List<List<Token>> expected = texts.stream().map(TextModel::tokens).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int n = 0; n < 200; n++) {
        int which = n % texts.size();
        results.add(
            pool.submit(() -> TextModel.tokens(texts.get(which)).equals(expected.get(which))));
      }
      for (Future<Boolean> result : results) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- Properties ------------------------------------------------------------------------------

  @Property(tries = 1000)
  void tokens_are_lossless_and_grapheme_safe(@ForAll("prose") String text) {
    assertLosslessAndGraphemeSafe(text, TextModel.tokens(text));
  }

  @Property(tries = 500)
  void tokens_of_arbitrary_strings_are_lossless_and_grapheme_safe(@ForAll String text) {
    assertLosslessAndGraphemeSafe(text, TextModel.tokens(text));
  }

  @Property(tries = 1000)
  void word_count_counts_the_word_tokens(@ForAll("prose") String text) {
    long words = TextModel.tokens(text).stream().filter(t -> t.kind() == Kind.WORD).count();
    assertEquals(words, TextModel.wordCount(text));
    for (Token token : TextModel.tokens(text)) {
      assertEquals(token.text().isBlank(), token.kind() == Kind.SPACE, token.toString());
    }
  }

  @Property(tries = 1000)
  void paragraphs_are_ordered_disjoint_non_blank_and_cover_every_non_blank_character(
      @ForAll("prose") String raw) {
    String source = TextModel.normalizeLineEndings(raw);
    assertTrue(source.indexOf('\r') < 0);

    List<Paragraph> paragraphs = TextModel.paragraphs(source);

    assertOffsetsMatch(source, paragraphs);
    boolean[] covered = new boolean[source.length()];
    int previousEnd = -1;
    for (Paragraph p : paragraphs) {
      assertTrue(p.start() > previousEnd, () -> "in order, apart: " + paragraphs);
      assertTrue(p.start() < p.end());
      assertFalse(p.text().isBlank(), "a paragraph is never blank");
      assertTrue(p.start() == 0 || source.charAt(p.start() - 1) == '\n', "starts at a line");
      assertTrue(p.end() == source.length() || source.charAt(p.end()) == '\n', "ends at a line");
      for (int c = p.start(); c < p.end(); c++) {
        covered[c] = true;
      }
      previousEnd = p.end();
    }
    for (int c = 0; c < source.length(); c++) {
      if (!covered[c]) {
        assertTrue(
            Character.isWhitespace(source.charAt(c)),
            "character "
                + c
                + " ("
                + Integer.toHexString(source.charAt(c))
                + ") is in no paragraph");
      }
    }
  }

  @Property(tries = 1000)
  void without_fences_paragraphs_are_the_runs_of_non_blank_lines(@ForAll("prose") String raw) {
    String source = TextModel.normalizeLineEndings(raw).replace('`', '\'').replace('~', '-');

    List<String> expected = new ArrayList<>();
    StringBuilder current = null;
    for (String line : source.split("\n", -1)) {
      if (line.isBlank()) {
        if (current != null) {
          expected.add(current.toString());
          current = null;
        }
      } else if (current == null) {
        current = new StringBuilder(line);
      } else {
        current.append('\n').append(line);
      }
    }
    if (current != null) {
      expected.add(current.toString());
    }

    assertEquals(expected, texts(TextModel.paragraphs(source)));
  }

  /** Prose-like text mixing scripts, emoji, spaces, line breaks, blank lines, fences. */
  @Provide
  Arbitrary<String> prose() {
    return proseText();
  }

  /** The generator of {@link #prose()}, for the other text tests. */
  public static Arbitrary<String> proseText() {
    return Arbitraries.frequencyOf(
            Tuple.of(10, Arbitraries.of(WORDS)),
            Tuple.of(6, Arbitraries.of(" ", " ", "  ", "\t", "\u3000", "\u00a0")),
            Tuple.of(3, Arbitraries.of(PUNCTUATION)),
            Tuple.of(
                3, Arbitraries.of("\n", "\n", "\n\n", "\n \n", "\n\t\n\n", "\r\n", "\r\n\r\n")),
            Tuple.of(
                1, Arbitraries.of("\n```\n", "\n~~~\n", "\n````js\n", "\n  ```", "```", "~~~~")),
            Tuple.of(1, Arbitraries.of(ODD_PIECES)))
        .list()
        .ofMaxSize(60)
        .map(pieces -> String.join("", pieces));
  }

  static final List<String> WORDS =
      List.of(
          "Plenary",
          "proposal",
          "it's",
          "3.14",
          "e-mail",
          "peace",
          "café",
          "cafe\u0301",
          "re\u0301publique",
          "e\u0301tait",
          "Ça",
          "naïve",
          "السَّلَامُ",
          "عَلَيْكُمْ",
          "صديقي",
          "٣٤",
          "中华人民共和国",
          "我们在北京开会",
          "和平",
          "東京",
          "ひらがな",
          "カタカナ",
          "हिन्दी",
          "क्षत्रिय",
          "श्री",
          "नमस्ते",
          "ภาษาไทย",
          "한국어",
          "Ελλάδα",
          "Москва",
          "👨‍👩‍👧‍👦",
          "🇫🇷",
          "🇩🇪",
          "👍🏽",
          "👋🏿",
          "1️⃣",
          "#️⃣",
          "❤️",
          "🫠",
          "🏳️‍🌈");

  static final List<String> PUNCTUATION =
      List.of(
          ".", ",", ";", ":", "!", "?", "«", "»", "—", "(", ")", "\"", "'", "…", "،", "。", "、", "।",
          "°", "%", "-", "*", "#");

  /** Pieces that attach to whatever comes before them, or to nothing. */
  static final List<String> ODD_PIECES =
      List.of(
          "\u0301", "\u064e", "\u094d", "\u200d", "\ufe0f", "🏽", "🇫", "\u0e33", "\u0600",
          "\u20e3", "\u200b");

  // ---- Helpers ---------------------------------------------------------------------------------

  /** Tokens concatenate to the text, are contiguous, and each boundary is a grapheme boundary. */
  static void assertLosslessAndGraphemeSafe(String text, List<Token> tokens) {
    StringBuilder joined = new StringBuilder();
    int at = 0;
    BreakIterator graphemes = BreakIterator.getCharacterInstance();
    graphemes.setText(text);
    for (Token token : tokens) {
      assertEquals(at, token.start(), () -> "contiguous: " + tokens);
      assertTrue(token.end() > token.start(), () -> "non-empty: " + token);
      assertEquals(token.text(), text.substring(token.start(), token.end()));
      assertTrue(
          graphemes.isBoundary(token.start()),
          () -> "token " + token + " starts inside a grapheme of " + escape(text));
      joined.append(token.text());
      at = token.end();
    }
    assertEquals(text, joined.toString(), "tokens are lossless");
    assertEquals(text.length(), at);
  }

  static void assertOffsetsMatch(String source, List<Paragraph> paragraphs) {
    for (Paragraph p : paragraphs) {
      assertEquals(p.text(), source.substring(p.start(), p.end()), () -> "offsets of " + p);
    }
  }

  static List<String> texts(List<Paragraph> paragraphs) {
    return paragraphs.stream().map(Paragraph::text).toList();
  }

  static List<String> tokenTexts(List<Token> tokens) {
    return tokens.stream().map(Token::text).toList();
  }

  static List<Kind> kinds(List<Token> tokens) {
    return tokens.stream().map(Token::kind).toList();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              if (cp < 0x20 || cp > 0x7e) {
                out.append(String.format("\\u{%X}", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }
}
