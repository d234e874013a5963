package org.plenary.importing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRunTrackChange;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;

@QuarkusTest
class ImportApiTest {

  static final String DRAFT = ImportFixtures.resource("workshop-draft.md");
  static final List<String> HEADINGS =
      List.of("workshop-draft", "Context", "Proposals", "Voices from the room");

  /**
   * Uploads without Quarkus's "log the request when a check fails": RestAssured would print the
   * file's bytes as a list of numbers, a gigabyte for the 20 MiB one.
   */
  static ValidatableResponse post(String path, String filename, byte[] file) {
    return given()
        .config(
            io.restassured.RestAssured.config()
                .logConfig(io.restassured.config.LogConfig.logConfig()))
        .contentType("application/octet-stream")
        .body(file)
        .post(path + (path.contains("?") ? "&" : "?") + "filename=" + filename)
        .then();
  }

  static List<String> outline(CreatedPaper paper) {
    return given().get(paper.path() + "/sections").then().extract().jsonPath().getList("heading");
  }

  /** Every section's heading and text of the paper, as one Markdown text. */
  static String allText(CreatedPaper paper) {
    JsonPath outline = given().get(paper.path() + "/sections").then().extract().jsonPath();
    StringBuilder all = new StringBuilder();
    List<Integer> ids = outline.getList("id", Integer.class);
    List<String> headings = outline.getList("heading");
    for (int i = 0; i < ids.size(); i++) {
      String body =
          given()
              .get(paper.path() + "/sections/" + ids.get(i) + "/content")
              .then()
              .extract()
              .path("body");
      all.append(headings.get(i)).append("\n\n").append(body).append("\n\n");
    }
    return all.toString();
  }

  @Test
  void a_markdown_file_becomes_one_section_per_heading_with_its_own_text() {
    CreatedPaper paper = Fixture.paper().create();
    post(paper.path() + "/imports/preview", "workshop-draft.md", DRAFT.getBytes())
        .statusCode(200)
        .body("format", equalTo("MARKDOWN"))
        .body("sections.heading", contains(HEADINGS.toArray()))
        .body("notes.kind", hasItem("TEXT_BEFORE_FIRST_HEADING"));
    assertEquals(List.of(), outline(paper), "a preview stores nothing");

    post(paper.path() + "/imports", "workshop-draft.md", DRAFT.getBytes())
        .statusCode(201)
        .body("sections.heading", contains(HEADINGS.toArray()))
        .body("sections.currentRevision", contains(1, 1, 1, 1));
    assertEquals(HEADINGS, outline(paper));
    String context =
        given().get(paper.path() + "/sections").then().extract().path("[1].id").toString();
    String body =
        given()
            .get(paper.path() + "/sections/" + context + "/content")
            .then()
            .extract()
            .path("body");
    assertTrue(body.contains("## What we heard"), body);
    assertTrue(body.contains("**uneven** and *often intermittent*"), body);
    assertTrue(
        body.contains("[^cost]: In several countries a gigabyte costs more than a day's income."),
        "the footnote goes with the section that cites it: " + body);
    given()
        .get(paper.path() + "/sections/" + context + "/revisions")
        .then()
        .body("items[0].summary", equalTo("Imported from workshop-draft.md"));
    assertEquals(
        ImportFixtures.words(DRAFT + "\n" + "workshop-draft"),
        ImportFixtures.words(allText(paper)));
  }

  @Test
  void the_preview_counts_words_as_plenary_does_elsewhere_not_list_marks_or_table_rules() {
    CreatedPaper paper = Fixture.paper().create();
    String md = "# Points\n\n- one\n- two\n\n| x | y |\n| --- | --- |\n| 1 | 2 |\n";
    post(paper.path() + "/imports/preview", "points.md", md.getBytes())
        .statusCode(200)
        .body("sections[0].words", equalTo(6));
  }

  @Test
  void a_docx_made_by_pandoc_keeps_every_word_and_its_structure() {
    CreatedPaper paper = Fixture.paper().create();
    byte[] docx = ImportFixtures.pandoc(DRAFT, "docx");
    post(paper.path() + "/imports", "workshop-draft.docx", docx)
        .statusCode(201)
        .body("sections.heading", contains(HEADINGS.toArray()));
    String all = allText(paper);
    assertEquals(ImportFixtures.words(DRAFT + "\n workshop-draft"), ImportFixtures.words(all));
    for (String kept :
        List.of(
            "**uneven**",
            "*often intermittent*",
            "~~stable~~",
            "## What we heard",
            "- Community networks work",
            "  - Local ownership",
            "1. Open spectrum",
            "3. Publish procurement",
            "| Stakeholder group | Position |",
            "[ITU facts and figures](https://www.itu.int/itu-d/reports/statistics/)",
            "> Nous voulons",
            "[^1]: In several countries")) {
      assertTrue(all.contains(kept), kept + " in:\n" + all);
    }
  }

