package org.plenary.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/**
 * The published PDFs as a screen reader meets them: the structure tree read back with PDFBox, its
 * elements' text taken from the marked content they own.
 */
class TaggedPdfTest {

  /** A structure element as read back: its type, language, own text and children. */
  record Node(String type, String lang, String text, List<Node> kids) {
    List<Node> all() {
      List<Node> out = new ArrayList<>();
      out.add(this);
      kids.forEach(k -> out.addAll(k.all()));
      return out;
    }

    /** All the text of this element and its descendants, in order. */
    String fullText() {
      StringBuilder s = new StringBuilder(text);
      kids.forEach(k -> s.append(k.fullText()));
      return s.toString();
    }
  }

  @Test
  void the_white_paper_is_marked_tagged_in_the_papers_language() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(AccessiblePdfTest.whitePaper())) {
      var catalog = pdf.getDocumentCatalog();
      assertNotNull(catalog.getMarkInfo(), "MarkInfo");
      assertTrue(catalog.getMarkInfo().isMarked(), "MarkInfo /Marked true");
      assertEquals("en", catalog.getLanguage());
      assertNotNull(catalog.getStructureTreeRoot(), "a structure tree");
      assertTrue(catalog.getViewerPreferences().displayDocTitle());
      String xmp = new String(catalog.getMetadata().toByteArray(), "UTF-8");
      assertTrue(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), xmp);
    }
  }

  @Test
  void every_heading_of_the_white_paper_is_an_h_element_in_reading_order() throws IOException {
    List<String> headings = headings(tree(AccessiblePdfTest.whitePaper()));
    assertEquals(
        List.of(
            "H1 Partnering for peace",
            "H1 Contents",
            "H1 1.  Letter",
            "H1 2.  Executive summary",
            "H1 3.  Context",
            "H2 Who is at risk",
            "H3 Measures",
            "H1 4.  Proposal 1: Due diligence",
            "H1 A.  Endorsements",
            "H2 Proposal 1: Due diligence",
            "H1 B.  Participating organisations"),
        headings);
  }

  @Test
  void the_submissions_headings_are_h_elements_in_reading_order() throws IOException {
    List<String> headings = headings(tree(AccessiblePdfTest.submission()));
    assertTrue(headings.contains("H2 Proposal 1: Due diligence"), headings.toString());
    assertTrue(headings.indexOf("H2 Proposal 1: Due diligence") > 0, headings.toString());
    assertEquals("H1", headings.get(0).substring(0, 2), headings.toString());
  }

  @Test
  void every_table_has_header_cells_for_its_columns() throws IOException {
    for (byte[] bytes : List.of(AccessiblePdfTest.whitePaper(), AccessiblePdfTest.submission())) {
      Node root = tree(bytes);
      List<Node> tables = root.all().stream().filter(n -> n.type().equals("Table")).toList();
      assertFalse(tables.isEmpty(), "tables");
      for (Node t : tables) {
        List<Node> rows = t.kids();
        assertTrue(rows.stream().allMatch(r -> r.type().equals("TR")), "rows: " + rows);
        assertTrue(
            rows.get(0).kids().stream().allMatch(c -> c.type().equals("TH")),
            "the first row is header cells: " + rows.get(0));
        assertTrue(
            rows.subList(1, rows.size()).stream()
                .flatMap(r -> r.kids().stream())
                .allMatch(c -> c.type().equals("TD")),
            "the other rows are data cells");
      }
    }
    Node root = tree(AccessiblePdfTest.whitePaper());
    Node country =
        root.all().stream()
            .filter(n -> n.type().equals("Table") && n.fullText().contains("Kenya"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        List.of("Country", "Score"),
        country.kids().get(0).kids().stream().map(c -> c.fullText().strip()).toList());
  }

  @Test
  void a_header_row_repeated_on_the_next_page_is_read_once() throws IOException {
    byte[] bytes = AccessiblePdfTest.whitePaper();
    Node root = tree(bytes);
    Node steps =
        root.all().stream()
            .filter(n -> n.type().equals("Table") && n.fullText().contains("Team 70"))
            .findFirst()
            .orElseThrow();
    assertEquals(71, steps.kids().size(), "one header row and 70 rows");
    assertEquals("TaskOwner", steps.kids().get(0).fullText().replace(" ", ""));
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      int pagesWithSteps = 0;
      for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
        var stripper = new org.apache.pdfbox.text.PDFTextStripper();
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        if (stripper.getText(pdf).contains("Team ")) {
          pagesWithSteps++;
          assertTrue(stripper.getText(pdf).contains("Owner"), "the header is drawn on page " + p);
        }
      }
      assertTrue(pagesWithSteps >= 2, "the table goes over a page: " + pagesWithSteps);
    }
  }

  @Test
  void lists_are_l_elements_with_a_label_and_a_body_per_item() throws IOException {
    Node root = tree(AccessiblePdfTest.whitePaper());
    Node list =
        root.all().stream()
            .filter(n -> n.type().equals("L") && n.fullText().contains("local peacebuilders"))
            .findFirst()
            .orElseThrow();
    assertEquals(2, list.kids().size(), list.toString());
    for (Node item : list.kids()) {
      assertEquals("LI", item.type());
      assertEquals(List.of("Lbl", "LBody"), item.kids().stream().map(Node::type).toList());
    }
    assertEquals("•", list.kids().get(0).kids().get(0).fullText().strip());
    // The nested list lives in the second item's body.
    assertTrue(
        list.kids().get(1).kids().get(1).all().stream().anyMatch(n -> n.type().equals("L")),
        "nested list");
  }

  @Test
  void text_in_another_script_carries_its_own_language() throws IOException {
    Node root = tree(AccessiblePdfTest.whitePaper());
    Map<String, String> langOf = new HashMap<>();
    for (Node n : root.all()) {
      if (n.type().equals("P") && n.lang() != null) {
        langOf.put(n.fullText().strip().substring(0, 4), n.lang());
      }
    }
    assertEquals("ru", langOf.get("Кажд"), langOf.toString());
    assertEquals("zh", langOf.get("人人有权"), langOf.toString());
    assertTrue(langOf.values().contains("ar"), langOf.toString());
    assertFalse(langOf.containsKey("Comp"), "English text in an English paper has no own language");
  }

  @Test
  void in_an_arabic_paper_latin_text_is_english_and_arabic_text_has_no_language_of_its_own()
      throws IOException {
    Node root = tree(AccessiblePdfTest.whitePaper("ar"));
    Map<String, String> langOf = new HashMap<>();
    for (Node n : root.all()) {
      if (n.type().equals("P") && n.fullText().strip().length() > 4) {
        langOf.put(n.fullText().strip().substring(0, 4), String.valueOf(n.lang()));
      }
    }
    assertEquals("en", langOf.get("Comp"), langOf.toString());
    assertEquals("ru", langOf.get("Кажд"), langOf.toString());
    assertTrue(
        langOf.entrySet().stream()
            .filter(e -> PdfKit.rightToLeft(e.getKey()))
            .allMatch(e -> e.getValue().equals("null")),
        langOf.toString());
  }

  @Test
  void footnotes_are_notes_and_links_are_link_elements_holding_their_annotations()
      throws IOException {
    try (PDDocument pdf = Loader.loadPDF(AccessiblePdfTest.whitePaper())) {
      Node root = tree(pdf);
      assertTrue(
          root.all().stream()
              .anyMatch(n -> n.type().equals("Note") && n.fullText().contains("UN Guiding")),
          "the footnote is a Note");
      int links = 0;
      for (PDPage page : pdf.getPages()) {
        for (PDAnnotation a : page.getAnnotations()) {
          if (a instanceof PDAnnotationLink) {
            links++;
            assertTrue(a.getStructParent() >= 0, "annotation has a StructParent");
            assertNotNull(a.getContents(), "annotation has alternative text");
            var parent =
                pdf.getDocumentCatalog()
                    .getStructureTreeRoot()
                    .getParentTree()
                    .getValue(a.getStructParent());
            assertNotNull(parent, "the parent tree names the annotation's element");
            COSDictionary element =
                (COSDictionary)
                    ((org.apache.pdfbox.pdmodel.common.COSObjectable) parent).getCOSObject();
            assertEquals("Link", element.getNameAsString(COSName.S));
          }
        }
        assertEquals(COSName.S, page.getCOSObject().getCOSName(COSName.getPDFName("Tabs")));
      }
      // The contents' entries (three links each), the web link, two footnote references.
      assertTrue(links > 20, "links: " + links);
    }
  }

  @Test
  void every_glyph_is_in_tagged_content_or_an_artifact() throws IOException {
    for (byte[] bytes : List.of(AccessiblePdfTest.whitePaper(), AccessiblePdfTest.submission())) {
      try (PDDocument pdf = Loader.loadPDF(bytes)) {
        int page = 0;
        for (PDPage p : pdf.getPages()) {
          page++;
          Deque<String> marks = new ArrayDeque<>();
          List<COSBase> operands = new ArrayList<>();
          int shown = 0;
          PDFStreamParser parser = new PDFStreamParser(p);
          for (Object token = parser.parseNextToken();
              token != null;
              token = parser.parseNextToken()) {
            if (!(token instanceof Operator op)) {
              operands.add((COSBase) token);
              continue;
            }
            switch (op.getName()) {
              case "BDC" -> {
                String tag = ((COSName) operands.get(0)).getName();
                boolean mcid =
                    operands.get(1) instanceof COSDictionary d && d.containsKey(COSName.MCID);
                marks.push(tag.equals("Artifact") ? "artifact" : mcid ? "content" : "other");
              }
              case "BMC" -> {
                String tag = ((COSName) operands.get(0)).getName();
                marks.push(tag.equals("Artifact") ? "artifact" : "other");
              }
              case "EMC" -> marks.pop();
              case "Tj", "TJ", "'", "\"" -> {
                shown++;
                assertTrue(
                    marks.contains("content") || marks.contains("artifact"),
                    "text shown outside tagged content on page " + page + ": " + operands);
                assertFalse(
                    marks.stream().filter(m -> m.equals("content")).count() > 1,
                    "tagged content nested in tagged content on page " + page);
              }
              default -> {}
            }
            operands.clear();
          }
          assertTrue(marks.isEmpty(), "balanced marked content on page " + page);
          assertTrue(shown > 0 || page == 0, "page " + page + " shows text");
        }
      }
    }
  }

  // ---- Reading the tree -----------------------------------------------------------------------

  /** The headings of the tree in order, each as its type and text ("H2 Who is at risk"). */
  static List<String> headings(Node root) {
    return root.all().stream()
        .filter(n -> n.type().matches("H[1-6]"))
        .map(n -> n.type() + " " + n.fullText().strip())
        .toList();
  }

  static Node tree(byte[] bytes) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      return tree(pdf);
    }
  }

  /** The structure tree with each element's own text (from the marked content it references). */
  static Node tree(PDDocument pdf) throws IOException {
    Map<PDPage, Map<Integer, String>> texts = new HashMap<>();
    for (PDPage page : pdf.getPages()) {
      PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
      extractor.processPage(page);
      Map<Integer, String> byMcid = new HashMap<>();
      for (PDMarkedContent mc : extractor.getMarkedContents()) {
        collect(mc, byMcid);
      }
      texts.put(page, byMcid);
    }
    return node(pdf.getDocumentCatalog().getStructureTreeRoot(), null, texts);
  }

  private static void collect(PDMarkedContent mc, Map<Integer, String> byMcid) {
    if (mc.getMCID() >= 0) {
      StringBuilder s = new StringBuilder();
      text(mc, s);
      byMcid.merge(mc.getMCID(), s.toString(), String::concat);
    }
    for (Object o : mc.getContents()) {
      if (o instanceof PDMarkedContent inner) {
        collect(inner, byMcid);
      }
    }
  }

  private static void text(PDMarkedContent mc, StringBuilder s) {
    for (Object o : mc.getContents()) {
      if (o instanceof TextPosition t) {
        s.append(t.getUnicode());
      } else if (o instanceof PDMarkedContent inner && inner.getMCID() < 0) {
        text(inner, s);
      }
    }
  }

  private static Node node(
      PDStructureNode n, PDPage inherited, Map<PDPage, Map<Integer, String>> texts) {
    String type = n instanceof PDStructureElement e ? e.getStructureType() : "StructTreeRoot";
    String lang = n instanceof PDStructureElement e ? e.getLanguage() : null;
    PDPage page =
        n instanceof PDStructureElement e && e.getPage() != null ? e.getPage() : inherited;
    StringBuilder text = new StringBuilder();
    List<Node> kids = new ArrayList<>();
    for (Object kid : n.getKids()) {
      if (kid instanceof PDStructureElement e) {
        kids.add(node(e, page, texts));
      } else if (kid instanceof Integer mcid) {
        text.append(texts.getOrDefault(page, Map.of()).getOrDefault(mcid, ""));
      } else if (kid instanceof PDMarkedContentReference ref) {
        PDPage on = ref.getPage() != null ? ref.getPage() : page;
        text.append(texts.getOrDefault(on, Map.of()).getOrDefault(ref.getMCID(), ""));
      } else if (kid instanceof PDObjectReference) {
        // an annotation (a link's), no text of its own
      }
    }
    return new Node(type, lang, text.toString(), kids);
  }
}
