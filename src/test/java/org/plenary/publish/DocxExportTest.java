package org.plenary.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFtnEdnRef;
import org.plenary.endorsement.Endorsement.Capacity;
import org.plenary.endorsement.Endorsement.Stance;
import org.plenary.endorsement.EndorsementRecords.GroupTally;
import org.plenary.endorsement.EndorsementRecords.Tally;
import org.plenary.identity.StakeholderGroup;
import org.plenary.publish.EditionContent.EndorsementPart;
import org.plenary.publish.EditionContent.OrganisationPart;
import org.plenary.publish.EditionContent.PaperPart;
import org.plenary.publish.EditionContent.SectionPart;
import org.plenary.publish.EditionContent.SignatoryPart;
import org.plenary.publish.EditionContent.StancePart;
import org.plenary.section.SectionKind;

/** The Word edition, read back with POI: what Word will see when a stakeholder opens it. */
class DocxExportTest {

  static final Instant AT = Instant.parse("2026-11-28T12:00:00Z");

  static final String ARABIC = "لكل فرد الحق في الحياة والحرية وسلامة شخصه.";
  static final String CHINESE = "人人有权享有生命、自由和人身安全。";
  static final String RUSSIAN =
      "Каждый человек имеет право на жизнь, на свободу и на личную неприкосновенность.";

  static final String BODY =
      """
      Companies should **assess** conflict risks, as the *UN Guiding Principles* expect.[^1]
      See [the guidance](https://www.example.org/guidance), `code` and ~~old~~ text.
      Not a link: [click](javascript:alert(1)).

      - first bullet
      - second bullet

      1. First step
         1. a nested step
         2. another nested step
      2. Second step

      > A quoted participant: local actors need standing.

      ```
      let x = 1;
      ```

      | Country | Score |
      |---------|------:|
      | Norway  | 3     |
      | Chile   | 5     |

      ## Background

      %s

      %s

      %s

      [^1]: UN Guiding Principles on Business and Human Rights, 2011.
      """
          .formatted(ARABIC, CHINESE, RUSSIAN);

  static EditionContent content() {
    Tally tally =
        new Tally(
            3,
            2,
            0,
            1,
            0,
            2,
            false,
            List.of(
                new GroupTally(StakeholderGroup.values()[0], 1, 0, 1, 2),
                new GroupTally(StakeholderGroup.values()[1], 1, 0, 0, 1),
                new GroupTally(StakeholderGroup.values()[2], 0, 0, 0, 0)));
    return new EditionContent(
        new PaperPart(
            7,
            "conflict",
            "Conflict sensitivity",
            "A white paper",
            null,
            "en",
            "Tech for Peace",
            List.of("conflict", "technology"),
            List.of(new SignatoryPart("Ana Ruiz", "Director", "Peace Lab"))),
        List.of(
            new SectionPart(
                1, "Context", SectionKind.NARRATIVE, null, 1, "0".repeat(64), null, BODY),
            new SectionPart(
                2,
                "Assess before entering",
                SectionKind.PROPOSAL,
                1,
                3,
                "1".repeat(64),
                "Companies assess conflict risks before entering a market.",
                "1. Only\n\nSecond paragraph.[^a]\n\n[^a]: Another note.\n")),
        null,
        List.of(
            new EndorsementPart(
                2L,
                1,
                "Assess before entering",
                tally,
                List.of(
                    new StancePart(
                        "Ana Ruiz",
                        "Peace Lab",
                        StakeholderGroup.values()[0],
                        Stance.ENDORSE,
                        "Long overdue.",
                        Capacity.values()[0],
                        true)))),
        List.of(new OrganisationPart("Peace Lab", StakeholderGroup.values()[0], 2)),
        1);
  }

  static XWPFDocument read(byte[] docx) throws IOException {
    return new XWPFDocument(new ByteArrayInputStream(docx));
  }