  @Test
  void an_odt_made_by_pandoc_is_read_through_libreoffice_and_keeps_every_word() {
    CreatedPaper paper = Fixture.paper().create();
    byte[] odt = ImportFixtures.pandoc(DRAFT, "odt");
    post(paper.path() + "/imports/preview", "workshop-draft.odt", odt)
        .statusCode(200)
        .body("format", equalTo("ODT"));
    post(paper.path() + "/imports", "workshop-draft.odt", odt)
        .statusCode(201)
        .body("sections.heading", contains(HEADINGS.toArray()));
    String all = allText(paper);
    assertEquals(ImportFixtures.words(DRAFT + "\n workshop-draft"), ImportFixtures.words(all));
    assertTrue(all.contains("**uneven**") && all.contains("| Civil society |"), all);
    assertTrue(all.contains("> Nous voulons"), "LibreOffice's Quotations style is a quote: " + all);
  }

  @Test
  void a_docx_saved_by_libreoffice_keeps_every_word() {
    CreatedPaper paper = Fixture.paper().create();
    byte[] docx = ImportFixtures.libreOfficeDocx(ImportFixtures.pandoc(DRAFT, "odt"), "odt");
    post(paper.path() + "/imports", "saved-by-libreoffice.docx", docx)
        .statusCode(201)
        .body(
            "sections.heading",
            contains("saved-by-libreoffice", "Context", "Proposals", "Voices from the room"));
    assertEquals(
        ImportFixtures.words(DRAFT + "\n saved by libreoffice"),
        ImportFixtures.words(allText(paper)));
  }

  @Test
  void images_and_word_comments_are_left_out_and_named_in_the_report() throws Exception {
    CreatedPaper paper = Fixture.paper().create();
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(
        new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "png",
        png);
    String markdown =
        "# Findings\n\n![Map of community networks in the Sahel](map.png)\n\n"
            + "[Check this figure]{.comment-start id=\"0\" author=\"Amina\"}Coverage"
            + " grew[]{.comment-end id=\"0\"} in 2025.\n";
    byte[] docx =
        ImportFixtures.pandoc(markdown, "docx", java.util.Map.of("map.png", png.toByteArray()));
    post(paper.path() + "/imports/preview", "findings.docx", docx)
        .statusCode(200)
        .body("sections.heading", contains("Findings"))
        .body("sections[0].body", containsString("Coverage grew in 2025."))
        .body("notes.kind", hasItem("IMAGE"))
        .body(
            "notes.find { it.kind == 'IMAGE' }.detail", containsString("Map of community networks"))
        .body("notes.kind", hasItem("COMMENT"));
  }

  @Test
  void cutting_at_the_second_level_makes_subheadings_sections_too() {
    CreatedPaper paper = Fixture.paper().create();
    post(paper.path() + "/imports?level=2", "workshop-draft.md", DRAFT.getBytes())
        .statusCode(201)
        .body(
            "sections.heading",
            contains(
                "workshop-draft", "Context", "What we heard", "Proposals", "Voices from the room"));
  }

  /** A DOCX as Word writes one: a Title, Heading 1 by style name, and a tracked change. */
  static byte[] wordDocument() {
    XWPFDocument doc = new XWPFDocument();
    XWPFStyles styles = doc.createStyles();
    for (String[] s : new String[][] {{"Title", "Title"}, {"Heading1", "heading 1"}}) {
      CTStyle style = CTStyle.Factory.newInstance();
      style.setStyleId(s[0]);
      style.addNewName().setVal(s[1]);
      style.setType(STStyleType.PARAGRAPH);
      styles.addStyle(new XWPFStyle(style, styles));
    }
    XWPFParagraph title = doc.createParagraph();
    title.setStyle("Title");
    title.createRun().setText("Roundtable on Digital Cooperation");
    XWPFParagraph heading = doc.createParagraph();
    heading.setStyle("Heading1");
    heading.createRun().setText("Findings & next steps");
    XWPFParagraph p = doc.createParagraph();
    p.createRun().setText("Groups agreed on ");
    CTP xml = p.getCTP();
    CTRunTrackChange ins = xml.addNewIns();
    ins.setId(BigInteger.ONE);
    ins.setAuthor("Amina");
    ins.addNewR().addNewT().setStringValue("three");
    CTRunTrackChange del = xml.addNewDel();
    del.setId(BigInteger.TWO);
    del.setAuthor("Amina");
    del.addNewR().addNewDelText().setStringValue("two");
    xml.addNewR().addNewT().setStringValue(" priorities: *not* emphasis, [not] a link.");
    return ImportFixtures.bytes(doc);
  }

