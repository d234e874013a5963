package org.plenary.publish;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.DottedLineSeparator;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.publish.EditionContent.EndorsementPart;
import org.plenary.publish.EditionContent.OrganisationPart;
import org.plenary.publish.EditionContent.SectionPart;
import org.plenary.publish.EditionContent.StancePart;
import org.plenary.publish.PublishFonts.Face;
import org.plenary.section.SectionKind;

/**
 * The white paper: a cover, a table of contents whose page numbers are right, numbered headings
 * mirrored as PDF bookmarks, every section's text, and two annexes (the endorsements of each
 * proposal, the participating organisations), with running headers and footers and the document's
 * metadata.
 *
 * <p>The table of contents needs to know where the headings fall, which is known only once the body
 * is laid out; so the document is laid out twice. The first pass records the page of every heading
 * (a tagged chunk reports its page when it is placed); the second prints those numbers. The
 * contents take the same room in both passes (the numbers sit in a fixed-width column), so the body
 * does not move, and the second pass checks that it did not.
 */
final class WhitePaperPdf {

  private final PublishFonts fonts;
  private final EditionContent content;
  private final int edition;
  private final Instant at;
  private final Labels labels;

  WhitePaperPdf(PublishFonts fonts, EditionContent content, int edition, Instant at) {
    this.fonts = fonts;
    this.content = content;
    this.edition = edition;
    this.at = at;
    this.labels = Labels.of(content.paper().language());
  }

  /** An entry of the contents: its anchor, number, title. */
  private record Entry(String anchor, String number, String title) {}

  byte[] render() {
    List<Entry> entries = entries();
    int contentsPages = contentsPages(entries);
    Pass pass = pass(entries, null, contentsPages);
    if (pass.bytes() == null) {
      // The contents did not take the room measured for them: lay out twice instead.
      Pass first = pass(entries, null, 0);
      pass = pass(entries, first.pages(), 0);
      if (!first.pages().equals(pass.pages())) {
        throw new IllegalStateException(
            "The contents moved the body between passes: " + first.pages() + " / " + pass.pages());
      }
    }
    if (!pass.missing().isEmpty()) {
      throw new MissingGlyphs(pass.missing());
    }
    return Deterministic.pdf(pass.bytes(), content, "white-paper", edition);
  }

  /** How many pages the contents take (their layout does not depend on the page numbers). */
  private int contentsPages(List<Entry> entries) {
    Document doc = new Document(PageSize.A4, 64, 64, 78, 70);
    PdfWriter writer = PdfWriter.getInstance(doc, new ByteArrayOutputStream());
    PdfKit kit = kit(writer);
    doc.open();
    contents(doc, kit, writer, kit.tags().element(PdfName.SECT), entries, Map.of());
    doc.newPage();
    int pages = writer.getPageNumber() - 1;
    doc.close();
    return pages;
  }

