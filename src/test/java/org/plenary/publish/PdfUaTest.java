package org.plenary.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** The published PDFs checked against PDF/UA-1 (ISO 14289-1) by veraPDF. */
class PdfUaTest {

  @BeforeAll
  static void startVeraPdf() {
    VeraGreenfieldFoundryProvider.initialise();
  }

  @Test
  void the_white_paper_conforms_to_pdf_ua_1() throws Exception {
    assertConforms(AccessiblePdfTest.whitePaper());
  }

  @Test
  void an_arabic_papers_white_paper_conforms_to_pdf_ua_1() throws Exception {
    assertConforms(AccessiblePdfTest.whitePaper("ar"));
  }

  @Test
  void the_submission_conforms_to_pdf_ua_1() throws Exception {
    assertConforms(AccessiblePdfTest.submission());
  }

  private static void assertConforms(byte[] pdf) throws Exception {
    try (PDFAParser parser =
            Foundries.defaultInstance()
                .createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1);
        PDFAValidator validator =
            Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
      ValidationResult result = validator.validate(parser);
      TreeMap<String, String> failed = new TreeMap<>();
      for (TestAssertion a : result.getTestAssertions()) {
        if (a.getStatus() == TestAssertion.Status.FAILED) {
          failed.merge(
              a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber(),
              a.getMessage() + " @ " + a.getLocation().getContext(),
              (x, y) -> x);
        }
      }
      assertEquals(new TreeMap<String, String>(), failed, "PDF/UA-1 rules failed");
      assertTrue(result.isCompliant());
    }
  }
}
