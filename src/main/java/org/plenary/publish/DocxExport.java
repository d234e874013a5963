package org.plenary.publish;

import static org.plenary.publish.DocxStyles.HEAD_FILL;
import static org.plenary.publish.DocxStyles.LIST_INDENT;
import static org.plenary.publish.DocxStyles.MARGIN;
import static org.plenary.publish.DocxStyles.MUTED;
import static org.plenary.publish.DocxStyles.PAGE_HEIGHT;
import static org.plenary.publish.DocxStyles.PAGE_WIDTH;
import static org.plenary.publish.DocxStyles.QUOTE_INDENT;
import static org.plenary.publish.DocxStyles.QUOTE_RULE;
import static org.plenary.publish.DocxStyles.RULE;
import static org.plenary.publish.DocxStyles.SUMMARY_FILL;
import static org.plenary.publish.DocxStyles.TEXT_WIDTH;
import static org.plenary.publish.DocxStyles.border;
import static org.plenary.publish.DocxStyles.listDefinition;
import static org.plenary.publish.DocxStyles.shade;

import com.vladsch.flexmark.ast.BlockQuote;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFFootnotes;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFtnEdn;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFtnEdn;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.plenary.endorsement.EndorsementRecords.GroupTally;
import org.plenary.endorsement.EndorsementRecords.Tally;
import org.plenary.publish.EditionContent.EndorsementPart;
import org.plenary.publish.EditionContent.OrganisationPart;
import org.plenary.publish.EditionContent.SectionPart;
import org.plenary.publish.EditionContent.StancePart;
import org.plenary.publish.MarkdownWalk.Look;
import org.plenary.render.MarkdownRenderer;
import org.plenary.section.SectionKind;

/**
 * The white paper as a Word document, so stakeholders can comment on it in Word (or LibreOffice)
 * and send it back. It is built with Apache POI and uses what Word itself uses, so that comments,
 * tracked changes and the navigation pane work on it: the built-in Title and Heading 1–4 styles
 * (with their outline levels), real numbering definitions for lists (each list restarts), tables
 * whose header rows repeat on every page, real footnotes, hyperlinks as relationships, and
 * right-to-left paragraphs for Arabic and Hebrew. Section texts are walked from the same flexmark
 * tree as the PDF ({@link MarkdownPdf}); raw HTML is shown as text and images by their description,
 * as there.
 *
 * <p>The same content gives the same bytes: the document's dates are the edition's, and the package
 * is zipped again with fixed entry times in a fixed order ({@link Deterministic#zip}).
 */
final class DocxExport implements MarkdownWalk.Target<DocxExport.Place, XWPFParagraph> {

  private final XWPFDocument doc;
  private final EditionContent content;
  private final Labels labels;
  private final XWPFNumbering numbering;
  private BigInteger bulletList;
  private BigInteger numberedList;
  private int footnotes;
  private final MarkdownWalk<Place, XWPFParagraph> walk = new MarkdownWalk<>(this);

  /** Where a block goes: how deep in lists (-1: not in a list) and in quotes it is. */
  record Place(int list, int quote) {
    static final Place TOP = new Place(-1, 0);

    Place inList(int level) {
      return new Place(level, quote);
    }

    Place inQuote() {
      return new Place(list, quote + 1);
    }

    int indent() {
      return (list + 1) * LIST_INDENT + quote * QUOTE_INDENT;
    }
  }

  private DocxExport(XWPFDocument doc, EditionContent content) {
    this.doc = doc;
    this.content = content;
    this.labels = Labels.of(content.paper().language());
    this.numbering = doc.createNumbering();
  }

  static byte[] render(EditionContent c, int edition, Instant at) {
    return written(c, x -> x.write(edition, at));
  }

  /** See {@link ReviewCopies}: the sections only, stamped, with Track Changes on. */
  static byte[] forReview(EditionContent c, Instant at) {
    return written(c, x -> x.writeForReview(at));
  }

