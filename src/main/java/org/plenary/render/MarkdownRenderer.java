package org.plenary.render;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Turns the Markdown that workshop participants write into an HTML fragment that is safe to insert
 * into any page. This is the product's XSS boundary for user content, built in three layers so
 * that no single mistake exposes readers:
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

  // Built once per JVM rather than per instance: the CDI client proxy also runs the no-arg
  // constructor, and flexmark's Parser/HtmlRenderer and OWASP's PolicyFactory are immutable.
  private static final DataHolder OPTIONS = flexmarkOptions();
  private static final Parser PARSER = Parser.builder(OPTIONS).build();
  private static final HtmlRenderer HTML_RENDERER =
      HtmlRenderer.builder(OPTIONS)
          .nodeRendererFactory(SafeLinkRenderer.FACTORY)
          .htmlIdGeneratorFactory(HeadingIdGenerator.FACTORY)
          .build();

  public MarkdownRenderer() {}

  /**
   * Renders Markdown to a sanitized HTML fragment (no {@code <html>}/{@code <body>} wrapper).
   * {@code null} is treated as empty input.
   */
  public String render(String markdown) {
    return HtmlPolicy.POLICY.sanitize(renderUnsanitized(markdown));
  }

  /**
   * The HTML flexmark produces with this class's full configuration (escaped raw HTML, URL policy,
   * heading ids) but before the allowlist sanitizer. Exposed for the CommonMark conformance test;
   * never send this to a browser.
   */
  String renderUnsanitized(String markdown) {
    return HTML_RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
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
