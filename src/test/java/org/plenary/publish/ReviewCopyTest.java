package org.plenary.publish;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBookmark;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;

@QuarkusTest
class ReviewCopyTest {

  static XWPFDocument open(byte[] docx) throws Exception {
    return new XWPFDocument(new ByteArrayInputStream(docx));
  }

  static List<String> bookmarks(XWPFDocument doc) {
    List<String> names = new ArrayList<>();
    for (XWPFParagraph p : doc.getParagraphs()) {
      for (CTBookmark b : p.getCTP().getBookmarkStartList()) {
        names.add(b.getName());
      }
    }
    return names;
  }

  @Test
  void the_review_copy_has_track_changes_on_and_each_section_stamped_with_its_revision()
      throws Exception {
    CreatedPaper paper =
        Fixture.paper()
            .withSection("Context", "Connectivity is **uneven**.")
            .withSection("Proposals", "Open spectrum for community networks.")
            .create();
    Fixture.save(paper.sectionPath(1), "Open spectrum for community networks, now.");
    byte[] docx =
        given()
            .get(paper.path() + "/review-copy")
            .then()
            .statusCode(200)
            .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .header("Content-Disposition", containsString("-for-review.docx"))
            .extract()
            .asByteArray();
    try (XWPFDocument doc = open(docx)) {
      assertTrue(doc.isTrackRevisions(), "Track Changes is on when the reviewer opens it");
      var custom = doc.getProperties().getCustomProperties();
      assertEquals(String.valueOf(paper.id()), custom.getProperty("PlenaryPaper").getLpwstr());
      assertEquals(1, custom.getProperty("PlenarySection" + paper.section(0)).getI4());
      assertEquals(2, custom.getProperty("PlenarySection" + paper.section(1)).getI4());
      assertEquals(
          List.of("plenary_s" + paper.section(0) + "_r1", "plenary_s" + paper.section(1) + "_r2"),
          bookmarks(doc));
      String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText();
      assertTrue(text.contains("Connectivity is uneven."), text);
      assertTrue(text.contains("Open spectrum for community networks, now."), text);
    }
  }

  @Test
  void a_review_copy_imported_again_gives_back_the_sections_and_their_text() {
    CreatedPaper paper =
        Fixture.paper()
            .title("Connectivity round trip")
            .withSection(
                "Context",
                "Connectivity is **uneven**, *often* [intermittent](https://example.org).")
            .withSection(
                "Proposals",
                "- Open spectrum\n  - for community networks\n- Fund offline services\n")
            .create();
    byte[] docx = given().get(paper.path() + "/review-copy").then().extract().asByteArray();
    var imported =
        given()
            .contentType("application/octet-stream")
            .body(docx)
            .post("/api/papers/imports?filename=review.docx")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    assertEquals("Connectivity round trip", imported.getString("paper.title"));
    assertEquals(List.of("Context", "Proposals"), imported.getList("sections.heading"));
    long newPaper = imported.getLong("paper.id");
    List<String> bodies = new ArrayList<>();
    for (Object id : imported.getList("sections.id")) {
      bodies.add(
          given()
              .get("/api/papers/" + newPaper + "/sections/" + id + "/content")
              .then()
              .extract()
              .path("body"));
    }
    assertEquals(
        List.of(
            "Connectivity is **uneven**, *often* [intermittent](https://example.org).\n",
            "- Open spectrum\n  - for community networks\n- Fund offline services\n"),
        bodies);
  }

  @Test
  void one_section_alone_and_a_section_of_another_paper_is_not_found() throws Exception {
    CreatedPaper paper =
        Fixture.paper().withSection("Context", "One.").withSection("Proposals", "Two.").create();
    CreatedPaper other = Fixture.paper().withSection("Elsewhere", "Three.").create();
    byte[] docx =
        given()
            .get(paper.path() + "/review-copy?section=" + paper.section(1))
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    try (XWPFDocument doc = open(docx)) {
      assertEquals(List.of("plenary_s" + paper.section(1) + "_r1"), bookmarks(doc));
      assertTrue(
          doc.getProperties().getCustomProperties().getProperty("PlenarySection" + paper.section(0))
              == null);
    }
    given()
        .get(paper.path() + "/review-copy?section=" + other.section(0))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void contributors_and_observers_cannot_take_a_review_copy() {
    CreatedPaper paper = Fixture.paper().withSection("Context", "One.").create();
    for (String role : List.of("CONTRIBUTOR", "OBSERVER")) {
      Personas.member(paper, role).as().get(paper.path() + "/review-copy").then().statusCode(403);
    }
  }
}