  /** The document {@code write} makes, as (deterministic) bytes. */
  private static byte[] written(EditionContent c, Consumer<DocxExport> write) {
    try (XWPFDocument doc = new XWPFDocument()) {
      write.accept(new DocxExport(doc, c));
      ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
      doc.write(out);
      return Deterministic.zip(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What every document starts with: its properties, styles and list definitions. */
  private void begin(Instant at) {
    properties(at);
    DocxStyles.apply(doc, language());
    lists();
  }

  private void writeForReview(Instant at) {
    begin(at);
    doc.setTrackRevisions(true);
    var custom = doc.getProperties().getCustomProperties();
    custom.addProperty(ReviewCopies.PAPER_PROPERTY, String.valueOf(content.paper().id()));
    title();
    BigInteger open = null;
    for (SectionPart s : content.sections()) {
      custom.addProperty(ReviewCopies.SECTION_PROPERTY + s.id(), s.revision());
      String title = HtmlExport.title(s, labels);
      XWPFParagraph h = doc.createParagraph();
      if (open != null) {
        h.getCTP().addNewBookmarkEnd().setId(open); // the section before ends here
      }
      h.setStyle("Heading1");
      direction(h, rtl(title));
      run(h, title, Look.PLAIN);
      open = BigInteger.valueOf(s.id());
      var start = h.getCTP().addNewBookmarkStart();
      start.setId(open);
      start.setName(ReviewCopies.BOOKMARK_PREFIX + s.id() + "_r" + s.revision());
      markdown(s.body());
    }
    if (open != null) {
      doc.createParagraph().getCTP().addNewBookmarkEnd().setId(open);
    }
    DocxStyles.compatibility(doc);
  }

  private void write(int edition, Instant at) {
    begin(at);
    cover(edition, at);
    int n = 0;
    for (SectionPart s : content.sections()) {
      n++;
      String title = HtmlExport.title(s, labels);
      heading(n + ". " + title, 1, rtl(title));
      if (s.kind() == SectionKind.PROPOSAL && s.proposalSummary() != null) {
        XWPFParagraph p = doc.createParagraph();
        direction(p, rtl(s.proposalSummary()));
        shade(p.getCTPPr(), SUMMARY_FILL);
        run(p, labels.inBrief() + " ", Look.PLAIN.withBold());
        run(p, s.proposalSummary(), Look.PLAIN);
      }
      markdown(s.body());
    }
    endorsementsAnnex();
    organisationsAnnex();
    page();
    DocxStyles.compatibility(doc);
  }

  // ---- Document properties, styles, numbering -----------------------------------------------

  private void properties(Instant at) {
    var p = content.paper();
    POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
    core.setTitle(p.title());
    Set<String> authors = new LinkedHashSet<>();
    p.signatories()
        .forEach(s -> authors.add(s.organisation() != null ? s.organisation() : s.name()));
    core.setCreator(
        authors.isEmpty()
            ? (p.initiative() != null ? p.initiative() : "Plenary")
            : String.join(", ", authors));
    core.setLastModifiedByUser("Plenary");
    core.setSubjectProperty(
        labels.whitePaper() + (p.subtitle() != null ? ": " + p.subtitle() : ""));
    core.setKeywords(String.join(", ", p.keywords()));
    if (p.summary() != null) {
      core.setDescription(p.summary());
    }
    core.getUnderlyingProperties().setLanguageProperty(language());
    // The edition's time, not the clock's: rendering again must give the same bytes.
    core.setCreated(Optional.of(Date.from(at)));
    core.setModified(Optional.of(Date.from(at)));
    doc.getProperties().getExtendedProperties().setApplication("Plenary");
  }

  private String language() {
    String l = content.paper().language();
    return l == null || l.isBlank() ? "en" : l;
  }

  /** Two list definitions, bulleted and numbered, each with nine levels as Word has them. */
  private void lists() {
    bulletList = numbering.addAbstractNum(new XWPFAbstractNum(listDefinition(0, true)));
    numberedList = numbering.addAbstractNum(new XWPFAbstractNum(listDefinition(1, false)));
  }

  /**
   * A numbering instance for one list. Every list gets its own, and a numbered one says where its
   * level starts, so each list counts from its own start instead of continuing the previous one.
   */
  private BigInteger newList(ListBlock list, int level) {
    boolean ordered = list instanceof OrderedList;
    BigInteger id = numbering.addNum(ordered ? numberedList : bulletList);
    if (ordered) {
      CTNumLvl override = numbering.getNum(id).getCTNum().addNewLvlOverride();
      override.setIlvl(BigInteger.valueOf(level));
      override
          .addNewStartOverride()
          .setVal(BigInteger.valueOf(((OrderedList) list).getStartNumber()));
    }
    return id;
  }

  private void page() {
    // Word needs a paragraph between a table and the end of the document.
    List<IBodyElement> body = doc.getBodyElements();
    if (!body.isEmpty() && body.get(body.size() - 1) instanceof XWPFTable) {
      doc.createParagraph();
    }
    CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = sect.addNewPgSz();
    size.setW(BigInteger.valueOf(PAGE_WIDTH));
    size.setH(BigInteger.valueOf(PAGE_HEIGHT));
    CTPageMar mar = sect.addNewPgMar();
    for (var set :
        List.<java.util.function.Consumer<Object>>of(
            mar::setTop, mar::setBottom, mar::setLeft, mar::setRight)) {
      set.accept(BigInteger.valueOf(MARGIN));
    }
    mar.setHeader(BigInteger.valueOf(708));
    mar.setFooter(BigInteger.valueOf(708));
    mar.setGutter(BigInteger.ZERO);
  }

  // ---- Cover, headings, annexes -------------------------------------------------------------

  /** The paper's title, in Word's Title style. */
  private void title() {
    String title = content.paper().title();
    XWPFParagraph t = doc.createParagraph();
    t.setStyle("Title");
    direction(t, rtl(title));
    run(t, title, Look.PLAIN);
  }

  private void cover(int edition, Instant at) {
    var p = content.paper();
    if (p.initiative() != null) {
      XWPFParagraph i = doc.createParagraph();
      direction(i, rtl(p.initiative()));
      XWPFRun r = run(i, p.initiative(), Look.PLAIN);
      r.setColor(MUTED);
    }
    title();
    if (p.subtitle() != null) {
      XWPFParagraph s = doc.createParagraph();
      s.setStyle("Subtitle");
      direction(s, rtl(p.subtitle()));
      run(s, p.subtitle(), Look.PLAIN);
    }
    XWPFParagraph meta = doc.createParagraph();
    XWPFRun r =
        run(
            meta,
            labels.whitePaper()
                + " · "
                + labels.edition()
                + " "
                + edition
                + " · "
                + labels.date(at),
            Look.PLAIN);
    r.setColor(MUTED);
    if (!p.keywords().isEmpty()) {
      XWPFRun k = run(meta, "", Look.PLAIN);
      k.addBreak();
      k.setText(String.join(" · ", p.keywords()));
      k.setColor(MUTED);
    }
  }

  private XWPFParagraph heading(String text, int level, boolean rtl) {
    XWPFParagraph h = doc.createParagraph();
    h.setStyle("Heading" + level);
    direction(h, rtl);
    run(h, text, Look.PLAIN);
    return h;
  }

  private void endorsementsAnnex() {
    heading("A. " + labels.annexEndorsements(), 1, false);
    paragraph(labels.endorsementsIntro(), Look.PLAIN);
    for (EndorsementPart e : content.proposalEndorsements()) {
      endorsements(e, labels.proposal() + " " + e.proposalNumber() + ": " + e.heading());
    }
    if (content.paperEndorsements() != null) {
      endorsements(content.paperEndorsements(), labels.wholePaper());
    }
  }

  private void endorsements(EndorsementPart e, String title) {
    heading(title, 2, rtl(e.heading() == null ? title : e.heading()));
    Tally tally = e.tally();
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            labels.stakeholderGroup(),
            labels.endorse(),
            labels.withReservations(),
            labels.object(),
            labels.total()));
    for (GroupTally g : tally.byGroup()) {
      if (g.total() > 0) {
        rows.add(
            List.of(
                labels.group(g.group()),
                String.valueOf(g.endorse()),
                String.valueOf(g.withReservations()),
                String.valueOf(g.object()),
                String.valueOf(g.total())));
      }
    }
    rows.add(
        List.of(
            labels.total(),
            String.valueOf(tally.endorse()),
            String.valueOf(tally.withReservations()),
            String.valueOf(tally.object()),
            String.valueOf(tally.total())));
    XWPFTable t = plainTable(rows, new int[] {40, 15, 15, 15, 15}, 1);
    for (XWPFTableCell c : t.getRow(rows.size() - 1).getTableCells()) {
      c.getParagraphArray(0).getRuns().forEach(r -> r.setBold(true));
    }
    XWPFParagraph spread =
        paragraph(
            tally.singleSector()
                ? labels.singleSector()
                : labels.supportingGroups(tally.supportingGroups()),
            Look.PLAIN.withItalic());
    spread.setSpacingBefore(80);
    spread.getRuns().forEach(r -> r.setColor(MUTED));
    if (e.stances().isEmpty()) {
      return;
    }
    BigInteger list = numbering.addNum(bulletList);
    for (StancePart s : e.stances()) {
      XWPFParagraph p = doc.createParagraph();
      p.setStyle("ListParagraph");
      p.setNumID(list);
      p.setNumILvl(BigInteger.ZERO);
      direction(p, rtl(Documents.who(s)));
      run(p, Documents.who(s), Look.PLAIN.withBold());
      run(p, " — " + labels.stance(s.stance()), Look.PLAIN);
      if (s.statement() != null) {
        run(p, ": ", Look.PLAIN);
        run(p, s.statement(), Look.PLAIN.withItalic());
      }
      if (!s.onCurrentVersion()) {
        run(p, " (" + labels.earlierVersion() + ")", Look.PLAIN).setColor(MUTED);
      }
    }
  }

  private void organisationsAnnex() {
    heading("B. " + labels.annexOrganisations(), 1, false);
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(labels.organisation(), labels.stakeholderGroup(), labels.people()));
    for (OrganisationPart o : content.organisations()) {
      rows.add(List.of(o.name(), labels.group(o.stakeholderGroup()), String.valueOf(o.people())));
    }
    plainTable(rows, new int[] {60, 30, 10}, 2);
    if (content.unnamedParticipants() > 0) {
      XWPFParagraph p =
          paragraph(labels.unnamed(content.unnamedParticipants()), Look.PLAIN.withItalic());
      p.setSpacingBefore(80);
      p.getRuns().forEach(r -> r.setColor(MUTED));
    }
  }

