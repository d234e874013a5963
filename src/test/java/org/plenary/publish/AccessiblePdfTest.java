package org.plenary.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
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

/**
 * The published PDFs as a screen reader and a print shop meet them, rendered directly (no server):
 * every font embedded, a structure tree in reading order, list bullets on the text's baseline.
 */
class AccessiblePdfTest {

  static final PublishFonts FONTS =
      PublishFonts.in(
          List.of(
              "/usr/share/fonts/truetype/noto",
              "/usr/share/fonts/truetype/wqy",
              "/usr/share/fonts/truetype/dejavu"));
  static final Instant AT = Instant.parse("2026-11-28T12:00:00Z");

  static final String CONTEXT =
      """
      Companies should **assess** conflict risks.[^1] See [the guidance](https://www.example.org/g).

      ## Who is at risk

      - local peacebuilders
      - researchers who are paid for their time
        - and protected from retaliation

      ### Measures

      1. First step
      2. Second step

      | Country | Score |
      |---------|------:|
      | Kenya | 7 |
      | Peru | 9 |

      Каждый человек имеет право на жизнь, на свободу и на личную неприкосновенность.

      人人有权享有生命、自由和人身安全。

      لكل فرد الحق في الحياة والحرية وسلامة شخصه.

      > Nothing about us without us.

      ```
      risk = likelihood * impact
      ```

      ![A map of the region](https://www.example.org/map.png) and ~~struck~~ words, <b>raw</b>.

      [^1]: UN Guiding Principles on Business and Human Rights, 2011.
      """;

  /** A table long enough to go over a page, so its header row repeats. */
  static final String LONG_TABLE =
      "| Task | Owner |\n|---|---|\n"
          + java.util.stream.IntStream.rangeClosed(1, 70)
              .mapToObj(i -> "| Task " + i + " | Team " + i + " |\n")
              .collect(java.util.stream.Collectors.joining());

  static EditionContent content() {
    return content("en");
  }

  /** The test paper, said to be in {@code language} (its text stays as it is). */
  static EditionContent content(String language) {
    List<SectionPart> sections = new ArrayList<>();
    sections.add(section(1, "Letter", SectionKind.LETTER, null, "We submit these proposals."));
    sections.add(section(2, "Executive summary", SectionKind.NARRATIVE, null, "Two proposals."));
    sections.add(section(3, "Context", SectionKind.NARRATIVE, null, CONTEXT));
    sections.add(
        section(
            4,
            "Due diligence",
            SectionKind.PROPOSAL,
            1,
            "- assess\n- consult\n\n---\n\nBefore entering a market.[^1]\n\n"
                + LONG_TABLE
                + "\n[^1]: OECD, 2011.\n"));
    List<GroupTally> groups = new ArrayList<>();
    for (StakeholderGroup g : StakeholderGroup.values()) {
      groups.add(new GroupTally(g, 1, 0, 0, 1));
    }
    Tally tally = new Tally(groups.size(), groups.size(), 0, 0, 0, groups.size(), false, groups);
    EndorsementPart endorsement =
        new EndorsementPart(
            4L,
            1,
            "Due diligence",
            tally,
            List.of(
                new StancePart(
                    "Sofia Marsh",
                    "JustPeace Labs",
                    StakeholderGroup.values()[0],
                    Stance.ENDORSE,
                    null,
                    null,
                    true)));
    return new EditionContent(
        new PaperPart(
            7,
            "partnering",
            "Partnering for peace",
            "Tech and peace",
            "Two proposals to companies.",
            language,
            "Roundtable on tech and peace",
            List.of("peacebuilding"),
            List.of(new SignatoryPart("Sofia Marsh", "Director", "JustPeace Labs"))),
        sections,
        null,
        List.of(endorsement),
        List.of(new OrganisationPart("JustPeace Labs", StakeholderGroup.values()[0], 1)),
        0);
  }

  private static SectionPart section(
      long id, String heading, SectionKind kind, Integer number, String body) {
    return new SectionPart(
        id, heading, kind, number, 1, "0".repeat(64), number != null ? "In short." : null, body);
  }

  static byte[] whitePaper(String language) {
    return new WhitePaperPdf(FONTS, content(language), 1, AT).render();
  }

  static byte[] whitePaper() {
    return keep("white-paper", new WhitePaperPdf(FONTS, content(), 1, AT).render());
  }

  static byte[] submission() {
    return keep("submission", new SubmissionPdf(FONTS, content(), 1, AT).render());
  }

