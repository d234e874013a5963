package org.plenary.render;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import java.util.Set;

/**
 * Applies {@link UrlPolicy} to every Markdown construct that can produce an {@code href} or {@code
 * src}. An allowed URL is rendered by flexmark's own renderer (so output stays CommonMark-exact); a
 * refused one keeps its words: a link becomes its content, an image its alt text, an autolink its
 * literal text.
 *
 * <p>The check runs on exactly the string flexmark would put into the attribute (Markdown backslash
 * escapes and entities resolved), so what is checked is what the browser gets.
 *
 * <p>{@link #WITHOUT_IMAGES} is for files read away from Plenary (the standalone HTML export):
 * every image, allowed or not, becomes its alt text in brackets, as in the PDF and DOCX, so opening
 * the file makes the reader's browser fetch nothing.
 */
final class SafeLinkRenderer implements NodeRenderer {

  static final NodeRendererFactory FACTORY = options -> new SafeLinkRenderer(true);

  /** Images as their alt text, in brackets and emphasised: {@code <em>[alt]</em>}. */
  static final NodeRendererFactory WITHOUT_IMAGES = options -> new SafeLinkRenderer(false);

  private final boolean images;

  private SafeLinkRenderer(boolean images) {
    this.images = images;
  }

  @Override
  public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
    if (!images) {
      return Set.of(
          new NodeRenderingHandler<>(Link.class, SafeLinkRenderer::renderLink),
          new NodeRenderingHandler<>(LinkRef.class, SafeLinkRenderer::renderLinkRef),
          new NodeRenderingHandler<>(Image.class, SafeLinkRenderer::renderImageAsText),
          new NodeRenderingHandler<>(ImageRef.class, SafeLinkRenderer::renderImageAsText),
          new NodeRenderingHandler<>(AutoLink.class, SafeLinkRenderer::renderAutoLink),
          new NodeRenderingHandler<>(MailLink.class, SafeLinkRenderer::renderMailLink));
    }
    return Set.of(
        new NodeRenderingHandler<>(Link.class, SafeLinkRenderer::renderLink),
        new NodeRenderingHandler<>(LinkRef.class, SafeLinkRenderer::renderLinkRef),
        new NodeRenderingHandler<>(Image.class, SafeLinkRenderer::renderImage),
        new NodeRenderingHandler<>(ImageRef.class, SafeLinkRenderer::renderImageRef),
        new NodeRenderingHandler<>(AutoLink.class, SafeLinkRenderer::renderAutoLink),
        new NodeRenderingHandler<>(MailLink.class, SafeLinkRenderer::renderMailLink));
  }

  private static void renderLink(Link node, NodeRendererContext context, HtmlWriter html) {
    if (UrlPolicy.isAllowed(node.getUrl().unescape())) {
      context.delegateRender();
    } else {
      context.renderChildren(node);
    }
  }

  private static void renderLinkRef(LinkRef node, NodeRendererContext context, HtmlWriter html) {
    if (referenceAllowed(node.isDefined() ? node.getReferenceNode(node.getDocument()) : null)) {
      context.delegateRender();
    } else {
      context.renderChildren(node);
    }
  }

  private static void renderImage(Image node, NodeRendererContext context, HtmlWriter html) {
    // flexmark appends the multi-line "url content" to the URL, so both parts are checked together.
    String url = node.getUrl().unescape() + node.getUrlContent();
    if (UrlPolicy.isAllowed(url)) {
      context.delegateRender();
    } else {
      html.text(altText(node));
    }
  }

  private static void renderImageRef(ImageRef node, NodeRendererContext context, HtmlWriter html) {
    if (referenceAllowed(node.isDefined() ? node.getReferenceNode(node.getDocument()) : null)) {
      context.delegateRender();
    } else {
      html.text(altText(node));
    }
  }

  private static void renderImageAsText(Node node, NodeRendererContext context, HtmlWriter html) {
    html.tag("em");
    html.text("[" + altText(node) + "]");
    html.closeTag("em");
  }

  private static void renderAutoLink(AutoLink node, NodeRendererContext context, HtmlWriter html) {
    // flexmark builds the href from the link text (www. links get a scheme prefix), but suppresses
    // by the URL part; both must pass.
    String text = node.getText().toString();
    if (UrlPolicy.isAllowed(text) && UrlPolicy.isAllowed(node.getUrl().toString())) {
      context.delegateRender();
    } else {
      html.text(text);
    }
  }

  private static void renderMailLink(MailLink node, NodeRendererContext context, HtmlWriter html) {
    if (UrlPolicy.isAllowed("mailto:" + node.getText().unescape())) {
      context.delegateRender();
    } else {
      html.text(node.getText().unescape());
    }
  }

  /**
   * An undefined reference is rendered by flexmark as literal text (no URL at all), so only a
   * defined one needs its destination checked.
   */
  private static boolean referenceAllowed(Reference reference) {
    return reference == null || UrlPolicy.isAllowed(reference.getUrl().unescape());
  }

  private static String altText(Node image) {
    return new TextCollectingVisitor().collectAndGetText(image);
  }
}
