package org.plenary.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * Runs every example of the CommonMark spec that flexmark 0.64.8 implements (0.28: flexmark's
 * README and its own core spec tests are 0.28; against 0.29 it misses 17 rule changes such as
 * code-span space stripping and the multiple-of-3 emphasis rule) through {@link
 * MarkdownRenderer#renderUnsanitized} with the production configuration.
 *
 * <p><b>Source.</b> The examples come from the npm package {@code commonmark-spec@0.28.0}, which
 * the frontend lists as a devDependency, so {@code npm ci} in {@code frontend/} puts it at {@code
 * frontend/node_modules/commonmark-spec/}. That version ships no JSON, only {@code spec.txt} and an
 * {@code index.js} that extracts the examples with a regular expression; {@link #loadExamples}
 * applies the same expression and numbering, and, like the reference test runners, turns the spec's
 * {@code →} tab marker into a real tab.
 *
 * <p><b>Comparison.</b> Both the expected and the actual HTML are normalised the same way, in the
 * spirit of the spec's own {@code test/normalize.py}: they are parsed with jsoup's HTML5 tree
 * builder (so entity spelling, attribute quoting, {@code <br />} vs {@code <br>} and other
 * serialisation choices disappear, and two strings compare equal exactly when a browser would build
 * the same tree), attributes are sorted by name, and outside {@code <pre>} runs of ASCII whitespace
 * collapse to one space and whitespace next to a block-level tag (normalize.py's list) is dropped,
 * as are newlines right after a {@code <br>}. The {@code id} attribute of {@code h1}–{@code h6} is
 * removed because heading ids are a deliberate addition of our configuration.
 *
 * <p><b>Exceptions.</b> {@code src/test/resources/commonmark/exceptions.tsv} lists each example
 * that is expected to differ, with a category and a specific reason. The test fails on any unlisted
 * difference and also on any listed example that now passes, so the list cannot rot.
 */
class CommonMarkSpecTest {

  static final String SPEC_VERSION = "0.28";
  static final String PACKAGE_VERSION = "0.28.0";
  static final Path SPEC_DIR =
      Path.of(System.getProperty("user.dir"), "frontend", "node_modules", "commonmark-spec");

  /** Why an example may legitimately differ; anything else is a bug to fix, not to list. */
  static final Set<String> CATEGORIES =
      Set.of(
          "raw-html-escaped",
          "url-policy",
          "ext-autolink",
          "ext-tables",
          "ext-strikethrough",
          "ext-footnotes",
          "flexmark-deviation");

  /** The block-level tags of the spec's normalize.py, around which whitespace is insignificant. */
  static final Set<String> BLOCK_TAGS =
      Set.of(
          "article",
          "header",
          "aside",
          "hgroup",
          "blockquote",
          "hr",
          "iframe",
          "body",
          "li",
          "map",
          "button",
          "object",
          "canvas",
          "ol",
          "caption",
          "output",
          "col",
          "p",
          "colgroup",
          "pre",
          "dd",
          "progress",
          "div",
          "section",
          "dl",
          "table",
          "td",
          "dt",
          "tbody",
          "embed",
          "textarea",
          "fieldset",
          "tfoot",
          "figcaption",
          "th",
          "figure",
          "thead",
          "footer",
          "tr",
          "form",
          "ul",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "video",
          "script",
          "style");

  private static final Pattern EXAMPLE_OR_HEADING =
      Pattern.compile(
          "^`{32} example\\n([\\s\\S]*?)^\\.\\n([\\s\\S]*?)^`{32}$|^#{1,6} *(.*)$",
          Pattern.MULTILINE);
  private static final Pattern ASCII_WHITESPACE = Pattern.compile("[ \\t\\n\\f\\r]+");

  record Example(int number, String section, String markdown, String html) {}

  record Deviation(int number, String category, String reason) {}

  private final MarkdownRenderer renderer = new MarkdownRenderer();

  @Test
  void spec_examples_render_as_specified_except_listed_exceptions() throws IOException {
    List<Example> examples = loadExamples();
    Map<Integer, Deviation> exceptions = loadExceptions();

    List<String> unexpectedFailures = new ArrayList<>();
    List<String> stalePasses = new ArrayList<>();
    int pass = 0;
    for (Example example : examples) {
      String expected = normalize(example.html());
      String actual = normalize(renderer.renderUnsanitized(example.markdown()));
      boolean same = expected.equals(actual);
      Deviation listed = exceptions.get(example.number());
      if (same) {
        pass++;
        if (listed != null) {
          stalePasses.add(
              "example " + example.number() + " (" + listed.category() + ") now passes");
        }
      } else if (listed == null) {
        unexpectedFailures.add(describe(example, expected, actual));
      }
    }

    List<String> unknownNumbers = new ArrayList<>();
    for (int number : exceptions.keySet()) {
      if (number < 1 || number > examples.size()) {
        unknownNumbers.add(String.valueOf(number));
      }
    }

    System.out.printf(
        "CommonMark %s: %d examples, %d pass, %d listed exceptions%n",
        SPEC_VERSION, examples.size(), pass, exceptions.size());

    StringBuilder problems = new StringBuilder();
    if (!unexpectedFailures.isEmpty()) {
      problems.append(unexpectedFailures.size()).append(" unlisted failures:\n");
      unexpectedFailures.forEach(f -> problems.append(f).append('\n'));
    }
    if (!stalePasses.isEmpty()) {
      problems
          .append("listed in exceptions.tsv but passing (remove them):\n  ")
          .append(String.join("\n  ", stalePasses))
          .append('\n');
    }
    if (!unknownNumbers.isEmpty()) {
      problems.append("exceptions.tsv names examples that do not exist: ").append(unknownNumbers);
    }
    if (problems.length() > 0) {
      fail(problems.toString());
    }
    assertEquals(examples.size(), pass + exceptions.size());
  }

  @Test
  void normaliser_ignores_only_insignificant_differences() {
    assertEquals(normalize("<p>a b</p>"), normalize("\n<p>\n  a\t\tb </p>\n"));
    assertEquals(normalize("<p>a<br>b</p>"), normalize("<p>a<br />\nb</p>"));
    assertEquals(
        normalize("<a href=\"x\" title=\"t\">x</a>"), normalize("<a title='t' href=x>x</a>"));
    assertEquals(normalize("<p>&ouml;&amp;</p>"), normalize("<p>ö&#38;</p>"));
    assertEquals(normalize("<h2>t</h2>"), normalize("<h2 id=\"t\">t</h2>"));
    assertNotEquals(
        normalize("<pre><code>a  b</code></pre>"), normalize("<pre><code>a b</code></pre>"));
    assertNotEquals(normalize("<p><em>a</em> b</p>"), normalize("<p><em>a</em>b</p>"));
    assertNotEquals(normalize("<p id=\"x\">t</p>"), normalize("<p>t</p>"));
  }

  static List<Example> loadExamples() throws IOException {
    Path specFile = SPEC_DIR.resolve("spec.txt");
    Path packageJson = SPEC_DIR.resolve("package.json");
    if (!Files.isRegularFile(specFile) || !Files.isRegularFile(packageJson)) {
      fail(
          "CommonMark spec examples not found at "
              + specFile
              + ". Run `npm ci` in frontend/ (it installs the devDependency commonmark-spec@"
              + PACKAGE_VERSION
              + ").");
    }
    String packageVersion = jsonVersion(Files.readString(packageJson, StandardCharsets.UTF_8));
    if (!PACKAGE_VERSION.equals(packageVersion)) {
      fail(
          "frontend/node_modules/commonmark-spec is version "
              + packageVersion
              + " but this test and exceptions.tsv are for "
              + PACKAGE_VERSION
              + ", the spec flexmark 0.64.8 implements. Pin \"commonmark-spec\": \""
              + PACKAGE_VERSION
              + "\" in frontend/package.json and run `npm ci` in frontend/.");
    }

    String text = Files.readString(specFile, StandardCharsets.UTF_8).replaceAll("\r\n?", "\n");
    Matcher endOfTests = Pattern.compile("^<!-- END TESTS -->", Pattern.MULTILINE).matcher(text);
    if (endOfTests.find()) {
      text = text.substring(0, endOfTests.start());
    }
    List<Example> examples = new ArrayList<>();
    String section = "";
    Matcher m = EXAMPLE_OR_HEADING.matcher(text);
    while (m.find()) {
      if (m.group(3) != null) {
        section = m.group(3);
      } else {
        examples.add(
            new Example(
                examples.size() + 1,
                section,
                m.group(1).replace('→', '\t'),
                m.group(2).replace('→', '\t')));
      }
    }
    assertTrue(examples.size() > 600, "suspiciously few spec examples: " + examples.size());
    return examples;
  }

  static Map<Integer, Deviation> loadExceptions() throws IOException {
    Map<Integer, Deviation> exceptions = new LinkedHashMap<>();
    try (InputStream in =
        CommonMarkSpecTest.class.getResourceAsStream("/commonmark/exceptions.tsv")) {
      assertTrue(in != null, "missing test resource commonmark/exceptions.tsv");
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        String where = "exceptions.tsv line " + (i + 1) + ": ";
        assertEquals(3, cols.length, where + "want 3 tab-separated columns");
        int number = Integer.parseInt(cols[0].strip());
        String category = cols[1].strip();
        String reason = cols[2].strip();
        assertTrue(CATEGORIES.contains(category), where + "unknown category " + category);
        assertTrue(reason.length() >= 10, where + "give a specific reason");
        assertTrue(
            exceptions.put(number, new Deviation(number, category, reason)) == null,
            where + "example " + number + " listed twice");
      }
    }
    return exceptions;
  }

  /** See the class Javadoc for what is normalised and why. */
  static String normalize(String html) {
    Document doc = Jsoup.parseBodyFragment(html);
    doc.outputSettings().prettyPrint(false);
    for (Element heading : doc.body().select("h1, h2, h3, h4, h5, h6")) {
      heading.removeAttr("id");
    }
    for (Element element : doc.body().getAllElements()) {
      sortAttributes(element);
    }
    normalizeWhitespace(doc.body(), false);
    return doc.body().html();
  }

  private static void sortAttributes(Element element) {
    List<Attribute> attributes = new ArrayList<>(element.attributes().asList());
    attributes.sort((a, b) -> a.getKey().compareTo(b.getKey()));
    for (Attribute attribute : attributes) {
      element.removeAttr(attribute.getKey());
    }
    for (Attribute attribute : attributes) {
      element.attr(attribute.getKey(), attribute.getValue());
    }
  }

  private static void normalizeWhitespace(Element parent, boolean inPre) {
    boolean pre = inPre || parent.normalName().equals("pre");
    for (Node child : new ArrayList<>(parent.childNodes())) {
      if (child instanceof Element element) {
        normalizeWhitespace(element, pre);
      } else if (child instanceof TextNode text && !pre) {
        String value = text.getWholeText();
        Node previous = text.previousSibling();
        Node next = text.nextSibling();
        if (previous instanceof Element el && el.normalName().equals("br")) {
          value = value.replaceFirst("^\n+", "");
        }
        value = ASCII_WHITESPACE.matcher(value).replaceAll(" ");
        if (previous == null ? isBlock(parent) : isBlock(previous)) {
          value = value.startsWith(" ") ? value.substring(1) : value;
        }
        if (next == null ? isBlock(parent) : isBlock(next)) {
          value = value.endsWith(" ") ? value.substring(0, value.length() - 1) : value;
        }
        if (value.isEmpty()) {
          text.remove();
        } else {
          text.text(value);
        }
      }
    }
  }

  private static boolean isBlock(Node node) {
    return node instanceof Element element && BLOCK_TAGS.contains(element.normalName());
  }

  private static String jsonVersion(String packageJson) {
    Matcher m = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]*)\"").matcher(packageJson);
    return m.find() ? m.group(1) : "(unknown)";
  }

  private static String describe(Example example, String expected, String actual) {
    return "example "
        + example.number()
        + " ["
        + example.section()
        + "]\n  markdown: "
        + example.markdown().replace("\n", "⏎").replace("\t", "→")
        + "\n  expected: "
        + expected
        + "\n  actual:   "
        + actual;
  }
}