  @Test
  void a_list_made_by_its_paragraph_style_stays_a_list() {
    XWPFDocument doc = new XWPFDocument();
    org.apache.poi.xwpf.usermodel.XWPFNumbering numbering = doc.createNumbering();
    var abstractNum =
        org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum.Factory.newInstance();
    abstractNum.setAbstractNumId(BigInteger.ZERO);
    var lvl = abstractNum.addNewLvl();
    lvl.setIlvl(BigInteger.ZERO);
    lvl.addNewNumFmt()
        .setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat.BULLET);
    lvl.addNewLvlText().setVal("•");
    BigInteger numId =
        numbering.addNum(
            numbering.addAbstractNum(
                new org.apache.poi.xwpf.usermodel.XWPFAbstractNum(abstractNum)));
    XWPFStyles styles = doc.createStyles();
    CTStyle style = CTStyle.Factory.newInstance();
    style.setStyleId("ListBullet");
    style.addNewName().setVal("List Bullet");
    style.setType(STStyleType.PARAGRAPH);
    style.addNewPPr().addNewNumPr().addNewNumId().setVal(numId);
    styles.addStyle(new XWPFStyle(style, styles));
    for (String point : List.of("First point", "Second point")) {
      XWPFParagraph p = doc.createParagraph();
      p.setStyle("ListBullet");
      p.createRun().setText(point);
    }
    CreatedPaper paper = Fixture.paper().create();
    post(paper.path() + "/imports/preview", "points.docx", ImportFixtures.bytes(doc))
        .statusCode(200)
        .body("sections[0].body", equalTo("- First point\n- Second point\n"));
  }

  @Test
  void a_word_document_makes_a_new_paper_titled_as_the_document_with_changes_accepted() {
    JsonPath result =
        post("/api/papers/imports", "roundtable.docx", wordDocument())
            .statusCode(201)
            .body("paper.title", equalTo("Roundtable on Digital Cooperation"))
            .body("sections.heading", contains("Findings & next steps"))
            .body("notes.kind", contains("TRACKED_CHANGES"))
            .extract()
            .jsonPath();
    long paperId = result.getLong("paper.id");
    long sectionId = result.getLong("sections[0].id");
    String body =
        given()
            .get("/api/papers/" + paperId + "/sections/" + sectionId + "/content")
            .then()
            .extract()
            .path("body");
    assertEquals(
        "Groups agreed on three priorities: \\*not\\* emphasis, \\[not\\] a link.\n", body);
    given()
        .get("/api/papers/" + paperId + "/sections/" + sectionId + "/html")
        .then()
        .body(containsString("Groups agreed on three priorities: *not* emphasis, [not] a link."));
  }

  @Test
  void a_title_with_markdown_characters_keeps_them() {
    XWPFDocument doc = new XWPFDocument();
    XWPFStyles styles = doc.createStyles();
    CTStyle style = CTStyle.Factory.newInstance();
    style.setStyleId("Title");
    style.addNewName().setVal("Title");
    style.setType(STStyleType.PARAGRAPH);
    styles.addStyle(new XWPFStyle(style, styles));
    XWPFParagraph title = doc.createParagraph();
    title.setStyle("Title");
    title.createRun().setText("Access for *all* ~ 5*3 [draft]");
    doc.createParagraph().createRun().setText("Text.");
    post("/api/papers/imports/preview", "t.docx", ImportFixtures.bytes(doc))
        .statusCode(200)
        .body("title", equalTo("Access for *all* ~ 5*3 [draft]"));
  }

  @Test
  void importing_into_a_paper_keeps_the_documents_title_as_the_first_line() {
    CreatedPaper paper = Fixture.paper().withSection("Existing", "Kept.").create();
    post(paper.path() + "/imports?position=0", "roundtable.docx", wordDocument())
        .statusCode(201)
        .body("sections[0].position", equalTo(0));
    assertEquals(List.of("Findings & next steps", "Existing"), outline(paper));
    assertTrue(allText(paper).contains("Roundtable on Digital Cooperation"));
  }

  @Test
  void a_contributor_or_observer_cannot_import_and_nothing_is_stored() {
    CreatedPaper paper = Fixture.paper().withSection("Existing", "Kept.").create();
    for (String role : List.of("CONTRIBUTOR", "OBSERVER")) {
      Personas.member(paper, role)
          .as()
          .contentType("application/octet-stream")
          .body(DRAFT.getBytes())
          .post(paper.path() + "/imports?filename=x.md")
          .then()
          .statusCode(403);
    }
    assertEquals(List.of("Existing"), outline(paper));
  }

  @Test
  void a_frozen_paper_refuses_an_import() {
    CreatedPaper paper = Fixture.paper().withSection("Existing", "Kept.").create();
    Fixture.changeStatus(paper, "FROZEN").statusCode(200);
    post(paper.path() + "/imports", "x.md", DRAFT.getBytes())
        .statusCode(409)
        .contentType("application/problem+json");
    assertEquals(List.of("Existing"), outline(paper));
  }

  // ---- Bad input: refused with problem+json naming what is wrong, nothing stored -------------

  static void refused(byte[] file, int status, String field, String says) {
    CreatedPaper paper = Fixture.paper().withSection("Existing", "Kept.").create();
    for (String path : List.of(paper.path() + "/imports/preview", paper.path() + "/imports")) {
      post(path, "file.docx", file)
          .statusCode(status)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(field))
          .body("errors[0].message", containsString(says))
          .body(not(containsString("Exception")));
    }
    assertEquals(List.of("Existing"), outline(paper), "nothing stored");
  }

  @Test
  void an_empty_body_is_refused() {
    refused(new byte[0], 422, "file", "is empty");
  }

  @Test
  void a_pdf_named_docx_is_refused_by_its_content() {
    refused("%PDF-1.7\n1 0 obj\n".getBytes(), 422, "file", "is a PDF");
  }

  @Test
  void binary_that_is_no_document_is_refused() {
    refused(new byte[] {1, 2, 3, 0, (byte) 0xFE, 7}, 422, "file", "neither a DOCX");
  }

  @Test
  void a_zip_that_is_no_office_document_is_refused() {
    refused(ImportFixtures.zip("notes.txt", "hello"), 422, "file", "not a Word (DOCX) or ODT");
  }

  @Test
  void a_macro_enabled_document_is_refused() {
    byte[] docm =
        ImportFixtures.zip(
            "[Content_Types].xml",
            ImportFixtures.contentTypes("application/vnd.ms-word.document.macroEnabled.main+xml"),
            "word/document.xml",
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>",
            "word/vbaProject.bin",
            "macro");
    refused(docm, 422, "file", "macro-enabled");
  }

  @Test
  void an_encrypted_document_is_refused() {
    refused(ImportFixtures.encrypted(wordDocument()), 422, "file", "encrypted");
  }

  @Test
  void a_zip_bomb_is_refused() {
    refused(ImportFixtures.zipBomb(300), 422, "file", "zip bomb");
  }

  @Test
  void a_document_with_an_external_entity_is_refused() {
    byte[] xxe =
        ImportFixtures.zip(
            "[Content_Types].xml",
            ImportFixtures.contentTypes(ImportFixtures.DOCX_MAIN),
            "word/document.xml",
            "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY x SYSTEM"
                + " \"file:///etc/passwd\">]><w:document"
                + " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>");
    refused(xxe, 422, "file", "external entities");
  }

  @Test
  void a_file_over_twenty_mebibytes_is_refused_before_it_is_read() {
    CreatedPaper paper = Fixture.paper().create();
    post(paper.path() + "/imports", "big.md", new byte[20 * 1024 * 1024 + 1])
        .statusCode(413)
        .contentType("application/problem+json")
        .body("detail", containsString("20 MiB"));
    assertEquals(List.of(), outline(paper));
  }

  @Test
  void a_heading_level_outside_one_to_six_and_a_missing_name_are_refused() {
    CreatedPaper paper = Fixture.paper().create();
    post(paper.path() + "/imports?level=7", "x.md", DRAFT.getBytes())
        .statusCode(422)
        .body("errors[0].field", equalTo("level"));
    given()
        .contentType("application/octet-stream")
        .body(DRAFT.getBytes())
        .post(paper.path() + "/imports")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("filename"));
    assertEquals(List.of(), outline(paper));
  }

  @Test
  void a_section_over_the_limit_is_refused_naming_the_level_and_nothing_is_stored() {
    CreatedPaper paper = Fixture.paper().create();
    List<String> lines = new ArrayList<>(List.of("# Huge"));
    String paragraph = "word ".repeat(2000);
    for (int i = 0; i < 120; i++) {
      lines.add(paragraph);
    }
    lines.add("# Small");
    lines.add("text");
    post(paper.path() + "/imports", "huge.md", String.join("\n\n", lines).getBytes())
        .statusCode(413)
        .body("errors[0].field", equalTo("level"))
        .body("errors[0].message", containsString("\"Huge\""));
    assertEquals(List.of(), outline(paper));
  }
}
