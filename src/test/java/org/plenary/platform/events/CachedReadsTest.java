package org.plenary.platform.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;

/**
 * The outline and rendered text are served from memory until the paper changes. These tests pin
 * what that must never cost: a change is visible to the next read, whatever kind of change it was,
 * and a client that already has the current version gets an empty 304.
 */
@QuarkusTest
class CachedReadsTest {

  @Test
  void the_outline_answers_304_to_its_own_etag_and_200_with_a_new_etag_after_a_save() {
    CreatedPaper paper = Fixture.paper().withSection("A", "one").create();
    String outline = paper.path() + "/sections";
    String etag =
        given()
            .get(outline)
            .then()
            .statusCode(200)
            .header("Cache-Control", "private, no-cache")
            .body("currentRevision", contains(1))
            .extract()
            .header("ETag");

    given()
        .header("If-None-Match", etag)
        .get(outline)
        .then()
        .statusCode(304)
        .header("ETag", etag)
        .body(emptyString());

    Fixture.save(paper.sectionPath(0), "two").then().statusCode(200);

    String after =
        given()
            .header("If-None-Match", etag)
            .get(outline)
            .then()
            .statusCode(200)
            .body("currentRevision", contains(2))
            .extract()
            .header("ETag");
    assertNotEquals(etag, after);
  }

  @Test
  void every_save_is_visible_to_the_very_next_read_of_outline_and_html() {
    CreatedPaper paper = Fixture.paper().withSection("A", "start").create();
    for (int i = 2; i <= 21; i++) {
      Fixture.save(paper.sectionPath(0), "text number " + i).then().statusCode(200);
      given().get(paper.path() + "/sections").then().body("currentRevision", contains(i));
      given()
          .get(paper.sectionPath(0) + "/html")
          .then()
          .body("revision", equalTo(i))
          .body("html", containsString("text number " + i));
      given()
          .get(paper.path() + "/html")
          .then()
          .body("sections[0].html", containsString("text number " + i));
    }
  }

  @Test
  void a_heading_change_reaches_the_cached_rendered_section_and_paper() {
    CreatedPaper paper = Fixture.paper().withSection("Old heading", "text").create();
    String etag =
        given()
            .get(paper.sectionPath(0) + "/html")
            .then()
            .body("heading", equalTo("Old heading"))
            .extract()
            .header("ETag");
    given().get(paper.path() + "/html").then().body("sections[0].heading", equalTo("Old heading"));

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("heading", "New heading"))
        .patch(paper.sectionPath(0))
        .then()
        .statusCode(200);

    given()
        .header("If-None-Match", etag)
        .get(paper.sectionPath(0) + "/html")
        .then()
        .statusCode(200)
        .header("ETag", not(equalTo(etag)))
        .body("heading", equalTo("New heading"))
        .body("revision", equalTo(1));
    given().get(paper.path() + "/html").then().body("sections[0].heading", equalTo("New heading"));
  }

  @Test
  void paper_metadata_and_outline_changes_reach_the_cached_whole_paper() {
    CreatedPaper paper =
        Fixture.paper().title("First title").withSection("A", "a").withSection("B", "b").create();
    given()
        .get(paper.path() + "/html")
        .then()
        .body("title", equalTo("First title"))
        .body("sections.heading", contains("A", "B"));

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Second title"))
        .patch(paper.path())
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("position", 0))
        .post(paper.sectionPath(1) + "/move")
        .then()
        .statusCode(200);

    given()
        .get(paper.path() + "/html")
        .then()
        .body("title", equalTo("Second title"))
        .body("sections.heading", contains("B", "A"));
    given().get(paper.path() + "/sections").then().body("heading", contains("B", "A"));
  }

  @Test
  void deleted_sections_are_cached_apart_from_the_plain_outline() {
    CreatedPaper paper = Fixture.paper().withSection("A", "a").withSection("B", "b").create();
    given().get(paper.path() + "/sections").then().body("heading", contains("A", "B"));
    given().delete(paper.sectionPath(0)).then().statusCode(200);

    given().get(paper.path() + "/sections").then().body("heading", contains("B"));
    given()
        .queryParam("deleted", true)
        .get(paper.path() + "/sections")
        .then()
        .body("heading", contains("A", "B"))
        .body("deleted", contains(true, false));
  }

  @Test
  void an_unknown_paper_or_section_is_404_every_time_and_never_cached_as_empty() {
    given().get("/api/papers/987654321/sections").then().statusCode(404);
    given().get("/api/papers/987654321/sections").then().statusCode(404);
    CreatedPaper paper = Fixture.paper().withSection("A", "a").create();
    given().get(paper.path() + "/sections/987654321/html").then().statusCode(404);
    given().get(paper.path() + "/sections/987654321/html").then().statusCode(404);
  }

  @Test
  void a_list_of_etags_or_a_weak_form_of_the_current_one_also_gets_304() {
    CreatedPaper paper = Fixture.paper().withSection("A", "a").create();
    String html = paper.sectionPath(0) + "/html";
    String etag = given().get(html).then().extract().header("ETag");

    given().header("If-None-Match", "\"other\", " + etag).get(html).then().statusCode(304);
    given().header("If-None-Match", "W/" + etag).get(html).then().statusCode(304);
    given().header("If-None-Match", "\"other\"").get(html).then().statusCode(200);
    assertEquals(etag, given().get(html).then().extract().header("ETag"), "stable while unchanged");
  }
}
