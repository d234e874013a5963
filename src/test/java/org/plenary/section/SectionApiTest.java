package org.plenary.section;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;

@QuarkusTest
class SectionApiTest {

  @Test
  void sections_are_appended_in_order_with_their_first_revision() {
    CreatedPaper paper = Fixture.paper().withSection("One", "a").withSection("Two", "b").create();
    given()
        .get(paper.path() + "/sections")
        .then()
        .statusCode(200)
        .body("heading", contains("One", "Two"))
        .body("position", contains(0, 1))
        .body("currentRevision", contains(1, 1))
        .body("kind", contains("NARRATIVE", "NARRATIVE"));
    given()
        .get(paper.sectionPath(1) + "/content")
        .then()
        .statusCode(200)
        .body("body", equalTo("b"));
  }

  @Test
  void a_section_can_be_inserted_at_a_position() {
    CreatedPaper paper = Fixture.paper().withSection("One", "").withSection("Three", "").create();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("heading", "Two", "position", 1))
        .post(paper.path() + "/sections")
        .then()
        .statusCode(201)
        .header("Location", containsString("/sections/"))
        .body("position", equalTo(1));
    given().get(paper.path() + "/sections").then().body("heading", contains("One", "Two", "Three"));
  }

  @Test
  void moving_a_section_reorders_the_outline() {
    CreatedPaper paper =
        Fixture.paper().withSection("A", "").withSection("B", "").withSection("C", "").create();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("position", 0))
        .post(paper.sectionPath(2) + "/move")
        .then()
        .statusCode(200)
        .body("position", equalTo(0));
    given().get(paper.path() + "/sections").then().body("heading", contains("C", "A", "B"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("position", 99))
        .post(paper.sectionPath(2) + "/move")
        .then()
        .statusCode(200)
        .body("position", equalTo(2));
    given().get(paper.path() + "/sections").then().body("heading", contains("A", "B", "C"));
  }

  @Test
  void a_deleted_section_leaves_the_outline_and_is_restored_to_its_place() {
    CreatedPaper paper =
        Fixture.paper()
            .withSection("A", "")
            .withSection("B", "keep me")
            .withSection("C", "")
            .create();
    given()
        .delete(paper.sectionPath(1))
        .then()
        .statusCode(200)
        .body("deleted", equalTo(true))
        .body("position", nullValue());
    given().get(paper.path() + "/sections").then().body("heading", contains("A", "C"));
    given()
        .queryParam("deleted", true)
        .get(paper.path() + "/sections")
        .then()
        .body("heading", contains("A", "B", "C"));
    given()
        .post(paper.sectionPath(1) + "/restore")
        .then()
        .statusCode(200)
        .body("position", equalTo(1));
    given().get(paper.path() + "/sections").then().body("heading", contains("A", "B", "C"));
    given().get(paper.sectionPath(1) + "/content").then().body("body", equalTo("keep me"));
  }

  @Test
  void a_deleted_section_cannot_be_saved_until_restored() {
    CreatedPaper paper = Fixture.paper().withSection("A", "text").create();
    String etag = Fixture.etagOf(paper.sectionPath(0));
    given().delete(paper.sectionPath(0)).then().statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(Map.of("body", "new"))
        .put(paper.sectionPath(0) + "/content")
        .then()
        .statusCode(409)
        .body("detail", containsString("Restore it first"));
  }

  @Test
  void proposals_are_numbered_by_their_order_in_the_outline() {
    CreatedPaper paper =
        Fixture.paper()
            .withSection("Summary", "")
            .withProposal("First", "")
            .withProposal("Second", "")
            .withSection("Annex", "ANNEX", "")
            .create();
    given()
        .get(paper.path() + "/sections")
        .then()
        .body("proposalNumber", contains(null, 1, 2, null));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("position", 0))
        .post(paper.sectionPath(2) + "/move")
        .then()
        .statusCode(200);
    given()
        .get(paper.path() + "/sections")
        .then()
        .body("heading", contains("Second", "Summary", "First", "Annex"))
        .body("proposalNumber", contains(1, null, 2, null));
    given().delete(paper.sectionPath(2)).then().statusCode(200);
    given().get(paper.path() + "/sections").then().body("proposalNumber", contains(null, 1, null));
  }

  @Test
  void freezing_fixes_proposal_numbers_for_good() {
    CreatedPaper paper =
        Fixture.paper().withProposal("First", "").withProposal("Second", "").create();
    Fixture.changeStatus(paper, "FROZEN").statusCode(200);
    given()
        .get(paper.path() + "/sections")
        .then()
        .body("proposalNumber", contains(1, 2))
        .body("proposalNumberFixed", contains(true, true));
    Fixture.changeStatus(paper, "DRAFTING").statusCode(200);
    // Reordering after a reopening does not renumber fixed proposals; a new one gets the next.
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("position", 0))
        .post(paper.sectionPath(1) + "/move")
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("heading", "Third", "kind", "PROPOSAL", "position", 0))
        .post(paper.path() + "/sections")
        .then()
        .statusCode(201)
        .body("proposalNumber", equalTo(3))
        .body("proposalNumberFixed", equalTo(false));
    given()
        .get(paper.path() + "/sections")
        .then()
        .body("heading", contains("Third", "Second", "First"))
        .body("proposalNumber", contains(3, 2, 1));
  }

  @Test
  void heading_and_kind_can_be_changed() {
    CreatedPaper paper = Fixture.paper().withSection("Old", "").create();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("heading", "New", "kind", "LETTER"))
        .patch(paper.sectionPath(0))
        .then()
        .statusCode(200)
        .body("heading", equalTo("New"))
        .body("kind", equalTo("LETTER"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("kind", "CHAPTER"))
        .patch(paper.sectionPath(0))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("kind"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("heading", ""))
        .patch(paper.sectionPath(0))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("heading"));
  }

  @Test
  void a_section_of_another_paper_is_not_found() {
    CreatedPaper mine = Fixture.paper().withSection("Mine", "").create();
    CreatedPaper other = Fixture.paper().withSection("Other", "secret").create();
    String foreign = mine.path() + "/sections/" + other.section(0);
    given().get(foreign).then().statusCode(404);
    given().get(foreign + "/content").then().statusCode(404);
    given().get(foreign + "/html").then().statusCode(404);
    given().delete(foreign).then().statusCode(404);
  }

  @Test
  void negative_positions_are_refused() {
    CreatedPaper paper = Fixture.paper().withSection("A", "").create();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("position", -1))
        .post(paper.sectionPath(0) + "/move")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("position"));
  }
}
