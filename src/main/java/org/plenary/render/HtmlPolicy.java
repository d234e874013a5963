package org.plenary.render;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allowlist that rendered Markdown must pass: exactly the elements and attributes that the
 * {@link MarkdownRenderer} flexmark configuration emits for legitimate input, each attribute value
 * constrained to the shapes flexmark produces. Anything else, whatever a future flexmark upgrade or
 * a renderer bug lets through, is dropped here.
 */
final class HtmlPolicy {

  static final String EXTERNAL_LINK_REL = "noopener noreferrer nofollow";

  /** Heading ids from {@link HeadingIdGenerator}: letters, digits, '-', '_'. */
  private static final Pattern HEADING_ID = Pattern.compile("[\\p{L}\\p{Nl}\\p{Nd}_-]+");

  private static final Pattern FOOTNOTE_ID = Pattern.compile("fn-\\d{1,9}");
  private static final Pattern FOOTNOTE_REF_ID = Pattern.compile("fnref-\\d{1,9}(?:-\\d{1,9})?");
  private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,64}");
  private static final Pattern LIST_START = Pattern.compile("\\d{1,9}");

  private static final Predicate<String> SAFE_URL = UrlPolicy::isAllowed;

  static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p",
              "br",
              "hr",
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "em",
              "strong",
              "del",
              "s",
              "code",
              "pre",
              "blockquote",
              "ul",
              "ol",
              "li",
              "img",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td",
              "sup")
          .allowElements(HtmlPolicy::linkWithRel, "a")
          .allowElements(HtmlPolicy::footnotesContainerOnly, "div")
          .allowUrlProtocols("http", "https", "mailto")
          .allowAttributes("id")
          .matching(HEADING_ID)
          .onElements("h1", "h2", "h3", "h4", "h5", "h6")
          .allowAttributes("id")
          .matching(FOOTNOTE_ID)
          .onElements("li")
          .allowAttributes("id")
          .matching(FOOTNOTE_REF_ID)
          .onElements("sup")
          .allowAttributes("href")
          .matching(SAFE_URL)
          .onElements("a")
          .allowAttributes("class")
          .matching(false, "footnote-ref", "footnote-backref")
          .onElements("a")
          .allowAttributes("title")
          .onElements("a", "img")
          .allowAttributes("src")
          .matching(SAFE_URL)
          .onElements("img")
          .allowAttributes("alt")
          .onElements("img")
          .allowAttributes("class")
          .matching(CODE_LANGUAGE)
          .onElements("code")
          .allowAttributes("class")
          .matching(false, "footnotes")
          .onElements("div")
          .allowAttributes("start")
          .matching(LIST_START)
          .onElements("ol")
          .allowAttributes("align")
          .matching(false, "left", "center", "right")
          .onElements("th", "td")
          .toFactory();

  private HtmlPolicy() {}

  /**
   * Adds {@link #EXTERNAL_LINK_REL} to links that leave the site. Runs after the attribute
   * policies, so it sees the final href and any author-supplied rel is already gone.
   */
  private static String linkWithRel(String element, List<String> attrs) {
    for (int i = 0; i + 1 < attrs.size(); i += 2) {
      if ("href".equals(attrs.get(i)) && UrlPolicy.isAbsoluteWebUrl(attrs.get(i + 1))) {
        attrs.add("rel");
        attrs.add(EXTERNAL_LINK_REL);
        break;
      }
    }
    return element;
  }

  /** flexmark emits a div only to wrap footnotes; any other div is unwrapped (content kept). */
  private static String footnotesContainerOnly(String element, List<String> attrs) {
    for (int i = 0; i + 1 < attrs.size(); i += 2) {
      if ("class".equals(attrs.get(i)) && "footnotes".equals(attrs.get(i + 1))) {
        return element;
      }
    }
    return null;
  }
}
