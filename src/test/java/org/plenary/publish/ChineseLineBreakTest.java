package org.plenary.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.plenary.publish.EditionContent.SectionPart;

/**
 * Chinese is broken into lines by its rules (GB/T 15834, as in JIS X 4051 kinsoku): no line starts
 * with a closing punctuation mark such as a full-width comma, and none ends with an opening one.
 */
class ChineseLineBreakTest {

  /** Closing marks that must not start a line. */
  static final String NO_LINE_START = CjkLineBreaks.NO_LINE_START;

  /** Opening marks that must not end a line. */
  static final String NO_LINE_END = CjkLineBreaks.NO_LINE_END;

  @Test
  void no_line_of_a_chinese_paragraph_starts_with_a_closing_mark_or_ends_with_an_opening_one()
      throws Exception {
    // Clauses of every length from 3 to 17 characters, so that over many lines each kind of mark
    // falls where a line would otherwise break before it.
    StringBuilder text = new StringBuilder();
    String hanzi = "人人有权享有生命自由和人身安全社区和平发展技术平台数据问责";
    String[] marks = {"，", "。", "、", "；", "：", "？", "！", "）", "」", "》"};
    for (int i = 0; i < 400; i++) {
      int n = 3 + i % 15;
      if (i % 7 == 0) {
        text.append(i % 2 == 0 ? "（" : "《");
      }
      for (int k = 0; k < n; k++) {
        text.append(hanzi.charAt((i * 7 + k) % hanzi.length()));
      }
      text.append(marks[i % marks.length]);
    }
    EditionContent paper = AccessiblePdfTest.content("zh");
    List<SectionPart> sections = new ArrayList<>(paper.sections());
    SectionPart s = sections.get(2);
    sections.set(
        2,
        new SectionPart(s.id(), s.heading(), s.kind(), null, 1, s.sha256(), null, text.toString()));
    EditionContent content =
        new EditionContent(
            paper.paper(),
            sections,
            paper.paperEndorsements(),
            paper.proposalEndorsements(),
            paper.organisations(),
            0);
    byte[] pdf =
        new WhitePaperPdf(AccessiblePdfTest.FONTS, content, 1, AccessiblePdfTest.AT).render();
    List<String> lines = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (String line : new PDFTextStripper().getText(doc).split("\\R")) {
        if (line.chars().filter(c -> hanzi.indexOf(c) >= 0).count() > 5) {
          lines.add(line.strip());
        }
      }
    }
    assertTrue(lines.size() > 40, "the paragraph should fill many lines: " + lines.size());
    List<String> wrong = new ArrayList<>();
    for (String line : lines) {
      if (NO_LINE_START.indexOf(line.charAt(0)) >= 0
          || NO_LINE_END.indexOf(line.charAt(line.length() - 1)) >= 0) {
        wrong.add(line);
      }
    }
    assertEquals(List.of(), wrong, "lines that break a rule");
  }
}
