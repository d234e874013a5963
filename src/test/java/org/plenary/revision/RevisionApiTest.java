package org.plenary.revision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;

@QuarkusTest
class RevisionApiTest {

  @Test
  void saving_with_the_current_etag_creates_the_next_revision() throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", "First words.").create();
    String section = paper.sectionPath(0);
    String etag = Fixture.etagOf(section);
    assertEquals("\"s" + paper.section(0) + "-r1\"", etag);
    String body = "First words. And more — with é, مرحبا and 中文.";
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(Map.of("body", body, "summary", "Add more"))
        .put(section + "/content")
        .then()
        .statusCode(200)
        .header("ETag", "\"s" + paper.section(0) + "-r2\"")
        .body("revision", equalTo(2))
        .body("parentRevision", equalTo(1))
        .body("body", equalTo(body))
        .body("summary", equalTo("Add more"))
        .body("author.handle", notNullValue())
        .body("sha256", equalTo(sha256(body)));
  }

  @Test
  void saving_without_if_match_is_428() {
    CreatedPaper paper = Fixture.paper().withSection("Context", "x").create();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("body", "y"))
        .put(paper.sectionPath(0) + "/content")
        .then()
        .statusCode(428)
        .contentType("application/problem+json")
        .body("detail", containsString("If-Match"));
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "*")
        .body(Map.of("body", "y"))
        .put(paper.sectionPath(0) + "/content")
        .then()
        .statusCode(428);
  }

  @Test
  void saving_with_a_stale_etag_is_412_with_the_current_text() {
    CreatedPaper paper = Fixture.paper().withSection("Context", "base").create();
    String section = paper.sectionPath(0);
    String stale = Fixture.etagOf(section);
    Fixture.save(section, "someone else's words").then().statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", stale)
        .body(Map.of("body", "my words"))
        .put(section + "/content")
        .then()
        .statusCode(412)
        .contentType("application/problem+json")
        .body("currentRevision", equalTo(2))
        .body("currentBody", equalTo("someone else's words"))
        .body("currentEtag", equalTo("\"s" + paper.section(0) + "-r2\""));
    given().get(section + "/content").then().body("body", equalTo("someone else's words"));
  }

  @Test
  void weak_or_foreign_etags_never_match() {
    CreatedPaper paper = Fixture.paper().withSection("A", "a").withSection("B", "b").create();
    String etagA = Fixture.etagOf(paper.sectionPath(0));
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "W/" + etagA)
        .body(Map.of("body", "x"))
        .put(paper.sectionPath(0) + "/content")
        .then()
        .statusCode(412);
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", etagA)
        .body(Map.of("body", "x"))
        .put(paper.sectionPath(1) + "/content")
        .then()
        .statusCode(412);
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"nonsense\", " + etagA)
        .body(Map.of("body", "x"))
        .put(paper.sectionPath(0) + "/content")
        .then()
        .statusCode(200);
  }

  @Test
  void saving_the_same_text_again_adds_no_revision() {
    CreatedPaper paper = Fixture.paper().withSection("A", "same").create();
    Fixture.save(paper.sectionPath(0), "same").then().statusCode(200).body("revision", equalTo(1));
  }

  @Test
  void line_endings_are_stored_as_newlines() {
    CreatedPaper paper = Fixture.paper().withSection("A", "").create();
    Fixture.save(paper.sectionPath(0), "one\r\ntwo\rthree")
        .then()
        .statusCode(200)
        .body("body", equalTo("one\ntwo\nthree"));
  }

  @Test
  void history_lists_revisions_newest_first_in_pages() {
    CreatedPaper paper = Fixture.paper().withSection("A", "v1").create();
    String section = paper.sectionPath(0);
    Fixture.save(section, "v2").then().statusCode(200);
    Fixture.save(section, "v3").then().statusCode(200);
    given()
        .queryParam("size", 2)
        .get(section + "/revisions")
        .then()
        .statusCode(200)
        .body("items.number", contains(3, 2))
        .body("total", equalTo(3));
    given()
        .queryParam("size", 2)
        .queryParam("page", 1)
        .get(section + "/revisions")
        .then()
        .body("items.number", contains(1))
        .body("items[0].summary", equalTo("Created"));
    given().get(section + "/revisions/2").then().statusCode(200).body("body", equalTo("v2"));
    given()
        .get(section + "/revisions/9")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void diff_is_word_level_and_grouped_by_paragraph() {
    CreatedPaper paper =
        Fixture.paper()
            .withSection("A", "Keep this paragraph.\n\nThe quick brown fox jumps.")
            .create();
    String section = paper.sectionPath(0);
    Fixture.save(section, "Keep this paragraph.\n\nThe quick red fox jumps.\n\nA new ending.")
        .then()
        .statusCode(200);
    Response diff = given().queryParam("from", 1).queryParam("to", 2).get(section + "/diff");
    diff.then()
        .statusCode(200)
        .body("from", equalTo(1))
        .body("to", equalTo(2))
        .body("identical", equalTo(false))
        .body("paragraphs.status", contains("EQUAL", "CHANGED", "INSERTED"))
        .body("paragraphs[1].runs.op", contains("EQUAL", "DELETE", "INSERT", "EQUAL"))
        .body("paragraphs[1].runs.text", contains("The quick ", "brown", "red", " fox jumps."))
        .body("stats.wordsInserted", equalTo(4))
        .body("stats.wordsDeleted", equalTo(1));
  }

  @Test
  void diff_refuses_revisions_that_do_not_exist() {
    CreatedPaper paper = Fixture.paper().withSection("A", "x").create();
    given()
        .queryParam("from", 0)
        .get(paper.sectionPath(0) + "/diff")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("from"));
    given()
        .queryParam("to", 5)
        .get(paper.sectionPath(0) + "/diff")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("to"));
  }

  @Test
  void restoring_an_old_revision_appends_a_new_one_and_keeps_history() {
    CreatedPaper paper = Fixture.paper().withSection("A", "original").create();
    String section = paper.sectionPath(0);
    Fixture.save(section, "changed").then().statusCode(200);
    String etag = Fixture.etagOf(section);
    given()
        .header("If-Match", etag)
        .post(section + "/revisions/1/restore")
        .then()
        .statusCode(200)
        .body("revision", equalTo(3))
        .body("restoredFrom", equalTo(1))
        .body("body", equalTo("original"))
        .body("summary", equalTo("Restored revision 1"));
    given().get(section + "/revisions").then().body("items.number", contains(3, 2, 1));
    // The ETag follows the revision number, not the body: the restored body has a new tag.
    assertNotEquals(etag, Fixture.etagOf(section));
    given().header("If-Match", etag).post(section + "/revisions/1/restore").then().statusCode(412);
    given().post(section + "/revisions/1/restore").then().statusCode(428);
  }

  @Test
  void a_section_body_over_one_mebibyte_is_413_naming_the_field() {
    CreatedPaper paper = Fixture.paper().withSection("A", "").create();
    String big = "é".repeat(600_000); // 1.2 MB of UTF-8 in 600,000 characters
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", Fixture.etagOf(paper.sectionPath(0)))
        .body(Map.of("body", big))
        .put(paper.sectionPath(0) + "/content")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("body"));
    given().get(paper.sectionPath(0) + "/content").then().body("revision", equalTo(1));
  }

  @Test
  void a_request_body_over_two_mebibytes_is_413_problem() {
    CreatedPaper paper = Fixture.paper().withSection("A", "").create();
    String huge = "a".repeat(3 * 1024 * 1024);
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", Fixture.etagOf(paper.sectionPath(0)))
        .body(Map.of("body", huge))
        .put(paper.sectionPath(0) + "/content")
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
  }

  @Test
  void a_missing_body_field_is_named() {
    CreatedPaper paper = Fixture.paper().withSection("A", "").create();
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", Fixture.etagOf(paper.sectionPath(0)))
        .body(Map.of("summary", "no body"))
        .put(paper.sectionPath(0) + "/content")
        .then()
        .statusCode(422)
        .body("errors.field", equalTo(List.of("body")));
  }

  static String sha256(String s) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
