package org.plenary.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {

  private final MarkdownRenderer renderer = new MarkdownRenderer();

  private Element render(String markdown) {
    String html = renderer.render(markdown);
    XssCorpusTest.assertInert(html, markdown);
    return Jsoup.parseBodyFragment(html).body();
  }

  private static Element only(Element root, String cssQuery) {
    Elements found = root.select(cssQuery);
    assertEquals(1, found.size(), cssQuery + " in " + root.html());
    return found.first();
  }

  // --- raw HTML

  @Test
  void raw_html_is_escaped_not_executed() {
    Element body =
        render("Say <b>hi</b> <script>alert(1)</script> and <img src=x onerror=alert(1)>");
    assertTrue(body.select("b, script, img").isEmpty(), body.html());
    assertEquals(
        "Say <b>hi</b> <script>alert(1)</script> and <img src=x onerror=alert(1)>",
        only(body, "p").text());
  }

  @Test
  void html_blocks_are_shown_as_text_not_dropped() {
    Element body =
        render("<div class=\"x\">\n<iframe src=\"https://example.org\"></iframe>\n</div>");
    assertTrue(body.select("div, iframe").isEmpty(), body.html());
    String text = body.text();
    assertTrue(text.contains("<div class=\"x\">"), text);
    assertTrue(text.contains("<iframe src=\"https://example.org\"></iframe>"), text);
  }

  @Test
  void html_comments_are_shown_as_text() {
    Element body = render("before\n\n<!-- secret -->\n\nafter <!-- inline -->");
    assertTrue(body.text().contains("<!-- secret -->"), body.html());
    assertTrue(body.text().contains("<!-- inline -->"), body.html());
  }

  @Test
  void unsanitized_output_already_escapes_raw_html() {
    Element body =
        Jsoup.parseBodyFragment(renderer.renderUnsanitized("<em onclick=x>a</em>")).body();
    assertTrue(body.select("em").isEmpty(), body.html());
    assertEquals("<em onclick=x>a</em>", body.text());
  }

  // --- headings

  @Test
  void headings_get_github_style_ids() {
    Element body = render("# Hello, World!\n\n## Überblick & Ziele\n\n### snake_case and 2 digits");
    assertEquals("hello-world", only(body, "h1").id());
    assertEquals("überblick-ziele", only(body, "h2").id());
    assertEquals("snake_case-and-2-digits", only(body, "h3").id());
  }

  @Test
  void heading_ids_are_unique_within_a_render() {
    Element body = render("# A\n\n# A\n\n# A 1\n\n# A\n\n## a-1-1");
    List<String> ids = body.select("h1, h2").eachAttr("id");
    assertEquals(List.of("a", "a-1", "a-1-1", "a-2", "a-1-1-1"), ids);
    assertEquals(ids.size(), new HashSet<>(ids).size());
  }

  @Test
  void heading_ids_are_stable_across_renders() {
    String markdown = "# Intro\n\n# Intro\n\ntext\n\n## Details";
    assertEquals(renderer.render(markdown), renderer.render(markdown));
    assertEquals(renderer.render(markdown), new MarkdownRenderer().render(markdown));
  }

  @Test
  void heading_ids_never_collide_with_footnote_ids() {
    Element body = render("# fn 1\n\n# fnref 1\n\n# fn\n\n# fn\n\nText[^n]\n\n[^n]: Note.");
    List<String> ids = body.select("[id]").eachAttr("id");
    assertEquals(ids.size(), new HashSet<>(ids).size(), ids.toString());
    assertTrue(ids.containsAll(List.of("fn-1", "fnref-1")), ids.toString());
    for (String headingId : body.select("h1").eachAttr("id")) {
      assertFalse(headingId.matches("fn(ref)?(-\\d+)+"), headingId);
    }
  }

  @Test
  void heading_without_letters_still_gets_an_id() {
    Element body = render("# !!!\n\n# 🎉");
    assertEquals(List.of("section", "section-1"), body.select("h1").eachAttr("id"));
  }

  @Test
  void heading_ids_keep_non_latin_letters() {
    Element body = render("# مقدمة\n\n# 概要 説明");
    assertEquals(List.of("مقدمة", "概要-説明"), body.select("h1").eachAttr("id"));
  }

  // --- footnotes

  @Test
  void footnotes_link_to_their_notes_and_back() {
    Element body =
        render("Claim[^src] and again[^src], plus[^2].\n\n[^src]: Source.\n\n[^2]: Other.");
    Element footnotes = only(body, "div.footnotes");
    Elements refs = body.select("sup > a.footnote-ref");
    assertEquals(3, refs.size());
    for (Element ref : refs) {
      String target = ref.attr("href");
      assertTrue(target.startsWith("#fn-"), target);
      Element note = footnotes.getElementById(target.substring(1));
      assertNotNull(note, "no footnote for " + target);
      assertEquals("li", note.normalName());
    }
    for (Element back : footnotes.select("a.footnote-backref")) {
      String target = back.attr("href");
      Element origin = body.getElementById(target.substring(1));
      assertNotNull(origin, "back link to nowhere: " + target);
      assertEquals("sup", origin.normalName());
    }
    assertEquals(3, footnotes.select("a.footnote-backref").size());
    assertEquals("Source.", footnotes.select("li#fn-1 > p").first().ownText().strip());
  }

  @Test
  void footnote_references_do_not_get_external_rel() {
    Element body = render("See[^1].\n\n[^1]: Note.");
    for (Element link : body.select("a")) {
      assertEquals("", link.attr("rel"), link.outerHtml());
    }
  }

  // --- tables

  @Test
  void tables_keep_header_body_and_alignment() {
    Element body =
        render(
            "| Left | Center | Right | None |\n|:--|:-:|--:|---|\n| a | *b* | c | d |\n| e | f |");
    Element table = only(body, "table");
    assertEquals(List.of("left", "center", "right", ""), aligns(table.select("thead th")));
    assertEquals(List.of("Left", "Center", "Right", "None"), table.select("thead th").eachText());
    Elements rows = table.select("tbody tr");
    assertEquals(2, rows.size());
    assertEquals(List.of("left", "center", "right", ""), aligns(rows.get(0).select("td")));
    assertNotNull(rows.get(0).selectFirst("td em"));
    assertEquals(4, rows.get(1).select("td").size(), "short rows are padded to the header width");
  }

  private static List<String> aligns(Elements cells) {
    return cells.stream().map(cell -> cell.attr("align")).toList();
  }

  // --- code

  @Test
  void fenced_code_keeps_language_class_and_exact_content() {
    String code = "if (a < b && c > d) {\n    return \"<tag>\";\n}\n";
    Element body = render("```java\n" + code + "```");
    Element codeElement = only(body, "pre > code");
    assertEquals("language-java", codeElement.className());
    assertEquals(code, codeElement.wholeText());
  }

  @Test
  void fenced_code_language_that_is_not_a_plain_word_is_dropped() {
    Element body = render("```\"onmouseover=alert(1)\nx\n```");
    Element codeElement = only(body, "pre > code");
    assertFalse(codeElement.hasAttr("class"), codeElement.outerHtml());
    assertEquals("x\n", codeElement.wholeText());
  }

  @Test
  void inline_code_and_indented_code_render() {
    Element body = render("Use `a<b` here.\n\n    indented <x>\n");
    assertEquals("a<b", only(body, "p > code").text());
    assertEquals("indented <x>\n", only(body, "pre > code").wholeText());
  }

  // --- lists, quotes, inline formatting

  @Test
  void nested_lists_and_block_quotes_keep_their_structure() {
    Element body =
        render("3. three\n4. four\n   - nested\n     > quoted *text*\n\n> outer\n> > inner");
    Element ol = only(body, "ol");
    assertEquals("3", ol.attr("start"));
    assertEquals(2, ol.select("> li").size());
    Element nested = only(ol, "li > ul > li");
    assertEquals("quoted text", only(nested, "blockquote > p").text());
    assertNotNull(nested.selectFirst("blockquote em"));
    assertEquals("inner", only(body, "body > blockquote > blockquote > p").text());
  }

  @Test
  void inline_formatting_breaks_and_rules_render() {
    Element body = render("*em* **strong** ~~gone~~ line  \nbreak\n\n---");
    Element p = body.selectFirst("p");
    assertEquals("em", p.selectFirst("em").text());
    assertEquals("strong", p.selectFirst("strong").text());
    assertEquals("gone", p.selectFirst("del").text());
    assertNotNull(p.selectFirst("br"));
    assertNotNull(body.selectFirst("hr"));
  }

  // --- links and images

  @Test
  void external_links_keep_title_and_get_rel() {
    Element a = only(render("[site](https://example.org/x?y=1&z=2 \"The \\\"title\\\"\")"), "a");
    assertEquals("https://example.org/x?y=1&z=2", a.attr("href"));
    assertEquals("The \"title\"", a.attr("title"));
    assertEquals("noopener noreferrer nofollow", a.attr("rel"));
    assertEquals("site", a.text());
  }

  @Test
  void reference_links_render() {
    Element a = only(render("See [the docs][d].\n\n[d]: https://example.org/docs 'Docs'"), "a");
    assertEquals("https://example.org/docs", a.attr("href"));
    assertEquals("Docs", a.attr("title"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"#section", "/papers/1", "papers/1", "?page=2", "../up"})
  void relative_links_are_kept_without_rel(String url) {
    Element a = only(render("[x](" + url + ")"), "a");
    assertEquals(url, a.attr("href"));
    assertEquals("", a.attr("rel"));
  }

  @Test
  void mail_links_are_kept_without_rel() {
    Element a = only(render("[write](mailto:team@example.org)"), "a");
    assertEquals("mailto:team@example.org", a.attr("href"));
    assertEquals("", a.attr("rel"));
  }

  @Test
  void autolinks_link_urls_www_and_email() {
    Element body =
        render(
            "Visit https://example.org, www.example.org or <https://example.net/a>; mail"
                + " team@example.org.");
    Elements links = body.select("a");
    assertEquals(
        List.of(
            "https://example.org",
            "https://www.example.org",
            "https://example.net/a",
            "mailto:team@example.org"),
        links.eachAttr("href"));
    assertEquals(
        List.of(
            "https://example.org", "www.example.org", "https://example.net/a", "team@example.org"),
        links.eachText());
  }

  @Test
  void images_keep_src_alt_and_title() {
    Element img = only(render("![A *chart*](/img/chart.png \"Figure 1\")"), "img");
    assertEquals("/img/chart.png", img.attr("src"));
    assertEquals("A chart", img.attr("alt"));
    assertEquals("Figure 1", img.attr("title"));
  }

  @Test
  void disallowed_link_keeps_its_words() {
    Element body = render("Please [click *here*](javascript:alert(1)) now.");
    assertTrue(body.select("a").isEmpty(), body.html());
    assertEquals("Please click here now.", body.text());
    assertNotNull(body.selectFirst("em"));
  }

  @Test
  void disallowed_image_keeps_its_alt_text() {
    Element body = render("Look: ![a diagram](data:image/svg+xml;base64,PHN2Zz4=)");
    assertTrue(body.select("img").isEmpty(), body.html());
    assertEquals("Look: a diagram", body.text());
  }

  @Test
  void disallowed_reference_and_autolink_keep_their_words() {
    Element body =
        render("[ref text][r] and <vbscript:msgbox(1)>\n\n[r]: &#106;avascript:alert(1)");
    assertTrue(body.select("a").isEmpty(), body.html());
    assertEquals("ref text and vbscript:msgbox(1)", body.text());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "java&#115;cript:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6a;avascript:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "javascript&colon;alert(1)",
        "java%0ascript:alert(1)",
        "%6Aavascript:alert(1)",
        "<  javascript:alert(1)>",
        "<java\tscript:alert(1)>",
        "JAVASCRIPT:alert(1)"
      })
  void disguised_javascript_urls_are_refused(String destination) {
    Element body = render("[words](" + destination + ")");
    assertTrue(body.select("a[href]").isEmpty(), body.html());
    assertTrue(body.text().contains("words"), body.html());
  }

  // --- text fidelity

  @Test
  void unicode_text_is_untouched() {
    String text =
        "مرحبا بالعالم · 你好，世界 · こんにちは · 🎉👩‍👩‍👧🇪🇺 · Cafe\u0301 · e\u0301\u0323 · ﷺ · 𝔘𝔫𝔦";
    Element body = render(text);
    assertEquals(text, only(body, "p").text());
  }

  @Test
  void typographic_characters_and_entities_survive() {
    Element body = render("“Quotes” — dash… 5 × 3 ≠ 14 &copy; &amp; 1 < 2 > 0 @user a=b");
    assertEquals("“Quotes” — dash… 5 × 3 ≠ 14 © & 1 < 2 > 0 @user a=b", body.text());
  }

  // --- API contract

  @Test
  void empty_and_null_input_render_to_nothing() {
    assertEquals("", renderer.render("").strip());
    assertEquals("", renderer.render(null).strip());
  }

  @Test
  void output_is_a_fragment_without_document_wrapper() {
    String html = renderer.render("# T\n\ntext");
    assertFalse(html.contains("<html"), html);
    assertFalse(html.contains("<body"), html);
    assertNull(Jsoup.parseBodyFragment(html).body().selectFirst("head > *"));
  }

  @Test
  void realistic_nesting_is_kept_intact() {
    Element body = render("> ".repeat(30) + "deep");
    assertEquals(30, body.select("blockquote").size());
    assertEquals("deep", body.select("blockquote p").last().text());
  }

  @Test
  void absurd_nesting_is_flattened_instead_of_overflowing_the_stack() throws Exception {
    String html = onSmallStack(() -> renderer.render("> ".repeat(1_000) + "deep"));
    XssCorpusTest.assertInert(html, "1000 nested quotes");
    Element body = Jsoup.parseBodyFragment(html).body();
    assertEquals(MarkdownRenderer.MAX_NESTING, body.select("blockquote").size());
    assertEquals("deep", body.text());
  }

  @Test
  void input_flexmark_cannot_parse_falls_back_to_verbatim_text() throws Exception {
    String quotes = "> ".repeat(20_000) + "<b>deep</b>";
    String wideRow = "|a".repeat(10_000) + "|\n" + "|-".repeat(10_000) + "|\n";
    for (String markdown : List.of(quotes, wideRow)) {
      String html = onSmallStack(() -> renderer.render(markdown));
      XssCorpusTest.assertInert(html, "fallback");
      Element body = Jsoup.parseBodyFragment(html).body();
      assertEquals(markdown, only(body, "pre > code").wholeText());
    }
  }

  @Test
  void thousands_of_identical_headings_get_distinct_ids() {
    Element body = render("# Same\n\n".repeat(3_000));
    List<String> ids = body.select("h1").eachAttr("id");
    assertEquals(3_000, new HashSet<>(ids).size());
    assertEquals("same-2999", ids.get(ids.size() - 1));
  }

  /** Production request threads have 1 MB stacks; test threads may have more. */
  private static String onSmallStack(Callable<String> work) throws Exception {
    String[] result = new String[1];
    Throwable[] failure = new Throwable[1];
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                result[0] = work.call();
              } catch (Throwable t) {
                failure[0] = t;
              }
            },
            "one-megabyte-stack",
            1024 * 1024);
    thread.start();
    thread.join();
    if (failure[0] != null) {
      throw new AssertionError("rendering failed", failure[0]);
    }
    return result[0];
  }

  @Test
  void rendering_is_thread_safe() throws Exception {
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      inputs.add(
          "# Heading "
              + i
              + "\n\n# Heading "
              + i
              + "\n\nText[^n] with [link](https://example.org/"
              + i
              + ") and | a |\n\n| a | b |\n|---|:-:|\n| "
              + i
              + " | x |\n\n[^n]: Note "
              + i
              + ".");
    }
    List<String> expected = inputs.stream().map(renderer::render).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int round = 0; round < 10; round++) {
        for (int i = 0; i < inputs.size(); i++) {
          int index = i;
          results.add(
              pool.submit(() -> expected.get(index).equals(renderer.render(inputs.get(index)))));
        }
      }
      Set<Boolean> outcomes = new HashSet<>();
      for (Future<Boolean> result : results) {
        outcomes.add(result.get());
      }
      assertEquals(Set.of(true), outcomes);
    } finally {
      pool.shutdownNow();
    }
  }
}
