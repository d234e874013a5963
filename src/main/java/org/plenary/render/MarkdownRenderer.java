package org.plenary.render;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.Escaping;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Turns the Markdown that workshop participants write into an HTML fragment that is safe to insert
 * into any page. This is the product's XSS boundary for user content, built in three layers so that
 * no single mistake exposes readers:
 *
 * <ol>
 *   <li><b>No raw HTML.</b> flexmark parses CommonMark plus GFM tables, footnotes, strikethrough
 *       and autolinks, but every HTML block, inline tag and comment is rendered as escaped text, so
 *       an author who types {@code <b>} sees {@code <b>}.
 *   <li><b>URL policy.</b> Link, image and autolink destinations must be {@code http}, {@code
 *       https}, {@code mailto} or relative after entity decoding, percent decoding and removal of
 *       characters browsers ignore ({@link UrlPolicy}). A refused URL keeps its words: the link
 *       renders as plain text, the image as its alt text.
 *   <li><b>Allowlist sanitizer.</b> The HTML then passes an OWASP policy ({@link HtmlPolicy}) that
 *       admits only the elements and attribute shapes this configuration produces, and adds {@code
 *       rel="noopener noreferrer nofollow"} to off-site links.
 * </ol>
 *
 * <p>Headings get GitHub-style ids that are unique within one render ({@link HeadingIdGenerator});
 * fenced code gets {@code class="language-…"}; table alignment is the {@code align} attribute.
 *
 * <p>The parser, renderer and policy are immutable and shared, so one instance (or many; they are
 * cheap) may be used from any number of threads. The class works as a CDI bean and equally via
 * {@code new MarkdownRenderer()} in plain unit tests.
 */
@ApplicationScoped
public class MarkdownRenderer {

  private static final Logger LOG = Logger.getLogger(MarkdownRenderer.class);

  /** Tree depth beyond which structure is flattened; see {@link #flattenBelow}. */
  static final int MAX_NESTING = 64;

  // Built once per JVM rather than per instance: the CDI client proxy also runs the no-arg
  // constructor, and flexmark's Parser/HtmlRenderer and OWASP's PolicyFactory are immutable.
  private static final DataHolder OPTIONS = flexmarkOptions();
  private static final Parser PARSER = Parser.builder(OPTIONS).build();
  private static final HtmlRenderer HTML_RENDERER =
      HtmlRenderer.builder(OPTIONS)
          .nodeRendererFactory(SafeLinkRenderer.FACTORY)
          .htmlIdGeneratorFactory(HeadingIdGenerator.FACTORY)
          .build();
  private static final HtmlRenderer WITHOUT_IMAGES_RENDERER =
      HtmlRenderer.builder(OPTIONS)
          .nodeRendererFactory(SafeLinkRenderer.WITHOUT_IMAGES)
          .htmlIdGeneratorFactory(HeadingIdGenerator.FACTORY)
          .build();

  public MarkdownRenderer() {}

  /**
   * The syntax tree of {@code markdown}, parsed exactly as for the screen (the same extensions),
   * for the other outputs (PDF, DOCX) to walk.
   */
  public static Document parse(String markdown) {
    return PARSER.parse(markdown == null ? "" : markdown);
  }

  /**
   * Renders Markdown to a sanitized HTML fragment (no {@code <html>}/{@code <body>} wrapper).
   * {@code null} is treated as empty input.
   */
  public String render(String markdown) {
    return HtmlPolicy.POLICY.sanitize(renderUnsanitized(markdown, HTML_RENDERER));
  }

  /**
   * Like {@link #render}, but every image becomes its alt text in brackets ({@code <em>[alt]</em>},
   * as the PDF and DOCX show images): for files read away from Plenary, which must fetch nothing
   * when opened.
   */
  public String renderWithoutImages(String markdown) {
    return HtmlPolicy.POLICY.sanitize(renderUnsanitized(markdown, WITHOUT_IMAGES_RENDERER));
  }