  static XWPFParagraph paragraph(XWPFDocument doc, String text) {
    return doc.getParagraphs().stream()
        .filter(p -> p.getText().contains(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no paragraph with " + text));
  }

  @Test
  void sections_and_annexes_are_word_headings_in_order() throws IOException {
    try (XWPFDocument doc = read(DocxExport.render(content(), 2, AT))) {
      List<String> headings = new ArrayList<>();
      for (XWPFParagraph p : doc.getParagraphs()) {
        if (p.getStyle() != null && p.getStyle().startsWith("Heading")) {
          headings.add(p.getStyle() + " " + p.getText());
        }
      }
      assertEquals(
          List.of(
              "Heading1 1. Context",
              "Heading3 Background",
              "Heading1 2. Proposal 1: Assess before entering",
              "Heading1 A. Endorsements",
              "Heading2 Proposal 1: Assess before entering",
              "Heading1 B. Participating organisations"),
          headings);
      // Word recognises them by the built-in style name and outline level.
      XWPFStyle h1 = doc.getStyles().getStyle("Heading1");
      assertEquals("heading 1", h1.getName());
      assertEquals(BigInteger.ZERO, h1.getCTStyle().getPPr().getOutlineLvl().getVal());
      assertEquals("Title", paragraph(doc, "Conflict sensitivity").getStyle());
      assertTrue(paragraph(doc, "Edition 2").getText().contains("28 November 2026"));
      XWPFParagraph brief = paragraph(doc, "Companies assess conflict risks before");
      assertTrue(brief.getRuns().get(0).isBold());
      assertEquals("In brief: ", brief.getRuns().get(0).text());
    }
  }

  @Test
  void lists_use_word_numbering_with_levels_and_each_list_restarts() throws IOException {
    try (XWPFDocument doc = read(DocxExport.render(content(), 1, AT))) {
      XWPFParagraph bullet = paragraph(doc, "first bullet");
      XWPFParagraph step = paragraph(doc, "First step");
      XWPFParagraph nested = paragraph(doc, "a nested step");
      assertNotNull(bullet.getNumID());
      assertEquals("bullet", bullet.getNumFmt());
      assertEquals(bullet.getNumID(), paragraph(doc, "second bullet").getNumID());
      assertEquals("decimal", step.getNumFmt());
      assertEquals(BigInteger.ZERO, step.getNumIlvl());
      assertEquals(BigInteger.ONE, nested.getNumIlvl());
      assertEquals("lowerLetter", nested.getNumFmt());
      assertEquals(step.getNumID(), paragraph(doc, "Second step").getNumID());
      // Another list (in the next section) starts again at 1.
      XWPFParagraph only = paragraph(doc, "Only");
      assertNotEquals(step.getNumID(), only.getNumID());
      assertEquals(BigInteger.ONE, only.getNumStartOverride());
    }
  }

  @Test
  void a_tables_header_row_repeats_and_alignment_is_kept() throws IOException {
    try (XWPFDocument doc = read(DocxExport.render(content(), 1, AT))) {
      XWPFTable table = doc.getTables().get(0);
      assertEquals("Country", table.getRow(0).getCell(0).getText());
      assertTrue(table.getRow(0).isRepeatHeader());
      assertFalse(table.getRow(1).isRepeatHeader());
      assertEquals("Chile", table.getRow(2).getCell(0).getText());
      assertEquals(
          org.apache.poi.xwpf.usermodel.ParagraphAlignment.RIGHT,
          table.getRow(1).getCell(1).getParagraphs().get(0).getAlignment());
      // The endorsements annex: a header, one row per group with a stance, the totals.
      XWPFTable tally = doc.getTables().get(1);
      assertEquals(4, tally.getNumberOfRows());
      assertTrue(tally.getRow(0).isRepeatHeader());
      assertEquals("Total", tally.getRow(3).getCell(0).getText());
      assertEquals("3", tally.getRow(3).getCell(4).getText());
      assertEquals("Peace Lab", doc.getTables().get(2).getRow(1).getCell(0).getText());
    }
  }

  @Test
  void footnotes_are_word_footnotes_referred_to_from_the_text() throws IOException {
    try (XWPFDocument doc = read(DocxExport.render(content(), 1, AT))) {
      XWPFParagraph p = paragraph(doc, "Companies should");
      CTFtnEdnRef ref =
          p.getRuns().stream()
              .flatMap(r -> r.getCTR().getFootnoteReferenceList().stream())
              .findFirst()
              .orElseThrow();
      XWPFFootnote note = doc.getFootnoteByID(ref.getId().intValue());
      assertNotNull(note);
      assertTrue(
          note.getParagraphs().get(0).getText().contains("UN Guiding Principles on Business"),
          note.getParagraphs().get(0).getText());
      assertTrue(doc.getFootnotes().stream().anyMatch(n -> text(n).contains("Another note.")));
    }
  }

  @Test
  void only_web_and_mail_links_become_hyperlinks_to_their_url() throws IOException {
    try (XWPFDocument doc = read(DocxExport.render(content(), 1, AT))) {
      XWPFParagraph p = paragraph(doc, "the guidance");
      List<XWPFHyperlinkRun> links =
          p.getRuns().stream()
              .filter(XWPFHyperlinkRun.class::isInstance)
              .map(XWPFHyperlinkRun.class::cast)
              .toList();
      assertEquals(1, links.size());
      assertEquals("the guidance", links.get(0).text());
      assertEquals("https://www.example.org/guidance", links.get(0).getHyperlink(doc).getURL());
      assertTrue(p.getText().contains("click"));
      XWPFRun struck = p.getRuns().stream().filter(r -> "old".equals(r.text())).findFirst().get();
      assertTrue(struck.isStrikeThrough());
    }
  }

  @Test
  void arabic_is_right_to_left_and_every_script_comes_back_unchanged() throws IOException {
    try (XWPFDocument doc = read(DocxExport.render(content(), 1, AT))) {
      XWPFParagraph arabic = paragraph(doc, ARABIC);
      assertTrue(arabic.getCTPPr().isSetBidi());
      assertTrue(arabic.getRuns().get(0).getCTR().getRPr().sizeOfRtlArray() > 0);
      assertEquals(ARABIC, arabic.getText());
      assertFalse(paragraph(doc, RUSSIAN).getCTPPr().isSetBidi());
      assertEquals(CHINESE, paragraph(doc, CHINESE).getText());
      assertEquals(RUSSIAN, paragraph(doc, RUSSIAN).getText());
    }
  }

  @Test
  void the_same_content_gives_the_same_bytes_with_the_editions_dates() throws Exception {
    byte[] first = DocxExport.render(content(), 1, AT);
    Thread.sleep(1100); // POI would stamp a later second into the package if it could
    byte[] second = DocxExport.render(content(), 1, AT);
    assertArrayEquals(first, second);
    try (XWPFDocument doc = read(first)) {
      var core = doc.getProperties().getCoreProperties();
      assertEquals(Date.from(AT), core.getCreated());
      assertEquals(Date.from(AT), core.getModified());
      assertEquals("Conflict sensitivity", core.getTitle());
      assertEquals("Peace Lab", core.getCreator());
      assertEquals("conflict, technology", core.getKeywords());
      assertEquals("White paper: A white paper", core.getSubject());
    }
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(first))) {
      ZipEntry e = in.getNextEntry();
      assertEquals("[Content_Types].xml", e.getName());
      for (; e != null; e = in.getNextEntry()) {
        assertEquals(1980, e.getTimeLocal().getYear(), e.getName());
      }
    }
  }

  private static String text(XWPFFootnote note) {
    StringBuilder s = new StringBuilder();
    note.getParagraphs().forEach(p -> s.append(p.getText()));
    return s.toString();
  }
}
