package org.plenary.publish;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.render.UrlPolicy;

/**
 * One walk over a section's parsed Markdown for every format that sets it (the PDFs, Word): the
 * walk decides what each node is and how emphasis nests; a format's {@link Target} sets each kind.
 * The web page and HTML export use flexmark's own HTML renderer instead.
 *
 * @param <P> where a block goes in the format (a list of PDF elements, a Word indentation)
 * @param <I> where inline text goes (a PDF phrase and its size, a Word paragraph)
 */
final class MarkdownWalk<P, I> {

  /** How inline text is set; {@code inNote}: inside a footnote's text. */
  record Look(boolean bold, boolean italic, boolean strike, boolean inNote) {
    static final Look PLAIN = new Look(false, false, false, false);
    static final Look NOTE = new Look(false, false, false, true);

    Look withBold() {
      return new Look(true, italic, strike, inNote);
    }

    Look withItalic() {
      return new Look(bold, true, strike, inNote);
    }

    Look withStrike() {
      return new Look(bold, italic, true, inNote);
    }
  }

  /** What a format does with each kind of Markdown. */
  interface Target<P, I> {
    void heading(Heading heading, P place);

    void paragraph(Paragraph paragraph, P place);

    void list(ListBlock list, P place);

    void quote(BlockQuote quote, P place);

    void codeBlock(String code, P place);

    void table(TableBlock table, P place);

    void rule(P place);

    void htmlBlock(HtmlBlock html, P place);

    void text(String text, Look look, I into);

    void lineBreak(Look look, I into);

    void code(String code, Look look, I into);

    /** A link; {@code followable}: one a reader may follow (else only its words are set). */
    void link(String url, String label, boolean followable, Look look, I into);

    void image(String description, Look look, I into);

    void footnote(Footnote reference, Look look, I into);
  }

  private final Target<P, I> target;

  MarkdownWalk(Target<P, I> target) {
    this.target = target;
  }

  /** Every block under {@code parent} (footnote definitions are left to the format). */
  void blocks(Node parent, P place) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      block(n, place);
    }
  }

  void block(Node n, P place) {
    if (n instanceof Heading h) {
      target.heading(h, place);
    } else if (n instanceof Paragraph para) {
      target.paragraph(para, place);
    } else if (n instanceof ListBlock list) {
      target.list(list, place);
    } else if (n instanceof BlockQuote quote) {
      target.quote(quote, place);
    } else if (n instanceof FencedCodeBlock f) {
      target.codeBlock(f.getContentChars().toString().replaceAll("\\n$", ""), place);
    } else if (n instanceof IndentedCodeBlock c) {
      target.codeBlock(c.getContentChars().toString().replaceAll("\\n$", ""), place);
    } else if (n instanceof TableBlock table) {
      target.table(table, place);
    } else if (n instanceof ThematicBreak) {
      target.rule(place);
    } else if (n instanceof HtmlBlock html) {
      target.htmlBlock(html, place);
    } else if (n instanceof FootnoteBlock) {
      // Definitions are set where (and as) the format puts its notes.
    } else if (n.hasChildren()) {
      blocks(n, place);
    }
  }

  /** The inline content of {@code parent}, set in {@code look}. */
  void inline(Node parent, Look look, I into) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Text t) {
        target.text(t.getChars().unescape(), look, into);
      } else if (n instanceof SoftLineBreak) {
        target.text(" ", look, into);
      } else if (n instanceof HardLineBreak) {
        target.lineBreak(look, into);
      } else if (n instanceof StrongEmphasis) {
        inline(n, look.withBold(), into);
      } else if (n instanceof Emphasis) {
        inline(n, look.withItalic(), into);
      } else if (n instanceof Strikethrough) {
        inline(n, look.withStrike(), into);
      } else if (n instanceof Code code) {
        target.code(code.getText().toString(), look, into);
      } else if (n instanceof Link link) {
        link(link.getUrl().toString(), link.getText().unescape(), look, into);
      } else if (n instanceof AutoLink link) {
        link(link.getUrl().toString(), link.getText().unescape(), look, into);
      } else if (n instanceof MailLink mail) {
        link("mailto:" + mail.getText(), mail.getText().unescape(), look, into);
      } else if (n instanceof Image image) {
        target.image(image.getText().toString(), look, into);
      } else if (n instanceof Footnote ref && ref.getFootnoteBlock() != null) {
        target.footnote(ref, look, into);
      } else if (n instanceof HtmlInline html) {
        target.text(html.getChars().toString(), look, into);
      } else if (n.hasChildren()) {
        inline(n, look, into);
      } else {
        target.text(n.getChars().unescape(), look, into);
      }
    }
  }

  private void link(String url, String label, Look look, I into) {
    boolean followable = UrlPolicy.isAllowed(url) && url.matches("(?i)^(https?:|mailto:).*");
    target.link(url, label, followable, look, into);
  }

  /**
   * The footnote definitions of {@code document} numbered in the order they are first referred to
   * (flexmark numbers them only when rendering HTML); definitions nobody refers to come last.
   */
  static Map<FootnoteBlock, Integer> footnoteNumbers(Node document) {
    Map<FootnoteBlock, Integer> numbers = new IdentityHashMap<>();
    for (Node n : document.getDescendants()) {
      if (n instanceof Footnote ref && ref.getFootnoteBlock() != null) {
        numbers.putIfAbsent(ref.getFootnoteBlock(), numbers.size() + 1);
      }
    }
    for (FootnoteBlock fb : definitions(document)) {
      numbers.putIfAbsent(fb, numbers.size() + 1);
    }
    return numbers;
  }

  /** The footnote definitions of {@code document}, in the order they are written. */
  static List<FootnoteBlock> definitions(Node document) {
    List<FootnoteBlock> out = new ArrayList<>();
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof FootnoteBlock fb) {
        out.add(fb);
      }
    }
    return out;
  }

  /** Whether a block reads right to left (its first strong character is Arabic, Hebrew...). */
  static boolean rtl(Node n) {
    return PdfKit.rightToLeft(n.getChars().toString());
  }
}
