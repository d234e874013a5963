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
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Node;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.plenary.publish.MarkdownWalk.Look;
import org.plenary.publish.PublishFonts.Face;
import org.plenary.render.MarkdownRenderer;

/**
 * A section's Markdown as PDF elements, from the same parser (and extensions) that renders it on
 * screen: paragraphs with emphasis, code and working links; nested lists; block quotes; code
 * blocks; tables whose header rows repeat on every page; and footnotes, numbered per document,
 * linked both ways and set at the end of their section. Raw HTML is shown as text, as on screen;
 * images are named by their description (published documents do not fetch remote files).
 */
final class MarkdownPdf implements MarkdownWalk.Target<MarkdownPdf.Blocks, MarkdownPdf.Inline> {

  /** Where blocks go: the elements so far, how deep in lists. */
  record Blocks(List<Element> out, int depth) {
    Blocks deeper() {
      return new Blocks(new ArrayList<>(), depth + 1);
    }

    Blocks inside() {
      return new Blocks(new ArrayList<>(), depth);
    }
  }

  /** Where inline text goes: the phrase and its font size. */
  record Inline(Phrase out, float size) {}

  private final PdfKit kit;
  private final float size;
  private final MarkdownWalk<Blocks, Inline> walk = new MarkdownWalk<>(this);
  private int footnotes;
  private Map<FootnoteBlock, Integer> numbers = Map.of();
  private String key = "";

  MarkdownPdf(PdfKit kit, float size) {
    this.kit = kit;
    this.size = size;
  }

  /** The elements of {@code markdown}; {@code key} makes the footnotes' link targets unique. */
  List<Element> render(String markdown, String key) {
    Node document = MarkdownRenderer.parse(markdown);
    this.key = key;
    numbers = MarkdownWalk.footnoteNumbers(document);
    List<Element> out = new ArrayList<>();
    walk.blocks(document, new Blocks(out, 0));
    List<FootnoteBlock> notes = new ArrayList<>(MarkdownWalk.definitions(document));
    if (!notes.isEmpty()) {
      notes.sort(java.util.Comparator.comparingInt(numbers::get));
      out.add(rule(6));
      float noteSize = size - 2.5f;
      for (FootnoteBlock fb : notes) {
        Chunk mark = new Chunk(numbers.get(fb) + "  ", kit.font(Face.SERIF, noteSize));
        mark.setLocalDestination(noteName(key, numbers.get(fb)));
        Phrase p = new Phrase(mark);
        Phrase text = new Phrase();
        for (Node c = fb.getFirstChild(); c != null; c = c.getNext()) {
          if (c instanceof Paragraph para) {
            walk.inline(para, Look.NOTE, new Inline(text, noteSize));
            text.add(new Chunk(" ", kit.font(Face.SERIF, noteSize)));
          }
        }
        p.addAll(text);
        PdfStructureElement note = kit.element(PdfName.NOTE, p);
        note.put(PdfName.ID, new PdfString(noteName(key, numbers.get(fb))));
        out.add(kit.block(note, p, MarkdownWalk.rtl(fb), 0, 2, Element.ALIGN_LEFT));
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

  @Override
  public void heading(Heading h, Blocks place) {
    Phrase p = new Phrase();
    walk.inline(
        h, Look.PLAIN.withBold(), new Inline(p, size + Math.max(0, 4 - h.getLevel()) * 1.5f));
    place.out().add(kit.block(headingType(h.getLevel()), p, MarkdownWalk.rtl(h), 8, 4));
  }

  @Override
  public void paragraph(Paragraph para, Blocks place) {
    Phrase p = new Phrase();
    walk.inline(para, Look.PLAIN, new Inline(p, size));
    place.out().add(kit.flow(p, MarkdownWalk.rtl(para), 0, 6));
  }

  @Override
  public void htmlBlock(HtmlBlock html, Blocks place) {
    place
        .out()
        .add(kit.flow(kit.text(html.getChars().toString().strip(), Face.SERIF, size), false, 0, 6));
  }

  @Override
  public void rule(Blocks place) {
    place.out().add(rule(4));
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

  @Override
  public void list(ListBlock list, Blocks place) {
    int depth = place.depth();
    PdfTags tags = kit.tags();
    tags.begin(PdfName.L);
    PdfPTable t = new PdfPTable(new float[] {1.2f + depth * 0.2f, 18});
    t.setWidthPercentage(100);
    t.setSplitLate(false);
    t.setSpacingAfter(depth == 0 ? 6 : 0);
    boolean rtl = MarkdownWalk.rtl(list);
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
      Blocks inner = place.deeper();
      walk.blocks(item, inner);
      tags.close();
      tags.close();
      inner.out().forEach(c::addElement);
      t.addCell(c);
    }
    tags.close();
    place.out().add(t);
  }

  @Override
  public void quote(BlockQuote quote, Blocks place) {
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
    Blocks inner = place.inside();
    walk.blocks(quote, inner);
    kit.tags().close();
    inner.out().forEach(c::addElement);
    t.addCell(c);
    place.out().add(t);
  }

  @Override
  public void codeBlock(String code, Blocks place) {
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
    place.out().add(t);
  }

  @Override
  public void table(TableBlock table, Blocks place) {
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
    t.setRunDirection(
        MarkdownWalk.rtl(table) ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
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
        walk.inline(cell, head ? Look.PLAIN.withBold() : Look.PLAIN, new Inline(p, size - 1.5f));
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
    place.out().add(t);
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

  private static Face face(Look look) {
    if (look.bold()) {
      return look.italic() ? Face.SERIF_BOLD_ITALIC : Face.SERIF_BOLD;
    }
    return look.italic() ? Face.SERIF_ITALIC : Face.SERIF;
  }

  /** {@code p} struck through if {@code look} says so, added to the phrase. */
  private static void add(Phrase p, Look look, Inline into) {
    if (look.strike()) {
      for (Object o : p.getChunks()) {
        ((Chunk) o).setUnderline(0.6f, into.size() * 0.3f);
      }
    }
    into.out().addAll(p);
  }

  @Override
  public void text(String text, Look look, Inline into) {
    add(kit.text(text, face(look), into.size()), look, into);
  }

  @Override
  public void lineBreak(Look look, Inline into) {
    into.out().add(new Chunk("\n", kit.font(face(look), into.size())));
  }

  @Override
  public void code(String code, Look look, Inline into) {
    add(kit.text(code, Face.MONO, into.size() - 1), look, into);
  }

  @Override
  public void image(String description, Look look, Inline into) {
    add(kit.text("[" + description + "]", Face.SERIF_ITALIC, into.size()), look, into);
  }

  @Override
  public void footnote(Footnote reference, Look look, Inline into) {
    int ordinal = numbers.get(reference.getFootnoteBlock());
    footnotes++;
    float fontSize = into.size();
    Chunk ref = new Chunk(String.valueOf(ordinal), kit.font(Face.SERIF, fontSize * 0.65f));
    ref.setTextRise(fontSize * 0.35f);
    into.out().addAll(kit.linkedTo(new Phrase(ref), noteName(key, ordinal), "Footnote " + ordinal));
  }

  @Override
  public void link(String url, String label, boolean followable, Look look, Inline into) {
    Phrase text = kit.text(label, face(look), into.size(), followable ? PdfKit.LINK : PdfKit.INK);
    if (followable) {
      for (Object o : text.getChunks()) {
        ((Chunk) o).setUnderline(0.4f, -1.5f);
      }
      kit.link(text, new PdfAction(url), label + " (" + url.replaceFirst("^mailto:", "") + ")");
    }
    add(text, look, into);
  }
}
