package org.plenary.render;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Renders every entry of {@code src/test/resources/render/xss-corpus.txt} and checks that the
 * result cannot run script or load active content, and that escaped markup keeps its words.
 *
 * <p>Corpus format: an entry starts with a line {@code %%% name} or {@code %%% name | keeps: text}
 * and runs to the next such line, so entries may span lines; lines before the first header are
 * comments. With {@code keeps:}, the rendered page's visible text must contain {@code text}.
 *
 * <p>Each entry is checked on the final output of {@link MarkdownRenderer#render}, and also on
 * {@link MarkdownRenderer#renderUnsanitized}: the flexmark layer (escaping plus URL policy) must be
 * safe on its own, so the sanitizer is a second line of defence, not the only one. Both are also
 * checked after a serialise-and-reparse round trip, which is where mutation XSS shows up.
 */
class XssCorpusTest {

  static final int MINIMUM_CORPUS_SIZE = 60;

  static final Set<String> FORBIDDEN_ELEMENTS =
      Set.of(
          "script",
          "style",
          "iframe",
          "frame",
          "frameset",
          "object",
          "embed",
          "applet",
          "form",
          "input",
          "button",
          "textarea",
          "select",
          "option",
          "link",
          "meta",
          "base",
          "svg",
          "math",
          "template",
          "noscript",
          "audio",
          "video",
          "source",
          "track",
          "portal");

  static final Set<String> URL_ATTRIBUTES =
      Set.of(
          "href",
          "src",
          "action",
          "formaction",
          "xlink:href",
          "srcset",
          "background",
          "poster",
          "cite",
          "data",
          "codebase",
          "dynsrc",
          "lowsrc",
          "ping",
          "longdesc",
          "manifest",
          "usemap",
          "classid",
          "archive",
          "icon");

  static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

  /** Exactly what the renderer may emit, element by element; anything else is a finding. */
  static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("p", Set.of()),
          Map.entry("br", Set.of()),
          Map.entry("hr", Set.of()),
          Map.entry("h1", Set.of("id")),
          Map.entry("h2", Set.of("id")),
          Map.entry("h3", Set.of("id")),
          Map.entry("h4", Set.of("id")),
          Map.entry("h5", Set.of("id")),
          Map.entry("h6", Set.of("id")),
          Map.entry("em", Set.of()),
          Map.entry("strong", Set.of()),
          Map.entry("del", Set.of()),
          Map.entry("s", Set.of()),
          Map.entry("code", Set.of("class")),
          Map.entry("pre", Set.of()),
          Map.entry("blockquote", Set.of()),
          Map.entry("ul", Set.of()),
          Map.entry("ol", Set.of("start")),
          Map.entry("li", Set.of("id")),
          Map.entry("a", Set.of("href", "title", "class", "rel")),
          Map.entry("img", Set.of("src", "alt", "title")),
          Map.entry("table", Set.of()),
          Map.entry("thead", Set.of()),
          Map.entry("tbody", Set.of()),
          Map.entry("tr", Set.of()),
          Map.entry("th", Set.of("align")),
          Map.entry("td", Set.of("align")),
          Map.entry("sup", Set.of("id")),
          Map.entry("div", Set.of("class")));

  record Entry(int number, String name, String markdown, String keeps) {
    String label() {
      return "#" + number + " " + name;
    }
  }

  private final MarkdownRenderer renderer = new MarkdownRenderer();

  @Test
  void corpus_covers_enough_attack_shapes() throws IOException {
    List<Entry> corpus = loadCorpus();
    assertTrue(
        corpus.size() >= MINIMUM_CORPUS_SIZE,
        "xss-corpus.txt has only " + corpus.size() + " entries");
  }

  @Test
  void inertness_check_flags_each_kind_of_dangerous_markup() {
    List<String> dangerous =
        List.of(
            "<script>alert(1)</script>",
            "<p onclick=\"alert(1)\">x</p>",
            "<p style=\"color:red\">x</p>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\" JAVA\tSCRIPT:alert(1)\">x</a>",
            "<img src=\"data:image/svg+xml,x\">",
            "<svg></svg>",
            "<span>x</span>",
            "<a href=\"#\" target=\"_blank\">x</a>",
            "<p title=\"</p><img src=x onerror=alert(1)>\"></p>");
    for (String html : dangerous) {
      boolean flagged;
      try {
        assertInert(html, "self-check");
        flagged = false;
      } catch (AssertionError expected) {
        flagged = true;
      }
      assertTrue(flagged, "assertInert let through: " + html);
    }
    assertInert(
        "<p><a href=\"https://example.org\" rel=\"noopener noreferrer nofollow\">x</a>"
            + " <a href=\"/rel\">y</a> <a href=\"mailto:a@example.org\">z</a></p>",
        "self-check");
  }

  @TestFactory
  Stream<DynamicTest> every_corpus_entry_renders_inert() throws IOException {
    return loadCorpus().stream()
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.label(),
                    () -> {
                      String html = renderer.render(entry.markdown());
                      assertInert(html, entry.label() + " (sanitized)");
                      assertInert(
                          renderer.renderUnsanitized(entry.markdown()),
                          entry.label() + " (before sanitizer)");
                      if (entry.keeps() != null) {
                        String text = Jsoup.parseBodyFragment(html).body().text();
                        assertTrue(
                            text.contains(entry.keeps()),
                            entry.label()
                                + ": visible text should keep «"
                                + entry.keeps()
                                + "» but is «"
                                + text
                                + "»\n  html: "
                                + html);
                      }
                    }));
  }

  /**
   * Fails unless {@code html}, parsed as a browser would and again after one serialise/re-parse
   * round trip, contains only allowlisted elements and attributes, no forbidden element, no event
   * handler or style attribute, and no URL with a scheme other than http, https or mailto.
   */
  static void assertInert(String html, String label) {
    List<String> findings = new ArrayList<>();
    Element body = Jsoup.parseBodyFragment(html).body();
    inspect(body, findings);
    inspect(Jsoup.parseBodyFragment(body.html()).body(), findings);
    if (!findings.isEmpty()) {
      fail(label + ": " + String.join("; ", findings) + "\n  html: " + html);
    }
  }

  private static void inspect(Element body, List<String> findings) {
    for (Element element : body.getAllElements()) {
      if (element == body) {
        continue;
      }
      String tag = element.normalName();
      if (FORBIDDEN_ELEMENTS.contains(tag)) {
        findings.add("forbidden element <" + tag + ">");
      }
      Set<String> allowedAttributes = ALLOWED.get(tag);
      if (allowedAttributes == null) {
        findings.add("element <" + tag + "> is not in the allowlist");
      }
      for (Attribute attribute : element.attributes()) {
        String name = attribute.getKey().toLowerCase(Locale.ROOT);
        String value = attribute.getValue();
        if (name.startsWith("on")) {
          findings.add("event handler " + name + " on <" + tag + ">");
        }
        if (name.equals("style")) {
          findings.add("style attribute on <" + tag + ">");
        }
        if (URL_ATTRIBUTES.contains(name) && !hasSafeScheme(value)) {
          findings.add(name + "=\"" + value + "\" on <" + tag + "> has an unsafe scheme");
        }
        if (allowedAttributes != null && !allowedAttributes.contains(name)) {
          findings.add("attribute " + name + " on <" + tag + "> is not in the allowlist");
        }
      }
    }
  }

  /**
   * No scheme, or an allowed one. Stricter than a browser: tabs and newlines (which browsers drop
   * inside URLs) are removed first, and any colon before the first '/', '?' or '#' counts as ending
   * a scheme.
   */
  static boolean hasSafeScheme(String url) {
    String value = url.strip().toLowerCase(Locale.ROOT).replaceAll("[\\t\\n\\r]", "");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/' || c == '?' || c == '#' || c == '\\') {
        return true;
      }
      if (c == ':') {
        return SAFE_SCHEMES.contains(value.substring(0, i));
      }
    }
    return true;
  }

  static List<Entry> loadCorpus() throws IOException {
    String text;
    try (InputStream in = XssCorpusTest.class.getResourceAsStream("/render/xss-corpus.txt")) {
      assertTrue(in != null, "missing test resource render/xss-corpus.txt");
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Entry> entries = new ArrayList<>();
    String name = null;
    String keeps = null;
    StringBuilder body = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("%%%")) {
        if (name != null) {
          entries.add(new Entry(entries.size() + 1, name, body.toString(), keeps));
        }
        String header = line.substring(3).strip();
        int bar = header.indexOf("| keeps:");
        name = bar < 0 ? header : header.substring(0, bar).strip();
        keeps = bar < 0 ? null : header.substring(bar + "| keeps:".length()).strip();
        body.setLength(0);
      } else if (name != null) {
        body.append(line).append('\n');
      }
    }
    if (name != null) {
      entries.add(new Entry(entries.size() + 1, name, body.toString(), keeps));
    }
    return entries;
  }
}