  /**
   * A table of plain text whose first row is its header; counts (from a column on) right-aligned.
   */
  private XWPFTable plainTable(List<List<String>> rows, int[] weights, int firstCount) {
    XWPFTable t = table(weights, 1, TEXT_WIDTH);
    for (int i = 0; i < rows.size(); i++) {
      XWPFTableRow row = i == 0 ? t.getRow(0) : t.createRow();
      List<String> cells = rows.get(i);
      for (int c = 0; c < cells.size(); c++) {
        XWPFTableCell cell = row.getCell(c);
        XWPFParagraph p = cellParagraph(cell, i == 0, weights[c]);
        direction(p, rtl(cells.get(c)));
        run(p, cells.get(c), i == 0 ? Look.PLAIN.withBold() : Look.PLAIN);
        if (i > 0 && c >= firstCount) {
          p.setAlignment(ParagraphAlignment.RIGHT);
        }
      }
    }
    return t;
  }

  private XWPFParagraph paragraph(String text, Look look) {
    XWPFParagraph p = doc.createParagraph();
    direction(p, rtl(text));
    run(p, text, look);
    return p;
  }

  // ---- Tables -----------------------------------------------------------------------------

  /**
   * An empty table {@code width} wide with {@code weights.length} columns (widths in that
   * proportion, which {@code weights} is given back in), light borders, and its first {@code
   * headerRows} rows repeated on every page.
   */
  private XWPFTable table(int[] weights, int headerRows, int width) {
    XWPFTable t = doc.createTable();
    XWPFTableRow first = t.getRow(0);
    for (int i = 1; i < weights.length; i++) {
      first.addNewTableCell();
    }
    t.setTopBorder(XWPFBorderType.SINGLE, 4, 0, RULE);
    t.setBottomBorder(XWPFBorderType.SINGLE, 4, 0, RULE);
    t.setLeftBorder(XWPFBorderType.SINGLE, 4, 0, RULE);
    t.setRightBorder(XWPFBorderType.SINGLE, 4, 0, RULE);
    t.setInsideHBorder(XWPFBorderType.SINGLE, 4, 0, RULE);
    t.setInsideVBorder(XWPFBorderType.SINGLE, 4, 0, RULE);
    CTTblWidth w = t.getCTTbl().getTblPr().getTblW();
    w.setType(STTblWidth.DXA);
    w.setW(BigInteger.valueOf(width));
    t.setCellMargins(50, 100, 50, 100);
    CTTblGrid grid = t.getCTTbl().addNewTblGrid();
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    for (int i = 0; i < weights.length; i++) {
      weights[i] = width * weights[i] / total;
      grid.addNewGridCol().setW(BigInteger.valueOf(weights[i]));
    }
    for (int i = 0; i < headerRows; i++) {
      (i == 0 ? first : t.createRow()).setRepeatHeader(true);
    }
    return t;
  }

