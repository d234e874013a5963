package org.plenary.publish;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;

/**
 * Editions, their files and share links belong to one paper: they cannot be reached through another
 * paper's path; downloads are attachments with a safe name; the HTML export loads nothing.
 */
@QuarkusTest
class EditionAccessTest {

  static final String TEXT = "Companies should assess conflict risks.";
  static final List<String> FORMATS =
      List.of("white-paper-pdf", "submission-pdf", "html", "docx", "markdown");

  @Test
  void an_owner_of_another_paper_finds_no_edition_file_or_share_link_of_this_one() {
    CreatedPaper a = Fixture.paper().withSection("Context", TEXT).create();
    CreatedPaper b = Fixture.paper().withSection("Elsewhere", TEXT).create();
    int edition = PublishApiTest.compile(a).getInt("edition");
    PublishApiTest.compile(b);
    long link =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("label", "For the donors"))
            .post(a.path() + "/editions/" + edition + "/share-links")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    Person ownerOfB = Personas.member(b, "OWNER");

    ownerOfB.as().get(a.path() + "/editions").then().statusCode(404);
    ownerOfB.as().get(a.path() + "/editions/" + edition).then().statusCode(404);
    for (String format : FORMATS) {
      ownerOfB
          .as()
          .get(a.path() + "/editions/" + edition + "/files/" + format)
          .then()
          .statusCode(404);
    }
    ownerOfB.as().get(a.path() + "/share-links").then().statusCode(404);
    // Paper A's link id under paper B's path, where the caller is owner.
    ownerOfB.as().delete(b.path() + "/share-links/" + link).then().statusCode(404);
    ownerOfB.as().get(b.path() + "/share-links").then().statusCode(200).body("size()", equalTo(0));
    given().get(a.path() + "/share-links").then().body("size()", equalTo(1));
  }

  @Test
  void an_edition_number_of_another_paper_is_not_found_under_this_papers_path() {
    CreatedPaper a = Fixture.paper().withSection("Context", TEXT).create();
    CreatedPaper b = Fixture.paper().withSection("Elsewhere", TEXT).create();
    PublishApiTest.compile(b);
    Fixture.save(b.sectionPath(0), TEXT + " A second edition.").then().statusCode(200);
    int second = PublishApiTest.compile(b).getInt("edition");
    PublishApiTest.compile(a);
    Person editorOfA = Personas.member(a, "EDITOR");

    editorOfA.as().get(a.path() + "/editions/" + second).then().statusCode(404);
    for (String format : FORMATS) {
      editorOfA
          .as()
          .get(a.path() + "/editions/" + second + "/files/" + format)
          .then()
          .statusCode(404);
    }
    editorOfA.as().get(a.path() + "/editions/" + second + "/changes?from=1").then().statusCode(404);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("label", "x"))
        .post(a.path() + "/editions/" + second + "/share-links")
        .then()
        .statusCode(404);
    editorOfA.as().get(a.path() + "/editions/1/files/html").then().statusCode(200);
  }

  static final Pattern DISPOSITION =
      Pattern.compile(
          "attachment; filename=\"([A-Za-z0-9._-]{1,160})\"; filename\\*=UTF-8''([A-Za-z0-9!#$&+.^_`|~%-]+)");

  @Test
  void downloads_are_attachments_with_a_safe_file_name_whatever_the_title_holds() {
    for (String title :
        List.of(
            "He said \"no\"; filename=evil.exe",
            "Line one\r\nContent-Type: text/html\r\n\r\n<script>",
            "../../etc/passwd \\ and C:\\Windows",
            "和平与技术：企业的责任",
            "سلام و فناوری",
            "Ω".repeat(300))) {
      CreatedPaper paper = Fixture.paper().title(title).withSection("Context", TEXT).create();
      int edition = PublishApiTest.compile(paper).getInt("edition");
      for (String format : FORMATS) {
        String header =
            given()
                .get(paper.path() + "/editions/" + edition + "/files/" + format)
                .then()
                .statusCode(200)
                .extract()
                .header("Content-Disposition");
        Matcher m = DISPOSITION.matcher(header);
        assertTrue(m.matches(), () -> "unsafe for " + title + ": " + header);
        String full = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
        assertFalse(full.contains("/") || full.contains("\\") || full.contains("\""), full);
        assertFalse(full.chars().anyMatch(Character::isISOControl), full);
        assertEquals(m.group(1), full, "the names are made from the slug, which is ASCII");
      }
    }
  }

  @Test
  void the_html_export_fetches_nothing_a_remote_image_becomes_its_alt_text() {
    CreatedPaper paper =
        Fixture.paper()
            .withSection(
                "Context",
                TEXT
                    + "\n\n![a tracking pixel](http://127.0.0.1:9/q/health) and"
                    + " ![chart][c]\n\n[c]: https://images.example.org/chart.png")
            .create();
    int edition = PublishApiTest.compile(paper).getInt("edition");
    String html =
        given()
            .get(paper.path() + "/editions/" + edition + "/files/html")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertFalse(html.contains("<img"), html);
    assertFalse(html.contains("127.0.0.1:9"), html);
    assertFalse(html.contains("images.example.org"), html);
    assertTrue(html.contains("<em>[a tracking pixel]</em>"), html);
    assertTrue(html.contains("<em>[chart]</em>"), html);
    Matcher csp =
        Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">")
            .matcher(html);
    assertTrue(csp.find(), "the file carries its own policy");
    assertTrue(csp.group(1).startsWith("default-src 'none'; style-src 'sha256-"), csp.group(1));
    assertTrue(html.indexOf(csp.group()) < html.indexOf("<style>"), "before the stylesheet");
    String style = html.substring(html.indexOf("<style>") + 7, html.indexOf("</style>"));
    assertEquals(
        "'sha256-" + java.util.Base64.getEncoder().encodeToString(sha256(style)) + "'",
        csp.group(1).replaceAll(".*style-src ('[^']+').*", "$1"),
        "the policy admits exactly the file's stylesheet");
  }

  private static byte[] sha256(String s) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
