package org.plenary.publish;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.xml.xmp.XmpWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.plenary.endorsement.EndorsementRecords.GroupTally;
import org.plenary.endorsement.EndorsementRecords.Tally;
import org.plenary.publish.EditionContent.StancePart;
import org.plenary.publish.PublishFonts.Face;

/** What the PDF documents share: metadata, tally tables, how an endorser is named. */
final class Documents {
  private Documents() {}

  /** Title, author, subject, keywords, language and dates (the edition's, so renders repeat). */
  static void metadata(
      Document doc, PdfWriter writer, EditionContent content, String kind, Instant at) {
    var p = content.paper();
    doc.addTitle(p.title());
    Set<String> authors = new LinkedHashSet<>();
    p.signatories()
        .forEach(s -> authors.add(s.organisation() != null ? s.organisation() : s.name()));
    doc.addAuthor(
        authors.isEmpty()
            ? (p.initiative() != null ? p.initiative() : "Plenary")
            : String.join(", ", authors));
    doc.addSubject(kind + (p.subtitle() != null ? ": " + p.subtitle() : ""));
    doc.addKeywords(String.join(", ", p.keywords()));
    doc.addCreator("Plenary");
    GregorianCalendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    when.setTimeInMillis(at.toEpochMilli());
    doc.addCreationDate(new PdfDate(when));
    doc.addModificationDate(new PdfDate(when));
    writer.getExtraCatalog().put(PdfName.LANG, new PdfString(p.language()));
    writer.setViewerPreferences(PdfWriter.PageModeUseOutlines | PdfWriter.DisplayDocTitle);
    // The XMP OpenPDF writes from the document information, and the claim to PDF/UA-1 (ISO
    // 14289-1) that tells assistive technology the structure tree can be trusted.
    try (ByteArrayOutputStream xmp = new ByteArrayOutputStream()) {
      XmpWriter w = new XmpWriter(xmp, writer.getInfo(), PdfWriter.PDFXNONE);
      w.addRdfDescription(
          "xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"", "<pdfuaid:part>1</pdfuaid:part>");
      w.close();
      writer.setXmpMetadata(xmp.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stances by stakeholder group: a row per group that took any, and the totals. */
  static PdfPTable tallyTable(PdfKit kit, Tally tally, Labels labels) {
    PdfPTable t = new PdfPTable(new float[] {40, 15, 15, 15, 15});
    t.setWidthPercentage(100);
    t.setRunDirection(labels.runDirection());
    t.setHeaderRows(1);
    t.setSpacingBefore(2);
    t.setSpacingAfter(2);
    PdfTags tags = kit.tags();
    tags.begin(PdfName.TABLE);
    tags.begin(PdfTags.TR);
    for (String h :
        List.of(
            labels.stakeholderGroup(),
            labels.endorse(),
            labels.withReservations(),
            labels.object(),
            labels.total())) {
      PdfPCell c =
          tags.header(new PdfPCell(kit.text(h, Face.SERIF_BOLD, 8.5f)), tags.headerCell(h));
      c.setBackgroundColor(new Color(0xe8, 0xec, 0xf1));
      c.setPadding(3);
      c.setBorderColor(new Color(0xc8, 0xcd, 0xd4));
      t.addCell(c);
    }
    tags.close();
    for (GroupTally g : tally.byGroup()) {
      if (g.total() == 0) {
        continue;
      }
      row(
          kit,
          t,
          labels.group(g.group()),
          g.endorse(),
          g.withReservations(),
          g.object(),
          g.total());
    }
    row(
        kit,
        t,
        labels.total(),
        tally.endorse(),
        tally.withReservations(),
        tally.object(),
        tally.total());
    tags.close();
    return t;
  }

  private static void row(PdfKit kit, PdfPTable t, String name, int... counts) {
    kit.tags().begin(PdfTags.TR);
    PdfPCell c = kit.cell(PdfName.TD, kit.text(name, Face.SERIF, 8.5f));
    c.setPadding(3);
    c.setBorderColor(new Color(0xc8, 0xcd, 0xd4));
    t.addCell(c);
    for (int n : counts) {
      PdfPCell v = kit.cell(PdfName.TD, kit.text(String.valueOf(n), Face.SERIF, 8.5f));
      v.setPadding(3);
      v.setHorizontalAlignment(Element.ALIGN_RIGHT);
      v.setBorderColor(new Color(0xc8, 0xcd, 0xd4));
      t.addCell(v);
    }
    kit.tags().close();
  }

  /** An endorser as published: their name (as they allow) and organisation, if shown. */
  static String who(StancePart s) {
    if (s.organisation() != null && !s.name().contains(s.organisation())) {
      return s.name() + " (" + s.organisation() + ")";
    }
    return s.name();
  }
}
