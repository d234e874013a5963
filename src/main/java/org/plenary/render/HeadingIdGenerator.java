package org.plenary.render;

import com.vladsch.flexmark.ast.AnchorRefTarget;
import com.vladsch.flexmark.ast.util.AnchorRefTargetBlockVisitor;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.html.renderer.HeaderIdGeneratorFactory;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GitHub-style heading ids ({@code "Hello, World!"} becomes {@code hello-world}) that are unique
 * within one rendered document.
 *
 * <p>flexmark's own generator de-duplicates by appending {@code -1}, {@code -2}, but does not check
 * the result against ids already taken (headings "A", "A", "A 1" give {@code a}, {@code a-1},
 * {@code a-1}) nor against the footnote extension's fixed {@code fn-N}/{@code fnref-N} ids. This
 * one keeps a set of every id handed out and steers clear of the footnote namespace, so an in-page
 * {@code #id} link always has exactly one target. Ids depend only on the heading texts and their
 * order, so they are stable across renders of the same Markdown.
 */
final class HeadingIdGenerator implements HtmlIdGenerator {

  static final HeaderIdGeneratorFactory FACTORY =
      new HeaderIdGeneratorFactory() {
        @Override
        public HtmlIdGenerator create(LinkResolverContext context) {
          return new HeadingIdGenerator();
        }

        @Override
        public HtmlIdGenerator create() {
          return new HeadingIdGenerator();
        }
      };

  /**
   * The footnote extension's ids ({@code fn-1}, {@code fnref-1}, {@code fnref-1-2}) and every
   * prefix that a {@code -N} de-duplication suffix could turn into one of them.
   */
  static final Pattern FOOTNOTE_NAMESPACE = Pattern.compile("fn(?:ref)?(?:-\\d+)*");

  /** Used when a heading has no letters or digits at all, e.g. only punctuation or emoji. */
  private static final String FALLBACK_ID = "section";

  @Override
  public void generateIds(Document document) {
    Set<String> taken = new HashSet<>();
    Map<String, Integer> nextSuffix = new HashMap<>();
    new AnchorRefTargetBlockVisitor() {
      @Override
      protected void visit(AnchorRefTarget target) {
        target.setAnchorRefId(uniqueId(baseId(target.getAnchorRefText()), taken, nextSuffix));
      }
    }.visit(document);
  }

  @Override
  public String getId(Node node) {
    if (node instanceof AnchorRefTarget) {
      String id = ((AnchorRefTarget) node).getAnchorRefId();
      return id.isEmpty() ? null : id;
    }
    return null;
  }

  @Override
  public String getId(CharSequence text) {
    return baseId(text.toString());
  }

  static String baseId(String text) {
    // Spaces and '-' become '-', '_' is kept, other punctuation is dropped, letters lower-cased:
    // the same slugs GitHub produces, so links copied from there keep working.
    String id = HeaderIdGenerator.generateId(text, " -", "_", true, true);
    id = trimDashes(id);
    if (id.isEmpty()) {
      return FALLBACK_ID;
    }
    return FOOTNOTE_NAMESPACE.matcher(id).matches() ? "h-" + id : id;
  }

  /**
   * {@code base}, or {@code base-N} with the smallest N not yet taken. Remembering the last N per
   * base keeps a document of thousands of identical headings linear rather than quadratic.
   */
  private static String uniqueId(String base, Set<String> taken, Map<String, Integer> nextSuffix) {
    if (taken.add(base)) {
      return base;
    }
    int n = nextSuffix.getOrDefault(base, 1);
    String id = base + "-" + n;
    while (!taken.add(id)) {
      id = base + "-" + ++n;
    }
    nextSuffix.put(base, n + 1);
    return id;
  }

  private static String trimDashes(String id) {
    int start = 0;
    int end = id.length();
    while (start < end && id.charAt(start) == '-') {
      start++;
    }
    while (end > start && id.charAt(end - 1) == '-') {
      end--;
    }
    return id.substring(start, end);
  }
}