  /** The cell's first paragraph, made compact, with the cell's width (and shade for a header). */
  private static XWPFParagraph cellParagraph(XWPFTableCell cell, boolean head, int width) {
    CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
    CTTblWidth w = pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW();
    w.setType(STTblWidth.DXA);
    w.setW(BigInteger.valueOf(width));
    if (head) {
      cell.setColor(HEAD_FILL);
    }
    XWPFParagraph p = cell.getParagraphArray(0);
    p.setSpacingAfter(0);
    return p;
  }

  @Override
  public void table(TableBlock table, Place place) {
    MarkdownTable parsed = MarkdownTable.of(table);
    List<TableRow> rows = parsed.rows();
    int headerRows = parsed.headerRows();
    int columns = parsed.columns();
    if (rows.isEmpty()) {
      return;
    }
    int[] weights = new int[columns];
    java.util.Arrays.fill(weights, 1);
    XWPFTable t = table(weights, headerRows, TEXT_WIDTH - place.indent());
    boolean rtl = rtl(table);
    if (rtl) {
      t.getCTTbl().getTblPr().addNewBidiVisual();
    }
    if (place.indent() > 0) {
      var ind = t.getCTTbl().getTblPr().addNewTblInd();
      ind.setW(BigInteger.valueOf(place.indent()));
      ind.setType(STTblWidth.DXA);
    }
    for (int i = 0; i < rows.size(); i++) {
      XWPFTableRow row = i < Math.max(headerRows, 1) ? t.getRow(i) : t.createRow();
      if (row == null) {
        row = t.createRow();
      }
      List<TableCell> cells = cells(rows.get(i));
      boolean head = i < headerRows;
      for (int c = 0; c < columns; c++) {
        XWPFParagraph p = cellParagraph(row.getCell(c), head, weights[c]);
        direction(p, rtl);
        if (c >= cells.size()) {
          continue;
        }
        TableCell cell = cells.get(c);
        if (cell.getAlignment() != null) {
          switch (cell.getAlignment()) {
            case CENTER -> p.setAlignment(ParagraphAlignment.CENTER);
            case RIGHT -> p.setAlignment(ParagraphAlignment.RIGHT);
            default -> {}
          }
        }
        walk.inline(cell, head ? Look.PLAIN.withBold() : Look.PLAIN, p);
      }
    }
  }

