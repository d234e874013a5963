package org.plenary.render;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;

@QuarkusTest
class RenderApiTest {

  @Test
  void a_section_renders_to_html_with_the_etag_of_its_revision() {
    CreatedPaper paper =
        Fixture.paper()
            .withSection("A", "Some *emphasis* and a [link](https://example.org).")
            .create();
    String html =
        given()
            .get(paper.sectionPath(0) + "/html")
            .then()
            .statusCode(200)
            .body("etag", equalTo(Fixture.etagOf(paper.sectionPath(0))))
            .body("revision", equalTo(1))
            .extract()
            .jsonPath()
            .getString("html");
    Document doc = Jsoup.parseBodyFragment(html);
    assertEquals("emphasis", doc.select("em").text());
    assertEquals("https://example.org", doc.select("a").attr("href"));
  }

  @Test
  void rendering_follows_the_current_revision() {
    CreatedPaper paper = Fixture.paper().withSection("A", "old").create();
    given().get(paper.sectionPath(0) + "/html").then().body("html", containsString("old"));
    Fixture.save(paper.sectionPath(0), "**new**").then().statusCode(200);
    given()
        .get(paper.sectionPath(0) + "/html")
        .then()
        .body("revision", equalTo(2))
        .body("html", containsString("<strong>new</strong>"));
  }

  @Test
  void the_whole_paper_renders_section_by_section_in_outline_order() {
    CreatedPaper paper =
        Fixture.paper()
            .withSection("One", "first")
            .withProposal("Two", "second")
            .withSection("Three", "third")
            .create();
    given().delete(paper.sectionPath(2)).then().statusCode(200);
    given()
        .get(paper.path() + "/html")
        .then()
        .statusCode(200)
        .body("sections.heading", contains("One", "Two"))
        .body("sections.kind", contains("NARRATIVE", "PROPOSAL"))
        .body("sections[1].html", containsString("second"));
  }

  @Test
  void preview_renders_unsaved_markdown_exactly_like_saved_text() {
    String markdown =
        "# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1]\n\n[^1]: Note.\n\n<script>alert(1)</script>";
    CreatedPaper paper = Fixture.paper().withSection("A", markdown).create();
    String saved = given().get(paper.sectionPath(0) + "/html").jsonPath().getString("html");
    String preview =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("markdown", markdown))
            .post("/api/render/preview")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getString("html");
    assertEquals(saved, preview);
    Document doc = Jsoup.parseBodyFragment(preview);
    assertTrue(doc.select("script").isEmpty());
    assertTrue(doc.text().contains("<script>alert(1)</script>"), "escaped words survive");
    assertEquals(1, doc.select("table").size());
  }

  @Test
  void dangerous_links_saved_through_the_api_are_neutralised() {
    CreatedPaper paper =
        Fixture.paper()
            .withSection("A", "[click](java&#115;cript:alert(1)) <img src=x onerror=alert(1)>")
            .create();
    Document doc =
        Jsoup.parseBodyFragment(
            given().get(paper.sectionPath(0) + "/html").jsonPath().getString("html"));
    assertTrue(doc.select("[onerror]").isEmpty());
    doc.select("a[href]")
        .forEach(a -> assertTrue(!a.attr("href").toLowerCase().contains("script"), a.outerHtml()));
    assertTrue(doc.text().contains("click"));
  }

  @Test
  void preview_without_markdown_names_the_field() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post("/api/render/preview")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("markdown"));
  }
}