  /**
   * The HTML flexmark produces with this class's full configuration (escaped raw HTML, URL policy,
   * heading ids) but before the allowlist sanitizer. Exposed for the CommonMark conformance test;
   * never send this to a browser.
   */
  String renderUnsanitized(String markdown) {
    return renderUnsanitized(markdown, HTML_RENDERER);
  }

  private static String renderUnsanitized(String markdown, HtmlRenderer renderer) {
    String source = markdown == null ? "" : markdown;
    try {
      Document document = PARSER.parse(source);
      flattenBelow(document, MAX_NESTING);
      return renderer.render(document);
    } catch (StackOverflowError e) {
      // flexmark also recurses while parsing (post-processing visitors, table-row regexes), so
      // thousands of nesting levels or table cells can still exhaust the stack before
      // flattenBelow runs. All its state is per call, so the error is contained; the author gets
      // their text back verbatim instead of a failed request.
      LOG.warnf(
          "Markdown of %d chars is nested too deeply to render; showing it as plain text",
          source.length());
      return "<pre><code>" + Escaping.escapeHtml(source, false) + "</code></pre>\n";
    }
  }

  /**
   * Unwraps every node deeper than {@code maxDepth} that has children, so its children take its
   * place. flexmark parses arbitrarily deep nesting without trouble but renders it recursively: a
   * few kilobytes of {@code > > > …} or nested brackets overflow a 1 MB thread stack. Legitimate
   * documents stay far below the limit and are untouched; beyond it the words are kept and only the
   * extra structure is lost. Iterative, so it cannot overflow itself.
   */
  static void flattenBelow(Node root, int maxDepth) {
    Deque<Node> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(root);
    depths.push(0);
    while (!nodes.isEmpty()) {
      Node node = nodes.pop();
      int depth = depths.pop();
      if (depth > maxDepth && node.hasChildren()) {
        for (Node child = node.getFirstChild(); child != null; child = node.getFirstChild()) {
          child.unlink();
          node.insertBefore(child);
          nodes.push(child);
          depths.push(depth);
        }
        node.unlink();
      } else {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
          nodes.push(child);
          depths.push(depth + 1);
        }
      }
    }
  }

  private static DataHolder flexmarkOptions() {
    return new MutableDataSet()
        .set(
            Parser.EXTENSIONS,
            List.of(
                TablesExtension.create(),
                FootnoteExtension.create(),
                StrikethroughExtension.create(),
                AutolinkExtension.create()))
        // Escape rather than drop: authors see what they typed, and nothing is silently lost.
        .set(HtmlRenderer.ESCAPE_HTML, true)
        .set(HtmlRenderer.ESCAPE_HTML_BLOCKS, true)
        .set(HtmlRenderer.ESCAPE_HTML_COMMENT_BLOCKS, true)
        .set(HtmlRenderer.ESCAPE_INLINE_HTML, true)
        .set(HtmlRenderer.ESCAPE_INLINE_HTML_COMMENTS, true)
        .set(HtmlRenderer.GENERATE_HEADER_ID, true)
        .set(HtmlRenderer.RENDER_HEADER_ID, true)
        // What CommonMark's reference renderers do; also keeps raw spaces and quotes out of hrefs.
        .set(HtmlRenderer.PERCENT_ENCODE_URLS, true)
        // GFM prefixes bare www. links with http://; no reason to send readers over plain http.
        .set(HtmlRenderer.AUTOLINK_WWW_PREFIX, "https://")
        // GitHub table semantics: one header row, the delimiter row fixes the column count.
        .set(TablesExtension.COLUMN_SPANS, false)
        .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
        .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
        .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true)
        .set(TablesExtension.MIN_HEADER_ROWS, 1)
        .set(TablesExtension.MAX_HEADER_ROWS, 1)
        .set(TablesExtension.WITH_CAPTION, false)
        .set(TablesExtension.MIN_SEPARATOR_DASHES, 1)
        .toImmutable();
  }
}
