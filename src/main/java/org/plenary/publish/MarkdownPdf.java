package org.plenary.publish;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfWriter;
import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
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
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Node;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.plenary.publish.PublishFonts.Face;
import org.plenary.render.MarkdownRenderer;
import org.plenary.render.UrlPolicy;

/**
 * A section's Markdown as PDF elements, from the same parser (and extensions) that renders it on
 * screen: paragraphs with emphasis, code and working links; nested lists; block quotes; code
 * blocks; tables whose header rows repeat on every page; and footnotes, numbered per document,
 * linked both ways and set at the end of their section. Raw HTML is shown as text, as on screen;
 * images are named by their description (published documents do not fetch remote files).
 */
final class MarkdownPdf {

  private final PdfKit kit;
  private final float size;
  private int footnotes;
  private final java.util.Map<Node, Integer> numbers = new java.util.IdentityHashMap<>();

  MarkdownPdf(PdfKit kit, float size) {
    this.kit = kit;
    this.size = size;
  }

  /** The elements of {@code markdown}; {@code key} makes the footnotes' link targets unique. */
  List<Element> render(String markdown, String key) {
    Node document = MarkdownRenderer.parse(markdown);
    numbers.clear();
    // Footnotes are numbered in the order they are first referred to (flexmark numbers them only
    // when rendering HTML); definitions nobody refers to come last.
    for (Node n : document.getDescendants()) {
      if (n instanceof Footnote ref && ref.getFootnoteBlock() != null) {
        numbers.putIfAbsent(ref.getFootnoteBlock(), numbers.size() + 1);
      }
    }
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof FootnoteBlock fb) {
        numbers.putIfAbsent(fb, numbers.size() + 1);
      }
    }
    List<Element> out = new ArrayList<>();
    List<FootnoteBlock> notes = new ArrayList<>();
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof FootnoteBlock fb) {
        notes.add(fb);
      } else {
        block(n, out, key, 0);
      }
    }
    if (!notes.isEmpty()) {
      notes.sort(java.util.Comparator.comparingInt(numbers::get));
      out.add(rule(6));
      for (FootnoteBlock fb : notes) {
        Chunk mark = new Chunk(numbers.get(fb) + "  ", kit.font(Face.SERIF, size - 2.5f));
        mark.setLocalDestination(noteName(key, numbers.get(fb)));
        Phrase p = new Phrase(mark);
        Phrase text = new Phrase();
        for (Node c = fb.getFirstChild(); c != null; c = c.getNext()) {
          if (c instanceof Paragraph para) {
            inline(para, text, Format.PLAIN, size - 2.5f, key);
            text.add(new Chunk(" ", kit.font(Face.SERIF, size - 2.5f)));
          }
        }
        p.addAll(text);
        PdfStructureElement note = kit.element(PdfName.NOTE, p);
        note.put(PdfName.ID, new PdfString(noteName(key, numbers.get(fb))));
        out.add(
            kit.block(
                note, p, PdfKit.rightToLeft(fb.getChars().toString()), 0, 2, Element.ALIGN_LEFT));
      }
    }
    return out;
  }

  /** How many footnotes the document has had so far. */
  int footnotes() {
    return footnotes;
  }

  private static String noteName(String key, int ordinal) {
    return "fn:" + key + ":" + ordinal;
  }

  // ---- Blocks ---------------------------------------------------------------------------------

  private void block(Node n, List<Element> out, String key, int depth) {
    if (n instanceof Heading h) {
      Phrase p = new Phrase();
      inline(h, p, Format.BOLD, size + Math.max(0, 4 - h.getLevel()) * 1.5f, key);
      out.add(kit.block(headingType(h.getLevel()), p, rtl(h), 8, 4));
    } else if (n instanceof Paragraph para) {
      Phrase p = new Phrase();
      inline(para, p, Format.PLAIN, size, key);
      out.add(kit.flow(p, rtl(para), 0, 6));
    } else if (n instanceof ListBlock list) {
      out.add(list(list, key, depth));
    } else if (n instanceof BlockQuote quote) {
      out.add(quote(quote, key, depth));
    } else if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock) {
      String code =
          n instanceof FencedCodeBlock f
              ? f.getContentChars().toString()
              : ((IndentedCodeBlock) n).getContentChars().toString();
      out.add(code(code.replaceAll("\\n$", "")));
    } else if (n instanceof TableBlock table) {
      out.add(table(table, key));
    } else if (n instanceof ThematicBreak) {
      out.add(rule(4));
    } else if (n instanceof HtmlBlock html) {
      out.add(
          kit.flow(kit.text(html.getChars().toString().strip(), Face.SERIF, size), false, 0, 6));
    } else if (n.hasChildren()) {
      for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
        block(c, out, key, depth);
      }
    }
  }

  /**
   * A heading inside a section: the section's own heading is H1, so Markdown's first two levels are
   * H2 and the others follow.
   */
  private static PdfName headingType(int level) {
    return switch (Math.min(6, Math.max(2, level))) {
      case 2 -> PdfName.H2;
      case 3 -> PdfName.H3;
      case 4 -> PdfName.H4;
      case 5 -> PdfName.H5;
      default -> PdfName.H6;
    };
  }

  private PdfPTable list(ListBlock list, String key, int depth) {
    PdfTags tags = kit.tags();
    tags.begin(PdfName.L);
    PdfPTable t = new PdfPTable(new float[] {1.2f + depth * 0.2f, 18});
    t.setWidthPercentage(100);
    t.setSplitLate(false);
    t.setSpacingAfter(depth == 0 ? 6 : 0);
    boolean rtl = rtl(list);
    t.setRunDirection(rtl ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
    int number = list instanceof OrderedList o ? o.getStartNumber() : 0;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (!(item instanceof ListItem)) {
        continue;
      }
      String marker = list instanceof BulletList ? (depth % 2 == 0 ? "•" : "–") : (number++) + ".";
      tags.begin(PdfName.LI);
      PdfPCell m = kit.cell(PdfName.LBL, kit.text(marker, Face.SERIF, size));
      m.setBorder(Rectangle.NO_BORDER);
      m.setPadding(0);
      // The same leading as the item's text (a block of PdfKit.flow), so the marker sits on the
      // baseline of its first line rather than above it.
      m.setLeading(0, PdfKit.LEADING);
      m.setHorizontalAlignment(rtl ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
      m.setPaddingRight(rtl ? 0 : 4);
      m.setPaddingLeft(rtl ? 4 : 0);
      t.addCell(m);
      PdfPCell c = tags.container(new PdfPCell());
      c.setBorder(Rectangle.NO_BORDER);
      c.setPadding(0);
      tags.begin(PdfName.LBODY);
      List<Element> inner = new ArrayList<>();
      for (Node b = item.getFirstChild(); b != null; b = b.getNext()) {
        block(b, inner, key, depth + 1);
      }
      tags.close();
      tags.close();
      inner.forEach(c::addElement);
      t.addCell(c);
    }
    tags.close();
    return t;
  }

  private PdfPTable quote(BlockQuote quote, String key, int depth) {
    PdfPTable t = new PdfPTable(1);
    t.setWidthPercentage(94);
    t.setHorizontalAlignment(Element.ALIGN_RIGHT);
    t.setSpacingAfter(6);
    t.setSplitLate(false);
    PdfPCell c = kit.tags().container(new PdfPCell());
    c.setBorder(Rectangle.LEFT);
    c.setBorderColorLeft(new Color(0xb0, 0xb8, 0xc4));
    c.setBorderWidthLeft(2f);
    c.setPaddingLeft(8);
    c.setPaddingTop(0);
    c.setPaddingBottom(0);
    kit.tags().begin(PdfName.BLOCKQUOTE);
    List<Element> inner = new ArrayList<>();
    for (Node b = quote.getFirstChild(); b != null; b = b.getNext()) {
      block(b, inner, key, depth);
    }
    kit.tags().close();
    inner.forEach(c::addElement);
    t.addCell(c);
    return t;
  }

  private PdfPTable code(String code) {
    PdfPTable t = new PdfPTable(1);
    t.setWidthPercentage(100);
    t.setSpacingAfter(6);
    t.setSplitLate(false);
    PdfPCell c = kit.cell(PdfName.CODE, kit.text(code, Face.MONO, size - 2));
    c.setBorder(Rectangle.NO_BORDER);
    c.setBackgroundColor(new Color(0xf3, 0xf4, 0xf6));
    c.setPadding(6);
    c.setLeading(0, 1.25f);
    t.addCell(c);
    return t;
  }

  private PdfPTable table(TableBlock table, String key) {
    MarkdownTable parsed = MarkdownTable.of(table);
    List<TableRow> rows = parsed.rows();
    int headerRows = parsed.headerRows();
    int columns = parsed.columns();
    PdfPTable t = new PdfPTable(columns);
    t.setWidthPercentage(100);
    t.setHeaderRows(headerRows);
    t.setSpacingBefore(2);
    t.setSpacingAfter(8);
    t.setSplitLate(false);
    t.setRunDirection(rtl(table) ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
    PdfTags tags = kit.tags();
    tags.begin(PdfName.TABLE);
    for (int i = 0; i < rows.size(); i++) {
      boolean head = i < headerRows;
      int cells = 0;
      tags.begin(PdfTags.TR);
      for (Node c = rows.get(i).getFirstChild(); c != null; c = c.getNext()) {
        if (!(c instanceof TableCell cell)) {
          continue;
        }
        Phrase p = new Phrase();
        inline(cell, p, head ? Format.BOLD : Format.PLAIN, size - 1.5f, key);
        PdfPCell pc =
            head
                ? tags.header(new PdfPCell(p), tags.headerCell(p.getContent()))
                : tags.content(new PdfPCell(p), kit.element(PdfName.TD, p));
        pc.setPadding(4);
        pc.setBorderColor(new Color(0xc8, 0xcd, 0xd4));
        pc.setLeading(0, 1.25f);
        if (head) {
          pc.setBackgroundColor(new Color(0xe8, 0xec, 0xf1));
        }
        if (cell.getAlignment() != null) {
          switch (cell.getAlignment()) {
            case CENTER -> pc.setHorizontalAlignment(Element.ALIGN_CENTER);
            case RIGHT -> pc.setHorizontalAlignment(Element.ALIGN_RIGHT);
            default -> pc.setHorizontalAlignment(Element.ALIGN_LEFT);
          }
        }
        t.addCell(pc);
        cells++;
      }
      for (; cells < columns; cells++) {
        Phrase blank = kit.text(" ", Face.SERIF, size - 1.5f);
        PdfPCell empty =
            head
                ? tags.header(new PdfPCell(blank), tags.headerCell(" "))
                : kit.cell(PdfName.TD, blank);
        empty.setBorderColor(new Color(0xc8, 0xcd, 0xd4));
        t.addCell(empty);
      }
      tags.close();
    }
    tags.close();
    return t;
  }

  /**
   * A short rule above footnotes and for a thematic break: the top border of an empty cell, so no
   * text (and no font OpenPDF would pick by default, unembedded) is written for it.
   */
  private Element rule(float after) {
    PdfPTable t = new PdfPTable(1);
    t.setWidthPercentage(30);
    t.setHorizontalAlignment(Element.ALIGN_LEFT);
    t.setSpacingBefore(4);
    t.setSpacingAfter(after);
    PdfPCell c = new PdfPCell();
    c.setBorder(Rectangle.TOP);
    c.setBorderWidthTop(0.5f);
    c.setBorderColorTop(new Color(0xb0, 0xb8, 0xc4));
    c.setFixedHeight(1);
    c.setPadding(0);
    kit.tags().artifact(c);
    t.addCell(c);
    return t;
  }

  // ---- Inline ---------------------------------------------------------------------------------

  private enum Format {
    PLAIN,
    BOLD,
    ITALIC,
    BOLD_ITALIC;

    Format bold() {
      return this == ITALIC || this == BOLD_ITALIC ? BOLD_ITALIC : BOLD;
    }

    Format italic() {
      return this == BOLD || this == BOLD_ITALIC ? BOLD_ITALIC : ITALIC;
    }

    Face face() {
      return switch (this) {
        case PLAIN -> Face.SERIF;
        case BOLD -> Face.SERIF_BOLD;
        case ITALIC -> Face.SERIF_ITALIC;
        case BOLD_ITALIC -> Face.SERIF_BOLD_ITALIC;
      };
    }
  }

  private void inline(Node parent, Phrase out, Format format, float fontSize, String key) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Text t) {
        out.addAll(kit.text(t.getChars().unescape(), format.face(), fontSize));
      } else if (n instanceof SoftLineBreak) {
        out.add(new Chunk(" ", kit.font(format.face(), fontSize)));
      } else if (n instanceof HardLineBreak) {
        out.add(new Chunk("\n", kit.font(format.face(), fontSize)));
      } else if (n instanceof StrongEmphasis) {
        inline(n, out, format.bold(), fontSize, key);
      } else if (n instanceof Emphasis) {
        inline(n, out, format.italic(), fontSize, key);
      } else if (n instanceof Strikethrough) {
        Phrase struck = new Phrase();
        inline(n, struck, format, fontSize, key);
        for (Object o : struck.getChunks()) {
          ((Chunk) o).setUnderline(0.6f, fontSize * 0.3f);
        }
        out.addAll(struck);
      } else if (n instanceof Code code) {
        out.addAll(kit.text(code.getText().toString(), Face.MONO, fontSize - 1));
      } else if (n instanceof Link link) {
        link(n, link.getUrl().toString(), out, format, fontSize, key);
      } else if (n instanceof AutoLink link) {
        link(n, link.getUrl().toString(), out, format, fontSize, key);
      } else if (n instanceof MailLink mail) {
        link(n, "mailto:" + mail.getText(), out, format, fontSize, key);
      } else if (n instanceof Image image) {
        out.addAll(kit.text("[" + image.getText() + "]", Face.SERIF_ITALIC, fontSize));
      } else if (n instanceof Footnote note && note.getFootnoteBlock() != null) {
        int ordinal = numbers.get(note.getFootnoteBlock());
        footnotes++;
        Chunk ref = new Chunk(String.valueOf(ordinal), kit.font(Face.SERIF, fontSize * 0.65f));
        ref.setTextRise(fontSize * 0.35f);
        out.addAll(kit.linkedTo(new Phrase(ref), noteName(key, ordinal), "Footnote " + ordinal));
      } else if (n instanceof HtmlInline html) {
        out.addAll(kit.text(html.getChars().toString(), format.face(), fontSize));
      } else if (n.hasChildren()) {
        inline(n, out, format, fontSize, key);
      } else {
        out.addAll(kit.text(n.getChars().unescape(), format.face(), fontSize));
      }
    }
  }

  private void link(Node n, String url, Phrase out, Format format, float fontSize, String key) {
    String label =
        n instanceof Link l
            ? l.getText().unescape()
            : n.getChars().unescape().replaceAll("^<|>$", "");
    boolean live = UrlPolicy.isAllowed(url) && url.matches("(?i)^(https?:|mailto:).*");
    Phrase text = kit.text(label, format.face(), fontSize, live ? PdfKit.LINK : PdfKit.INK);
    if (live) {
      for (Object o : text.getChunks()) {
        ((Chunk) o).setUnderline(0.4f, -1.5f);
      }
      kit.link(text, new PdfAction(url), label + " (" + url.replaceFirst("^mailto:", "") + ")");
    }
    out.addAll(text);
  }

  private static boolean rtl(Node n) {
    return PdfKit.rightToLeft(n.getChars().toString());
  }
}