  private static List<TableCell> cells(TableRow row) {
    return MarkdownTable.cells(row);
  }

  // ---- Markdown blocks ----------------------------------------------------------------------

  private void markdown(String markdown) {
    Node document = MarkdownRenderer.parse(markdown);
    Set<Node> referred = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Node n : document.getDescendants()) {
      if (n instanceof Footnote ref && ref.getFootnoteBlock() != null) {
        referred.add(ref.getFootnoteBlock());
      }
    }
    List<FootnoteBlock> orphans = new ArrayList<>();
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof FootnoteBlock fb) {
        if (!referred.contains(fb)) {
          orphans.add(fb);
        }
      } else {
        walk.block(n, Place.TOP);
      }
    }
    // A definition nobody refers to has no place for a footnote mark: it is set at the end of
    // the section in footnote type, as the PDF does with every note.
    for (FootnoteBlock fb : orphans) {
      for (Node c = fb.getFirstChild(); c != null; c = c.getNext()) {
        if (c instanceof Paragraph para) {
          XWPFParagraph p = doc.createParagraph();
          p.setStyle("FootnoteText");
          direction(p, rtl(para));
          run(p, "[" + fb.getText() + "] ", Look.PLAIN);
          walk.inline(para, Look.NOTE, p);
        }
      }
    }
  }

  @Override
  public void heading(Heading h, Place place) {
    XWPFParagraph p = doc.createParagraph();
    p.setStyle("Heading" + Math.min(h.getLevel() + 1, 4));
    direction(p, rtl(h));
    walk.inline(h, Look.PLAIN, p);
  }

  @Override
  public void paragraph(Paragraph para, Place place) {
    walk.inline(para, Look.PLAIN, bodyParagraph(para, place));
  }

  @Override
  public void list(ListBlock list, Place place) {
    items(list, place.inList(place.list() + 1));
  }

  @Override
  public void quote(BlockQuote quote, Place place) {
    walk.blocks(quote, place.inQuote());
  }

  @Override
  public void codeBlock(String code, Place place) {
    XWPFParagraph p = doc.createParagraph();
    p.setStyle("CodeBlock");
    indent(p, place);
    String[] lines = code.replace("\t", "    ").split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      XWPFRun r = p.createRun();
      if (i > 0) {
        r.addBreak();
      }
      r.setText(clean(lines[i]));
    }
  }

  @Override
  public void rule(Place place) {
    XWPFParagraph p = doc.createParagraph();
    CTPPr ppr = p.getCTPPr();
    border(ppr.addNewPBdr().addNewBottom(), 6, 1, QUOTE_RULE);
  }

  @Override
  public void htmlBlock(HtmlBlock html, Place place) {
    XWPFParagraph p = bodyParagraph(html, place);
    run(p, html.getChars().toString().strip(), Look.PLAIN);
  }

  /** A body paragraph for {@code source}, indented (and quoted) as its place asks. */
  private XWPFParagraph bodyParagraph(Node source, Place place) {
    XWPFParagraph p = doc.createParagraph();
    if (place.quote() > 0) {
      p.setStyle("Quote");
    } else if (place.list() >= 0) {
      p.setStyle("ListParagraph");
    }
    indent(p, place);
    direction(p, rtl(source));
    return p;
  }

  private static void indent(XWPFParagraph p, Place place) {
    if (place.indent() > 0) {
      p.setIndentationLeft(place.indent());
    }
  }

  /** The items of {@code list}, each a numbered (or bulleted) paragraph at its level. */
  private void items(ListBlock list, Place place) {
    BigInteger id = newList(list, place.list());
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (!(item instanceof ListItem)) {
        continue;
      }
      boolean numbered = false;
      for (Node b = item.getFirstChild(); b != null; b = b.getNext()) {
        if (!numbered && b instanceof Paragraph para) {
          XWPFParagraph p = bodyParagraph(para, place);
          number(p, id, place);
          walk.inline(para, Look.PLAIN, p);
        } else {
          if (!numbered) {
            // The item starts with something else (a nested list, code): an empty numbered line.
            number(bodyParagraph(item, place), id, place);
          }
          walk.block(b, place);
        }
        numbered = true;
      }
      if (!numbered) {
        number(bodyParagraph(item, place), id, place);
      }
    }
  }

  /** Puts {@code p} in the list: its level's number or bullet, hanging from the indentation. */
  private static void number(XWPFParagraph p, BigInteger id, Place place) {
    p.setNumID(id);
    p.setNumILvl(BigInteger.valueOf(place.list()));
    p.setIndentationLeft(place.indent());
    p.setIndentationHanging(360);
  }

  // ---- Inline -----------------------------------------------------------------------------

  @Override
  public void text(String text, Look look, XWPFParagraph p) {
    run(p, text, look);
  }

  @Override
  public void lineBreak(Look look, XWPFParagraph p) {
    run(p, "", look).addBreak();
  }

  @Override
  public void code(String code, Look look, XWPFParagraph p) {
    run(p, code, look).setStyle("HTMLCode");
  }

  @Override
  public void image(String description, Look look, XWPFParagraph p) {
    run(p, "[" + description + "]", look.withItalic());
  }

  /** A footnote's mark; inside a footnote (which cannot hold another) its words. */
  @Override
  public void footnote(Footnote reference, Look look, XWPFParagraph p) {
    if (!look.inNote()) {
      footnote(p, reference.getFootnoteBlock());
    } else if (reference.hasChildren()) {
      walk.inline(reference, look, p);
    } else {
      run(p, reference.getChars().unescape(), look);
    }
  }

  /**
   * A real Word footnote with the definition's text, and its mark here. Word numbers footnotes
   * itself, through the document; a definition referred to twice becomes two footnotes.
   */
  private void footnote(XWPFParagraph p, FootnoteBlock definition) {
    XWPFFootnotes notes = doc.createFootnotes();
    if (footnotes == 0) {
      // Word draws the line above the notes, and its continuation, from these two.
      separator(notes, -1, STFtnEdn.SEPARATOR);
      separator(notes, 0, STFtnEdn.CONTINUATION_SEPARATOR);
    }
    XWPFFootnote note = notes.createFootnote();
    note.getCTFtnEdn().setId(BigInteger.valueOf(++footnotes));
    Look look = Look.NOTE;
    boolean first = true;
    for (Node c = definition.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Paragraph para) {
        XWPFParagraph np = note.createParagraph();
        np.setStyle("FootnoteText");
        direction(np, rtl(para));
        if (first) {
          run(np, " ", look);
          first = false;
        }
        walk.inline(para, look, np);
      }
    }
    if (first) {
      note.createParagraph().setStyle("FootnoteText");
    }
    p.addFootnoteReference(note);
  }

  private static void separator(XWPFFootnotes notes, int id, STFtnEdn.Enum type) {
    CTFtnEdn s = CTFtnEdn.Factory.newInstance();
    s.setId(BigInteger.valueOf(id));
    s.setType(type);
    var r = s.addNewP().addNewR();
    if (type == STFtnEdn.SEPARATOR) {
      r.addNewSeparator();
    } else {
      r.addNewContinuationSeparator();
    }
    notes.addFootnote(s);
  }

  /** A link that works in Word if it is one a browser may follow; its text otherwise. */
  @Override
  public void link(String url, String label, boolean followable, Look look, XWPFParagraph p) {
    if (followable) {
      try {
        XWPFHyperlinkRun r = p.createHyperlinkRun(url);
        r.setStyle("Hyperlink");
        set(r, label, look);
        return;
      } catch (IllegalArgumentException notAUri) {
        // Not a URI Word can store: keep the words.
      }
    }
    run(p, label, look);
  }

  private static XWPFRun run(XWPFParagraph p, String text, Look look) {
    XWPFRun r = p.createRun();
    set(r, text, look);
    return r;
  }

  private static void set(XWPFRun r, String text, Look look) {
    boolean rtl = PdfKit.rightToLeft(text);
    if (look.bold()) {
      r.setBold(true);
      if (rtl) {
        r.setComplexScriptBold(true);
      }
    }
    if (look.italic()) {
      r.setItalic(true);
      if (rtl) {
        r.setComplexScriptItalic(true);
      }
    }
    if (look.strike()) {
      r.setStrikeThrough(true);
    }
    if (rtl) {
      CTRPr pr = r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr();
      pr.addNewRtl();
    }
    if (!text.isEmpty()) {
      r.setText(clean(text));
    }
  }

  /** Right to left for Arabic and Hebrew paragraphs (their first strong character decides). */
  private static void direction(XWPFParagraph p, boolean rtl) {
    if (rtl) {
      CTPPr ppr = p.getCTPPr();
      if (!ppr.isSetBidi()) {
        ppr.addNewBidi();
      }
    }
  }

  private static boolean rtl(Node n) {
    return PdfKit.rightToLeft(n.getChars().toString());
  }

  private static boolean rtl(String s) {
    return s != null && PdfKit.rightToLeft(s);
  }

  /** Characters XML 1.0 cannot hold (a Word file with one will not open) are left out. */
  private static String clean(String s) {
    return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
  }
}