  /** Leaves the file in target/ for a look with poppler or a PDF/UA checker. */
  private static byte[] keep(String name, byte[] pdf) {
    try {
      Path dir = Path.of("target", "accessible-pdf");
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".pdf"), pdf);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return pdf;
  }

  // ---- Lists ----------------------------------------------------------------------------------

  @Test
  void list_markers_sit_on_the_baseline_of_their_items_first_line() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(whitePaper())) {
      List<TextPosition> glyphs = new ArrayList<>();
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
              glyphs.addAll(positions);
            }
          };
      stripper.getText(pdf);
      int checked = 0;
      for (String[] item :
          List.of(
              new String[] {"•", "l"}, // local peacebuilders
              new String[] {"–", "a"}, // and protected from retaliation (nested)
              new String[] {"1", "F"}, // 1. First step
              new String[] {"2", "S"})) {
        TextPosition marker = null;
        for (int i = 0; i < glyphs.size(); i++) {
          TextPosition g = glyphs.get(i);
          if (g.getUnicode().equals(item[0]) && marker == null && follows(glyphs, i, item[1])) {
            marker = g;
          }
        }
        assertNotNull(marker, "marker " + item[0] + " found");
        TextPosition text = next(glyphs, marker, item[1]);
        assertEquals(
            text.getYDirAdj(),
            marker.getYDirAdj(),
            0.5,
            "the marker " + item[0] + " and its text share a baseline");
        checked++;
      }
      assertEquals(4, checked);
    }
  }

  /** Whether a glyph {@code first} comes soon after glyph {@code i}, right of it. */
  private static boolean follows(List<TextPosition> glyphs, int i, String first) {
    return next(glyphs, glyphs.get(i), first) != null;
  }

  private static TextPosition next(List<TextPosition> glyphs, TextPosition marker, String first) {
    for (TextPosition g : glyphs) {
      if (g.getUnicode().equals(first)
          && g.getXDirAdj() > marker.getXDirAdj()
          && g.getXDirAdj() - marker.getXDirAdj() < 30
          && Math.abs(g.getYDirAdj() - marker.getYDirAdj()) < 8
          && g.getPageHeight() == marker.getPageHeight()) {
        return g;
      }
    }
    return null;
  }

  // ---- Fonts ----------------------------------------------------------------------------------

  @Test
  void every_font_of_the_white_paper_and_the_submission_is_embedded() throws IOException {
    for (byte[] bytes : List.of(whitePaper(), submission())) {
      try (PDDocument pdf = Loader.loadPDF(bytes)) {
        List<String> notEmbedded = new ArrayList<>();
        Set<COSBase> seen = new HashSet<>();
        int fonts = 0;
        for (PDPage page : pdf.getPages()) {
          fonts += fonts(page.getResources(), notEmbedded, seen);
          for (PDAnnotation a : page.getAnnotations()) {
            if (a.getAppearance() != null && a.getAppearance().getNormalAppearance() != null) {
              var normal = a.getAppearance().getNormalAppearance();
              if (normal.isStream()) {
                PDAppearanceStream s = normal.getAppearanceStream();
                fonts += fonts(s.getResources(), notEmbedded, seen);
              }
            }
          }
        }
        assertTrue(fonts > 3, "fonts were found: " + fonts);
        assertEquals(List.of(), notEmbedded, "fonts not embedded");
      }
    }
  }

  /** Counts the fonts of {@code resources} and of its form XObjects; names those not embedded. */
  private static int fonts(PDResources resources, List<String> notEmbedded, Set<COSBase> seen)
      throws IOException {
    if (resources == null || !seen.add(resources.getCOSObject())) {
      return 0;
    }
    int n = 0;
    for (COSName name : resources.getFontNames()) {
      PDFont font = resources.getFont(name);
      n++;
      boolean embedded =
          font instanceof PDType3Font
              || (font instanceof PDType0Font t0
                  ? t0.getDescendantFont().getFontDescriptor() != null
                      && t0.getDescendantFont().isEmbedded()
                  : font.isEmbedded());
      if (!embedded) {
        notEmbedded.add(font.getName());
      }
    }
    for (COSName name : resources.getXObjectNames()) {
      PDXObject x = resources.getXObject(name);
      if (x instanceof PDFormXObject form) {
        n += fonts(form.getResources(), notEmbedded, seen);
      }
    }
    return n;
  }
}
