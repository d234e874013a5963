package org.plenary.publish;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
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
    writer.createXmpMetadata();
  }

  /** Stances by stakeholder group: a row per group that took any, and the totals. */
  static PdfPTable tallyTable(PdfKit kit, Tally tally, Labels labels) {
    PdfPTable t = new PdfPTable(new float[] {40, 15, 15, 15, 15});
    t.setWidthPercentage(100);
    t.setHeaderRows(1);
    t.setSpacingBefore(2);
    t.setSpacingAfter(2);
    for (String h :
        List.of(
            labels.stakeholderGroup(),
            labels.endorse(),
            labels.withReservations(),
            labels.object(),
            labels.total())) {
      PdfPCell c = new PdfPCell(kit.text(h, Face.SERIF_BOLD, 8.5f));
      c.setBackgroundColor(new Color(0xe8, 0xec, 0xf1));
      c.setPadding(3);
      c.setBorderColor(new Color(0xc8, 0xcd, 0xd4));
      t.addCell(c);
    }
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
    return t;
  }

  private static void row(PdfKit kit, PdfPTable t, String name, int... counts) {
    PdfPCell c = new PdfPCell(kit.text(name, Face.SERIF, 8.5f));
    c.setPadding(3);
    c.setBorderColor(new Color(0xc8, 0xcd, 0xd4));
    t.addCell(c);
    for (int n : counts) {
      PdfPCell v = new PdfPCell(kit.text(String.valueOf(n), Face.SERIF, 8.5f));
      v.setPadding(3);
      v.setHorizontalAlignment(Element.ALIGN_RIGHT);
      v.setBorderColor(new Color(0xc8, 0xcd, 0xd4));
      t.addCell(v);
    }
  }

  /** An endorser as published: their name (as they allow) and organisation, if shown. */
  static String who(StancePart s) {
    if (s.organisation() != null && !s.name().contains(s.organisation())) {
      return s.name() + " (" + s.organisation() + ")";
    }
    return s.name();
  }
}
