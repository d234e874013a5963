package org.plenary.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;

@QuarkusTest
class SearchApiTest {

  @Test
  void search_finds_current_text_with_highlighted_snippets_and_the_section() {
    CreatedPaper paper =
        Fixture.paper()
            .withSection("Context", "Mobile networks shape daily life in conflict settings.")
            .withSection("Lessons", "The garment industry learned from factory collapses.")
            .create();
    given()
        .queryParam("q", "garment factories")
        .get(paper.path() + "/search")
        .then()
        .statusCode(200)
        .body("hits", hasSize(1))
        .body("hits[0].sectionId", equalTo((int) paper.section(1)))
        .body("hits[0].heading", equalTo("Lessons"))
        .body("hits[0].snippetHtml", containsString("<mark>garment</mark>"))
        .body("hits[0].snippetHtml", containsString("<mark>factory</mark>"));
  }

  @Test
  void only_current_text_of_sections_that_are_not_deleted_is_searched() {
    CreatedPaper paper =
        Fixture.paper()
            .withSection("A", "extractives")
            .withSection("B", "extractives too")
            .create();
    Fixture.save(paper.sectionPath(0), "something else").then().statusCode(200);
    given().delete(paper.sectionPath(1)).then().statusCode(200);
    given()
        .queryParam("q", "extractives")
        .get(paper.path() + "/search")
        .then()
        .body("hits", empty());
  }

  @Test
  void snippets_escape_the_markdown_source() {
    CreatedPaper paper =
        Fixture.paper()
            .withSection("A", "peace <script>alert(1)</script> accords & 5 < 7 \"quoted\"")
            .create();
    given()
        .queryParam("q", "peace")
        .get(paper.path() + "/search")
        .then()
        .body("hits[0].snippetHtml", not(containsString("<script")))
        .body("hits[0].snippetHtml", containsString("&amp; 5 &lt; 7 &quot;quoted"));
  }

  @Test
  void search_uses_the_papers_language_for_stemming() {
    CreatedPaper paper =
        Fixture.paper()
            .language("fr")
            .withSection("A", "Les entreprises technologiques s'engagent.")
            .create();
    given()
        .queryParam("q", "entreprise")
        .get(paper.path() + "/search")
        .then()
        .body("hits", hasSize(1));
  }

  @Test
  void chinese_queries_match_text_without_spaces() {
    CreatedPaper paper =
        Fixture.paper().language("zh").withSection("A", "科技公司应当支持和平与人类安全。").create();
    given()
        .queryParam("q", "人类安全")
        .get(paper.path() + "/search")
        .then()
        .body("hits", hasSize(1))
        .body("hits[0].snippetHtml", containsString("<mark>人类安全</mark>"));
  }

  @Test
  void text_whose_lower_case_is_longer_than_itself_is_searched_and_highlighted() {
    // Lower-cased, each İ becomes two chars: positions found in a lower-cased copy overshoot.
    CreatedPaper paper =
        Fixture.paper().language("zh").withSection("A", "İ".repeat(20) + "漢字").create();
    given()
        .queryParam("q", "漢字")
        .get(paper.path() + "/search")
        .then()
        .statusCode(200)
        .body("hits", hasSize(1))
        .body("hits[0].snippetHtml", equalTo("İ".repeat(20) + "<mark>漢字</mark>"));
  }

  @Test
  void results_are_ranked_with_headings_first() {
    CreatedPaper paper =
        Fixture.paper()
            .withSection("Other", "escalation mentioned once")
            .withSection("Escalation channel", "text")
            .create();
    given()
        .queryParam("q", "escalation")
        .get(paper.path() + "/search")
        .then()
        .body("hits.heading", contains("Escalation channel", "Other"));
  }

  @Test
  void an_empty_query_names_the_parameter() {
    CreatedPaper paper = Fixture.paper().create();
    given()
        .get(paper.path() + "/search")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("q"));
  }

  @Test
  void a_query_with_a_nul_character_is_refused_naming_the_parameter() {
    CreatedPaper paper = Fixture.paper().create();
    given()
        .queryParam("q", "a\u0000b")
        .get(paper.path() + "/search")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("q"));
  }
}
