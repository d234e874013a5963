package org.plenary.publish;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.plenary.endorsement.Endorsement.Stance;
import org.plenary.identity.StakeholderGroup;
import org.plenary.publish.EditionContent.EndorsementPart;
import org.plenary.publish.EditionContent.SectionPart;
import org.plenary.publish.EditionContent.SignatoryPart;
import org.plenary.publish.EditionContent.StancePart;
import org.plenary.publish.PublishFonts.Face;
import org.plenary.section.SectionKind;

/**
 * The formal submission to the UN Secretary-General, set as official correspondence (A4, 30 mm side
 * margins, serif type): a dated cover letter addressed to the Secretary-General with its
 * signatories, the executive summary, the numbered proposals (each with its summary, rationale and
 * endorsement tally by stakeholder group) and an annex of the endorsing organisations.
 */
final class SubmissionPdf {

  private final PublishFonts fonts;
  private final EditionContent content;
  private final int edition;
  private final Instant at;
  private final Labels labels;

  SubmissionPdf(PublishFonts fonts, EditionContent content, int edition, Instant at) {
    this.fonts = fonts;
    this.content = content;
    this.edition = edition;
    this.at = at;
    this.labels = Labels.of(content.paper().language());
  }

  byte[] render() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 19);
    Document doc = new Document(PageSize.A4, 85, 85, 72, 72);
    PdfWriter writer = PdfWriter.getInstance(doc, out);
    PdfTags tags = new PdfTags(writer, content.paper().language());
    writer.setPageEvent(tags);
    PdfKit kit = new PdfKit(fonts, tags);
    Map<String, String> titles = new LinkedHashMap<>();
    writer.setPageEvent(new Events(kit, titles));
    Documents.metadata(doc, writer, content, labels.submission(), at);
    doc.open();
    MarkdownPdf markdown = new MarkdownPdf(kit, 11);

    // ---- The cover letter ----
    tags.begin(PdfName.SECT);
    titles.put("letter", content.paper().title());
    doc.add(right(kit, kit.text(labels.date(at), Face.SERIF, 11)));
    Phrase to = kit.text(labels.addressee(), Face.SERIF_BOLD, 11);
    doc.add(kit.flow(PdfKit.destination(to, "letter"), false, 18, 2));
    doc.add(kit.flow(kit.text("United Nations, New York", Face.SERIF, 11), false, 0, 16));
    doc.add(
        kit.flow(
            kit.text(labels.submission() + ": " + content.paper().title(), Face.SERIF_BOLD, 11),
            PdfKit.rightToLeft(content.paper().title()),
            0,
            12));
    List<SectionPart> letters = content.sectionsOf(SectionKind.LETTER);
    if (letters.isEmpty()) {
      if (content.paper().summary() != null) {
        doc.add(kit.flow(kit.text(content.paper().summary(), Face.SERIF, 11), false, 0, 8));
      }
    } else {
      for (SectionPart letter : letters) {
        for (Element e : markdown.render(letter.body(), "l" + letter.id())) {
          doc.add(e);
        }
      }
    }
    for (SignatoryPart s : content.paper().signatories()) {
      doc.add(kit.flow(kit.text(s.name(), Face.SERIF_BOLD, 11), false, 14, 0));
      String role =
          String.join(
              ", ",
              java.util.stream.Stream.of(s.title(), s.organisation())
                  .filter(x -> x != null && !x.isBlank())
                  .toList());
      if (!role.isEmpty()) {
        doc.add(kit.flow(kit.text(role, Face.SERIF, 10.5f), false, 0, 0));
      }
    }

    tags.close();

    // ---- Executive summary ----
    doc.newPage();
    tags.begin(PdfName.SECT);
    titles.put("summary", labels.executiveSummary());
    heading(doc, kit, "summary", labels.executiveSummary());
    SectionPart summary =
        content.sections().stream()
            .filter(
                s ->
                    s.kind() == SectionKind.NARRATIVE
                        && s.heading().toLowerCase(Locale.ROOT).matches(".*(summary|résumé).*"))
            .findFirst()
            .orElse(null);
    if (summary != null) {
      for (Element e : markdown.render(summary.body(), "x" + summary.id())) {
        doc.add(e);
      }
    } else if (content.paper().summary() != null) {
      doc.add(kit.flow(kit.text(content.paper().summary(), Face.SERIF, 11), false, 0, 8));
    }

    tags.close();

    // ---- The proposals ----
    doc.newPage();
    tags.begin(PdfName.SECT);
    titles.put("proposals", labels.proposals());
    heading(doc, kit, "proposals", labels.proposals());
    for (SectionPart p : content.sectionsOf(SectionKind.PROPOSAL)) {
      String title = labels.proposal() + " " + p.proposalNumber() + ": " + p.heading();
      titles.put("p" + p.id(), title);
      tags.begin(PdfName.SECT);
      Phrase h = PdfKit.destination(kit.text(title, Face.SERIF_BOLD, 12.5f), "p" + p.id());
      PdfPTable head = kit.block(PdfName.H2, h, PdfKit.rightToLeft(p.heading()), 14, 6);
      head.setKeepTogether(true);
      doc.add(head);
      if (p.proposalSummary() != null) {
        Phrase s = kit.text(labels.inBrief() + " ", Face.SERIF_BOLD, 11);
        s.addAll(kit.text(p.proposalSummary(), Face.SERIF, 11));
        doc.add(kit.flow(s, PdfKit.rightToLeft(p.proposalSummary()), 0, 8));
      }
      doc.add(kit.flow(kit.text(labels.rationale(), Face.SERIF_ITALIC, 11), false, 2, 4));
      for (Element e : markdown.render(p.body(), "p" + p.id())) {
        doc.add(e);
      }
      EndorsementPart part = content.endorsementsOf(p.id());
      if (part != null && part.tally().total() > 0) {
        doc.add(Documents.tallyTable(kit, part.tally(), labels));
        doc.add(
            kit.flow(
                kit.text(
                    part.tally().singleSector()
                        ? labels.singleSector()
                        : labels.supportingGroups(part.tally().supportingGroups()),
                    Face.SERIF_ITALIC,
                    9.5f,
                    PdfKit.MUTED),
                false,
                2,
                8));
      }
      tags.close();
    }
    tags.close();

    // ---- Annex: endorsing organisations ----
    doc.newPage();
    tags.begin(PdfName.SECT);
    titles.put("annex", labels.endorsingOrganisations());
    heading(doc, kit, "annex", "Annex  " + labels.endorsingOrganisations());
    Map<StakeholderGroup, java.util.SortedSet<String>> byGroup = new TreeMap<>();
    int unnamed = 0;
    for (EndorsementPart part : content.proposalEndorsements()) {
      for (StancePart s : part.stances()) {
        if (s.stance() == Stance.OBJECT) {
          continue;
        }
        if (s.organisation() != null) {
          byGroup
              .computeIfAbsent(s.stakeholderGroup(), g -> new java.util.TreeSet<>())
              .add(s.organisation());
        } else if (s.name().startsWith("A participant")) {
          unnamed++;
        }
      }
    }
    for (var e : byGroup.entrySet()) {
      doc.add(
          kit.block(
              PdfName.H2, kit.text(labels.group(e.getKey()), Face.SERIF_BOLD, 11), false, 8, 2));
      for (String org : e.getValue()) {
        doc.add(kit.flow(kit.text(org, Face.SERIF, 11), PdfKit.rightToLeft(org), 0, 1));
      }
    }
    if (unnamed > 0) {
      doc.add(
          kit.flow(
              kit.text(labels.unnamed(unnamed), Face.SERIF_ITALIC, 10, PdfKit.MUTED), false, 8, 0));
    }
    tags.close();
    doc.close();
    if (!kit.missing().isEmpty()) {
      throw new MissingGlyphs(kit.missing());
    }
    return Deterministic.pdf(out.toByteArray(), content, "submission", edition);
  }

  private static PdfPTable right(PdfKit kit, Phrase p) {
    return kit.flow(p, false, 0, 0, Element.ALIGN_RIGHT);
  }

  private static void heading(Document doc, PdfKit kit, String anchor, String text) {
    Phrase h = PdfKit.destination(kit.text(text, Face.SERIF_BOLD, 14), anchor);
    doc.add(kit.block(PdfName.H1, h, false, 0, 10));
  }

  /** Bookmarks for the letter, the summary, each proposal and the annex; page numbers. */
  private final class Events extends PdfPageEventHelper {
    private final PdfKit kit;
    private final Map<String, String> titles;
    private final java.util.Set<String> seen = new java.util.HashSet<>();

    Events(PdfKit kit, Map<String, String> titles) {
      this.kit = kit;
      this.titles = titles;
    }

    @Override
    public void onGenericTag(PdfWriter writer, Document doc, Rectangle rect, String tag) {
      if (seen.add(tag) && titles.containsKey(tag)) {
        new PdfOutline(
            writer.getRootOutline(),
            new PdfDestination(PdfDestination.XYZ, doc.left(), rect.getTop() + 20, 0),
            titles.get(tag),
            false);
      }
    }

    @Override
    public void onEndPage(PdfWriter writer, Document doc) {
      PdfTags.artifact(writer.getDirectContent(), () -> pageFurniture(writer, doc));
    }

    private void pageFurniture(PdfWriter writer, Document doc) {
      ColumnText.showTextAligned(
          writer.getDirectContent(),
          Element.ALIGN_CENTER,
          kit.text("— " + writer.getPageNumber() + " —", Face.SERIF, 9, PdfKit.MUTED),
          (doc.left() + doc.right()) / 2,
          doc.bottom() - 30,
          0);
      if (writer.getPageNumber() > 1) {
        ColumnText.showTextAligned(
            writer.getDirectContent(),
            Element.ALIGN_RIGHT,
            kit.text(
                WhitePaperPdf.shorten(content.paper().title(), 80)
                    + " · "
                    + labels.edition()
                    + " "
                    + edition,
                Face.SERIF,
                8,
                PdfKit.MUTED),
            doc.right(),
            doc.top() + 24,
            0,
            PdfWriter.RUN_DIRECTION_LTR,
            0);
      }
    }
  }
}