  private List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    int n = 0;
    for (SectionPart s : content.sections()) {
      entries.add(new Entry("s" + s.id(), String.valueOf(++n), headingOf(s)));
    }
    entries.add(new Entry("annex-endorsements", "A", labels.annexEndorsements()));
    entries.add(new Entry("annex-organisations", "B", labels.annexOrganisations()));
    return entries;
  }

  private String headingOf(SectionPart s) {
    return s.kind() == SectionKind.PROPOSAL && s.proposalNumber() != null
        ? labels.proposal() + " " + s.proposalNumber() + ": " + s.heading()
        : s.heading();
  }

  private record Pass(byte[] bytes, Map<String, Integer> pages, List<String> missing) {}

  /**
   * Lays the document out. With {@code moved} (the contents' page count) the body follows the cover
   * at once, the contents are written last with the pages the body's headings fell on, and then
   * moved to follow the cover: one pass. Without it, the contents come first with {@code numbers}
   * (blank in a first pass). Returns no bytes if the contents took other room than measured.
   */
  private PdfKit kit(PdfWriter writer) {
    PdfTags tags = new PdfTags(writer, content.paper().language());
    writer.setPageEvent(tags);
    return new PdfKit(fonts, tags);
  }

  private Pass pass(List<Entry> entries, Map<String, Integer> numbers, int moved) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    Document doc = new Document(PageSize.A4, 64, 64, 78, 70);
    PdfWriter writer = PdfWriter.getInstance(doc, out);
    PdfKit kit = kit(writer);
    PdfTags tags = kit.tags();
    Map<String, String> titles = new LinkedHashMap<>();
    entries.forEach(e -> titles.put(e.anchor(), e.number() + "  " + e.title()));
    Events events = new Events(kit, titles, moved);
    writer.setPageEvent(events);
    Documents.metadata(doc, writer, content, labels.whitePaper(), at);
    doc.open();
    if (moved > 0) {
      writer.setLinearPageMode(); // pages can be reordered only in a flat page tree
    }

    cover(doc, kit);
    // The contents come second in reading order wherever they are laid out.
    PdfStructureElement contentsPart = tags.element(PdfName.SECT);
    new PdfOutline(
        writer.getRootOutline(), PdfAction.gotoLocalPage("contents", false), labels.contents());

    if (moved == 0) {
      doc.newPage();
      contents(doc, kit, writer, contentsPart, entries, numbers == null ? Map.of() : numbers);
    }

    doc.newPage();
    MarkdownPdf markdown = new MarkdownPdf(kit, 10.5f);
    int n = 0;
    for (SectionPart s : content.sections()) {
      n++;
      tags.begin(PdfName.SECT);
      heading(doc, kit, "s" + s.id(), n + ".  " + headingOf(s));
      if (s.kind() == SectionKind.PROPOSAL && s.proposalSummary() != null) {
        doc.add(summaryBox(kit, s.proposalSummary()));
      }
      for (Element e : markdown.render(s.body(), "s" + s.id())) {
        doc.add(e);
      }
      tags.close();
    }

    doc.newPage();
    tags.begin(PdfName.SECT);
    heading(doc, kit, "annex-endorsements", "A.  " + labels.annexEndorsements());
    doc.add(kit.flow(kit.text(labels.endorsementsIntro(), Face.SERIF, 10.5f), false, 0, 8));
    for (EndorsementPart part : content.proposalEndorsements()) {
      endorsements(doc, kit, part, labels.proposal() + " " + part.proposalNumber() + ": ");
    }
    if (content.paperEndorsements() != null) {
      endorsements(doc, kit, content.paperEndorsements(), labels.wholePaper() + ": ");
    }
    tags.close();

    doc.newPage();
    tags.begin(PdfName.SECT);
    heading(doc, kit, "annex-organisations", "B.  " + labels.annexOrganisations());
    organisations(doc, kit);
    tags.close();

    if (moved > 0) {
      doc.newPage();
      int bodyEnd = writer.getPageNumber() - 1;
      events.contentsFrom(bodyEnd + 1);
      Map<String, Integer> printed = new LinkedHashMap<>();
      events.pages.forEach((tag, page) -> printed.put(tag, page + moved));
      contents(doc, kit, writer, contentsPart, entries, printed);
      doc.newPage();
      int total = writer.getPageNumber() - 1;
      if (total - bodyEnd != moved) {
        doc.close();
        return new Pass(null, events.pages, kit.missing());
      }
      int[] order = new int[total];
      order[0] = 1;
      for (int i = 0; i < moved; i++) {
        order[1 + i] = bodyEnd + 1 + i;
      }
      for (int i = 2; i <= bodyEnd; i++) {
        order[moved + i - 1] = i;
      }
      writer.reorderPages(order);
      doc.close();
      Map<String, Integer> pages = new LinkedHashMap<>();
      events.pages.forEach((tag, page) -> pages.put(tag, page + moved));
      return new Pass(out.toByteArray(), pages, kit.missing());
    }
    doc.close();
    return new Pass(out.toByteArray(), events.pages, kit.missing());
  }

  private void contents(
      Document doc,
      PdfKit kit,
      PdfWriter writer,
      PdfStructureElement part,
      List<Entry> entries,
      Map<String, Integer> pages) {
    PdfTags tags = kit.tags();
    tags.reopen(part);
    Phrase title = kit.text(labels.contents(), Face.SERIF_BOLD, 18, PdfKit.ACCENT);
    PdfKit.destination(title, "contents");
    doc.add(kit.block(PdfName.H1, title, false, 0, 12));
    tags.begin(PdfName.TOC);
    PdfPTable toc = new PdfPTable(new float[] {7, 81, 12});
    toc.setWidthPercentage(100);
    toc.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
    for (Entry e : entries) {
      tags.begin(PdfName.TOCI);
      PdfPCell number =
          cell(
              kit,
              PdfName.LBL,
              kit.linkedTo(kit.text(e.number(), Face.SERIF, 10.5f), e.anchor(), e.title()));
      Phrase name = kit.text(e.title(), Face.SERIF, 10.5f);
      Chunk dots = new Chunk(new DottedLineSeparator());
      dots.setFont(kit.font(Face.SERIF, 10.5f)); // the default font would not be embedded
      name.add(dots);
      PdfPCell nameCell = cell(kit, PdfName.REFERENCE, kit.linkedTo(name, e.anchor(), e.title()));
      Integer page = pages.get(e.anchor());
      PdfPCell pageCell =
          cell(
              kit,
              PdfName.REFERENCE,
              kit.linkedTo(
                  kit.text(page == null ? " " : String.valueOf(page), Face.SERIF, 10.5f),
                  e.anchor(),
                  labels.page() + " " + (page == null ? "" : page)));
      pageCell.setHorizontalAlignment(Element.ALIGN_RIGHT);
      pageCell.setVerticalAlignment(Element.ALIGN_BOTTOM);
      toc.addCell(number);
      toc.addCell(nameCell);
      toc.addCell(pageCell);
      tags.close();
    }
    tags.close();
    tags.close();
    doc.add(toc);
  }

  private void cover(Document doc, PdfKit kit) {
    var p = content.paper();
    boolean rtl = PdfKit.rightToLeft(p.title());
    if (p.initiative() != null) {
      doc.add(kit.flow(kit.text(p.initiative(), Face.SERIF, 11, PdfKit.MUTED), rtl, 40, 60));
    } else {
      doc.add(kit.space(40, 60));
    }
    doc.add(
        kit.block(PdfName.H1, kit.text(p.title(), Face.SERIF_BOLD, 26, PdfKit.ACCENT), rtl, 0, 14));
    if (p.subtitle() != null) {
      doc.add(kit.flow(kit.text(p.subtitle(), Face.SERIF, 14, PdfKit.MUTED), rtl, 0, 40));
    }
    doc.add(kit.flow(kit.text(labels.whitePaper(), Face.SERIF_BOLD, 12, PdfKit.INK), rtl, 30, 4));
    doc.add(
        kit.flow(
            kit.text(
                labels.edition() + " " + edition + "  ·  " + labels.date(at),
                Face.SERIF,
                11,
                PdfKit.INK),
            rtl,
            0,
            4));
    if (!p.keywords().isEmpty()) {
      doc.add(
          kit.flow(
              kit.text(String.join(" · ", p.keywords()), Face.SERIF_ITALIC, 9.5f, PdfKit.MUTED),
              rtl,
              30,
              0));
    }
  }

  private static void heading(Document doc, PdfKit kit, String anchor, String text) {
    Phrase h = PdfKit.destination(kit.text(text, Face.SERIF_BOLD, 15, PdfKit.ACCENT), anchor);
    PdfPTable t =
        kit.block(
            PdfName.H1, h, PdfKit.rightToLeft(text.replaceFirst("^[A-Z0-9.]+\\s+", "")), 14, 8);
    t.setKeepTogether(true);
    doc.add(t);
  }

  private PdfPTable summaryBox(PdfKit kit, String summary) {
    Phrase p = kit.text(labels.inBrief() + "  ", Face.SERIF_BOLD, 10.5f);
    p.addAll(kit.text(summary, Face.SERIF, 10.5f));
    PdfPTable t = kit.flow(p, PdfKit.rightToLeft(summary), 0, 10);
    PdfPCell c = t.getRow(0).getCells()[0];
    c.setBackgroundColor(new java.awt.Color(0xee, 0xf2, 0xf7));
    c.setPadding(8);
    return t;
  }

  private void endorsements(Document doc, PdfKit kit, EndorsementPart part, String prefix) {
    doc.add(
        kit.block(
            PdfName.H2,
            kit.text(prefix + part.heading(), Face.SERIF_BOLD, 11.5f, PdfKit.ACCENT),
            false,
            10,
            4));
    doc.add(Documents.tallyTable(kit, part.tally(), labels));
    String spread =
        part.tally().singleSector()
            ? labels.singleSector()
            : labels.supportingGroups(part.tally().supportingGroups());
    doc.add(kit.flow(kit.text(spread, Face.SERIF_ITALIC, 9.5f, PdfKit.MUTED), false, 2, 4));
    for (StancePart s : part.stances()) {
      Phrase line = kit.text(Documents.who(s) + " — ", Face.SERIF_BOLD, 9.5f);
      line.addAll(kit.text(labels.stance(s.stance()), Face.SERIF, 9.5f));
      if (s.statement() != null) {
        line.addAll(kit.text(": " + s.statement(), Face.SERIF_ITALIC, 9.5f));
      }
      if (!s.onCurrentVersion()) {
        line.addAll(kit.text(" (" + labels.earlierVersion() + ")", Face.SERIF, 9, PdfKit.MUTED));
      }
      doc.add(kit.flow(line, PdfKit.rightToLeft(Documents.who(s)), 0, 2));
    }
  }

  private void organisations(Document doc, PdfKit kit) {
    PdfPTable t = new PdfPTable(new float[] {60, 30, 10});
    t.setWidthPercentage(100);
    t.setRunDirection(labels.runDirection());
    t.setHeaderRows(1);
    PdfTags tags = kit.tags();
    tags.begin(PdfName.TABLE);
    tags.begin(PdfTags.TR);
    for (String h : List.of(labels.organisation(), labels.stakeholderGroup(), labels.people())) {
      PdfPCell c =
          tags.header(new PdfPCell(kit.text(h, Face.SERIF_BOLD, 9.5f)), tags.headerCell(h));
      c.setBackgroundColor(new java.awt.Color(0xe8, 0xec, 0xf1));
      c.setPadding(4);
      t.addCell(c);
    }
    tags.close();
    for (OrganisationPart o : content.organisations()) {
      tags.begin(PdfTags.TR);
      t.addCell(padded(kit, kit.text(o.name(), Face.SERIF, 9.5f)));
      t.addCell(padded(kit, kit.text(labels.group(o.stakeholderGroup()), Face.SERIF, 9.5f)));
      PdfPCell people = padded(kit, kit.text(String.valueOf(o.people()), Face.SERIF, 9.5f));
      people.setHorizontalAlignment(Element.ALIGN_RIGHT);
      t.addCell(people);
      tags.close();
    }
    tags.close();
    doc.add(t);
    if (content.unnamedParticipants() > 0) {
      doc.add(
          kit.flow(
              kit.text(
                  labels.unnamed(content.unnamedParticipants()),
                  Face.SERIF_ITALIC,
                  9.5f,
                  PdfKit.MUTED),
              false,
              6,
              0));
    }
  }

  private static PdfPCell padded(PdfKit kit, Phrase p) {
    PdfPCell c = kit.cell(PdfName.TD, p);
    c.setPadding(4);
    c.setBorderColor(new java.awt.Color(0xc8, 0xcd, 0xd4));
    return c;
  }

  private static PdfPCell cell(PdfKit kit, PdfName type, Phrase p) {
    PdfPCell c = kit.cell(type, p);
    c.setBorder(Rectangle.NO_BORDER);
    c.setPaddingBottom(4);
    return c;
  }

  /** Records where headings fall, adds their bookmarks, and draws headers and footers. */
  private final class Events extends PdfPageEventHelper {
    final Map<String, Integer> pages = new LinkedHashMap<>();
    private final PdfKit kit;
    private final Map<String, String> titles;
    private String current = "";
    private PdfTemplate total;
    private final int moved;
    private int contentsFrom = Integer.MAX_VALUE;

    Events(PdfKit kit, Map<String, String> titles, int moved) {
      this.kit = kit;
      this.titles = titles;
      this.moved = moved;
    }

    /** From this physical page on, the contents are being written (they will become page 2). */
    void contentsFrom(int page) {
      contentsFrom = page;
      current = labels.contents();
    }

    /** The number a physical page will carry once the contents are moved forward. */
    private int printed(int physical) {
      if (moved == 0 || physical == 1) {
        return physical;
      }
      return physical >= contentsFrom ? 2 + physical - contentsFrom : physical + moved;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document doc) {
      total = writer.getDirectContent().createTemplate(40, 14);
    }

    @Override
    public void onGenericTag(PdfWriter writer, Document doc, Rectangle rect, String tag) {
      if (pages.containsKey(tag)
          || tag.equals("contents")
          || moved > 0 && writer.getPageNumber() >= contentsFrom) {
        return; // a heading that wraps reports each of its lines
      }
      pages.put(tag, writer.getPageNumber());
      String title = titles.get(tag);
      if (title != null) {
        current = title.replaceFirst("^\\S+\\s+", "");
        new PdfOutline(
            writer.getRootOutline(),
            new PdfDestination(PdfDestination.XYZ, doc.left(), rect.getTop() + 20, 0),
            title,
            false);
      }
    }

    @Override
    public void onEndPage(PdfWriter writer, Document doc) {
      int page = printed(writer.getPageNumber());
      if (page == 1) {
        return; // the cover has neither
      }
      PdfTags.artifact(writer.getDirectContent(), () -> headerAndFooter(writer, doc, page));
    }

    private void headerAndFooter(PdfWriter writer, Document doc, int page) {
      PdfContentByte cb = writer.getDirectContent();
      float top = doc.top() + 28;
      ColumnText.showTextAligned(
          cb,
          Element.ALIGN_LEFT,
          kit.text(shorten(content.paper().title(), 70), Face.SERIF, 8, PdfKit.MUTED),
          doc.left(),
          top,
          0,
          PdfWriter.RUN_DIRECTION_LTR,
          0);
      ColumnText.showTextAligned(
          cb,
          Element.ALIGN_RIGHT,
          kit.text(shorten(current, 60), Face.SERIF_ITALIC, 8, PdfKit.MUTED),
          doc.right(),
          top,
          0,
          PdfWriter.RUN_DIRECTION_LTR,
          0);
      cb.setLineWidth(0.4f);
      cb.setColorStroke(PdfKit.MUTED);
      cb.moveTo(doc.left(), top - 5);
      cb.lineTo(doc.right(), top - 5);
      cb.stroke();
      float bottom = doc.bottom() - 34;
      ColumnText.showTextAligned(
          cb,
          Element.ALIGN_LEFT,
          kit.text(
              labels.edition() + " " + edition + " · " + labels.date(at),
              Face.SERIF,
              8,
              PdfKit.MUTED),
          doc.left(),
          bottom,
          0,
          PdfWriter.RUN_DIRECTION_LTR,
          0);
      Phrase pageOf = kit.text(labels.page() + " " + page + " / ", Face.SERIF, 8, PdfKit.MUTED);
      ColumnText.showTextAligned(
          cb,
          Element.ALIGN_RIGHT,
          pageOf,
          doc.right() - 22,
          bottom,
          0,
          PdfWriter.RUN_DIRECTION_LTR,
          0);
      cb.addTemplate(total, doc.right() - 21, bottom - 2);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document doc) {
      ColumnText.showTextAligned(
          total,
          Element.ALIGN_LEFT,
          kit.text(String.valueOf(writer.getPageNumber() - 1), Face.SERIF, 8, PdfKit.MUTED),
          0,
          2,
          0);
    }
  }

  static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
