package org.plenary.paper;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;

@QuarkusTest
class PaperApiTest {

  @Test
  void creating_a_paper_answers_201_with_its_location_and_drafting_status() {
    String slug = "peace-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "title",
                "Peace and tech",
                "subtitle",
                "A white paper",
                "slug",
                slug,
                "summary",
                "Short",
                "language",
                "en-gb"))
        .post("/api/papers")
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/papers/"))
        .body("slug", equalTo(slug))
        .body("language", equalTo("en-GB"))
        .body("status", equalTo("DRAFTING"))
        .body("archived", equalTo(false))
        .body("createdAt", notNullValue());
  }

  /** Creates a paper as {@code caller} and returns the slug it got. */
  private static String slugOfNew(RequestSpecification caller, Map<String, Object> paper) {
    return caller
        .contentType(ContentType.JSON)
        .body(paper)
        .post("/api/papers")
        .then()
        .statusCode(201)
        .extract()
        .path("slug");
  }

  @Test
  void slug_is_made_from_the_title_and_kept_unique() {
    String title = "Crème brûlée — Peace " + UUID.randomUUID().toString().substring(0, 6);
    String first = slugOfNew(given(), Map.of("title", title, "language", "fr"));
    String second = slugOfNew(given(), Map.of("title", title, "language", "fr"));
    org.junit.jupiter.api.Assertions.assertTrue(first.startsWith("creme-brulee-peace-"), first);
    org.junit.jupiter.api.Assertions.assertEquals(first + "-2", second);
  }

  @Test
  void a_title_without_latin_letters_still_gets_a_url_safe_slug() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "السلام والتكنولوجيا", "language", "ar"))
        .post("/api/papers")
        .then()
        .statusCode(201)
        .body("slug", startsWith("paper-"))
        .body("title", equalTo("السلام والتكنولوجيا"));
  }

  @Test
  void a_taken_slug_is_a_conflict() {
    CreatedPaper paper = Fixture.paper().create();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Other", "slug", paper.slug(), "language", "en"))
        .post("/api/papers")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString(paper.slug()));
  }

  @Test
  void an_owner_of_another_paper_cannot_learn_that_a_slug_is_taken_by_a_paper_they_cannot_read() {
    CreatedPaper alpha = Fixture.paper().create();
    // And one whose slug was made from its title.
    String title = "Alpha " + UUID.randomUUID().toString().substring(0, 8);
    String derived = slugOfNew(given(), Map.of("title", title, "language", "en"));
    CreatedPaper b = Fixture.paper().create();
    Person dave = Personas.member(b, "OWNER");
    String unused = "unused-" + UUID.randomUUID().toString().substring(0, 8);

    // Taking alpha's slug answers as taking one nobody uses: the change is made.
    for (String slug : List.of(unused, alpha.slug())) {
      dave.as()
          .contentType(ContentType.JSON)
          .body(Map.of("slug", slug))
          .patch(b.path())
          .then()
          .statusCode(200)
          .body("slug", equalTo(slug));
    }
    // A new paper with another unseen paper's slug, or its title, gets it as asked, no counter.
    CreatedPaper gamma = Fixture.paper().create();
    assertEquals(
        gamma.slug(),
        slugOfNew(dave.as(), Map.of("title", "Mine", "slug", gamma.slug(), "language", "en")));
    assertEquals(derived, slugOfNew(dave.as(), Map.of("title", title, "language", "en")));
    // The slug finds dave's own paper for dave, and still alpha for those who can read alpha.
    dave.as()
        .get("/api/papers/by-slug/" + alpha.slug())
        .then()
        .statusCode(200)
        .body("id", equalTo((int) b.id()));
    given()
        .get("/api/papers/by-slug/" + alpha.slug())
        .then()
        .statusCode(200)
        .body("id", equalTo((int) alpha.id()));
    // Someone who can read the other paper still finds its slug taken.
    assertEquals(derived + "-2", slugOfNew(given(), Map.of("title", title, "language", "en")));
  }

  @Test
  void invalid_fields_are_named_in_a_problem_document() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("title", " ", "language", "not a tag!", "slug", "Bad Slug"))
        .post("/api/papers")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:plenary:problem:invalid-request"))
        .body("errors.field", hasItem("title"))
        .body("errors.field", hasItem("slug"));
  }

  @Test
  void an_ill_formed_language_tag_is_refused_naming_the_field() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "T", "language", "en_US_x_123456789"))
        .post("/api/papers")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("language"))
        .body("detail", containsString("BCP 47"));
  }

  @Test
  void malformed_json_is_a_400_problem_not_a_500() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"title\": \"x\", ")
        .post("/api/papers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("title", equalTo("Malformed request"))
        .body("detail", not(containsString("Exception")));
  }

  @Test
  void an_unknown_field_is_refused_and_named() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("titel", "typo", "language", "en"))
        .post("/api/papers")
        .then()
        .statusCode(400)
        .body("detail", containsString("titel"));
  }

  @Test
  void a_wrong_type_names_the_field() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"title\": \"x\", \"language\": \"en\", \"slug\": [1]}")
        .post("/api/papers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("slug"));
  }

  @Test
  void a_missing_body_is_refused() {
    given()
        .contentType(ContentType.JSON)
        .post("/api/papers")
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
  }

  @Test
  void text_with_a_nul_character_is_refused_before_reaching_the_database() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"title\": \"a\\u0000b\", \"language\": \"en\"}")
        .post("/api/papers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("title"))
        .body("detail", containsString("NUL"));
  }

  @Test
  void papers_are_listed_in_pages() {
    Fixture.paper().create();
    Fixture.paper().create();
    given()
        .queryParam("size", 1)
        .get("/api/papers")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("size", equalTo(1))
        .body("page", equalTo(0))
        .body("total", greaterThanOrEqualTo(2));
    given()
        .queryParam("size", 1000)
        .get("/api/papers")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("size"));
    given()
        .queryParam("page", -1)
        .get("/api/papers")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("page"));
  }

  @Test
  void an_unknown_paper_is_404_problem() {
    given()
        .get("/api/papers/987654321")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404))
        .body("detail", containsString("987654321"));
    given()
        .get("/api/papers/not-a-number")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void a_paper_is_found_by_its_slug() {
    CreatedPaper paper = Fixture.paper().create();
    given()
        .get("/api/papers/by-slug/" + paper.slug())
        .then()
        .statusCode(200)
        .body("id", equalTo((int) paper.id()));
  }

  @Test
  void metadata_changes_keep_what_was_not_sent() {
    CreatedPaper paper = Fixture.paper().title("Before").create();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("subtitle", "Now with a subtitle"))
        .patch(paper.path())
        .then()
        .statusCode(200)
        .body("title", equalTo("Before"))
        .body("subtitle", equalTo("Now with a subtitle"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "After", "language", "FR"))
        .patch(paper.path())
        .then()
        .statusCode(200)
        .body("title", equalTo("After"))
        .body("language", equalTo("fr"))
        .body("subtitle", equalTo("Now with a subtitle"));
  }

  @Test
  void archived_papers_leave_the_default_list_and_come_back() {
    CreatedPaper paper = Fixture.paper().create();
    given().post(paper.path() + "/archive").then().statusCode(200).body("archived", equalTo(true));
    given()
        .queryParam("size", 200)
        .get("/api/papers")
        .then()
        .body("items.id", not(hasItem((int) paper.id())));
    given()
        .queryParam("size", 200)
        .queryParam("archived", true)
        .get("/api/papers")
        .then()
        .body("items.id", hasItem((int) paper.id()));
    given()
        .delete(paper.path() + "/archive")
        .then()
        .statusCode(200)
        .body("archived", equalTo(false));
  }

  @Test
  void a_frozen_paper_refuses_content_changes_with_409_saying_why() {
    CreatedPaper paper = Fixture.paper().withSection("Context", "Text").create();
    Fixture.changeStatus(paper, "FROZEN", "Final text agreed")
        .statusCode(200)
        .body("status", equalTo("FROZEN"));

    given()
        .contentType(ContentType.JSON)
        .header("If-Match", Fixture.etagOf(paper.sectionPath(0)))
        .body(Map.of("body", "Late change"))
        .put(paper.sectionPath(0) + "/content")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("frozen"))
        .body("paperStatus", equalTo("FROZEN"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("heading", "New"))
        .post(paper.path() + "/sections")
        .then()
        .statusCode(409);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Renamed"))
        .patch(paper.path())
        .then()
        .statusCode(409);
    given().delete(paper.sectionPath(0)).then().statusCode(409);
  }

  @Test
  void the_owner_can_reopen_a_frozen_paper_and_saving_works_again() {
    CreatedPaper paper = Fixture.paper().withSection("Context", "Text").create();
    Fixture.changeStatus(paper, "FROZEN").statusCode(200);
    Fixture.changeStatus(paper, "REVIEW", "One more round")
        .statusCode(200)
        .body("status", equalTo("REVIEW"));
    Fixture.save(paper.sectionPath(0), "Text, improved").then().statusCode(200);
  }

  @Test
  void an_unknown_status_names_the_field() {
    CreatedPaper paper = Fixture.paper().create();
    Fixture.changeStatus(paper, "PUBLISHED")
        .statusCode(400)
        .body("errors[0].field", equalTo("status"));
  }
}
