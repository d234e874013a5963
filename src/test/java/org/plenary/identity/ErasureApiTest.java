package org.plenary.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;

@QuarkusTest
class ErasureApiTest {

  private static final List<String> FORMATS =
      List.of("white-paper-pdf", "submission-pdf", "html", "docx", "markdown");

  @jakarta.inject.Inject io.agroal.api.AgroalDataSource dataSource;

  @Test
  void erasure_redacts_earlier_editions_share_links_comment_mentions_and_stances()
      throws Exception {
    CreatedPaper paper =
        Fixture.paper()
            .withSection("Context", "Some words.")
            .withProposal("Due diligence", "Assess first.")
            .create();
    String proposal = paper.sectionPath(1);
    Person bob =
        Personas.member(paper, "CONTRIBUTOR")
            .profile(
                Map.of(
                    "displayName", "Bob Contributor",
                    "organisation", "BobOrg",
                    "attribution", "NAMED"));
    Person carol =
        Personas.member(paper, "CONTRIBUTOR")
            .profile(Map.of("displayName", "Carol Commenter", "attribution", "NAMED"));
    Personas.member(paper, "CONTRIBUTOR")
        .profile(
            Map.of(
                "displayName", "Dana Remains", "organisation", "DanaOrg", "attribution", "NAMED"))
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("stance", "ENDORSE"))
        .put(proposal + "/endorsement")
        .then()
        .statusCode(200);
    bob.as()
        .contentType(ContentType.JSON)
        .body(Map.of("stance", "ENDORSE"))
        .put(proposal + "/endorsement")
        .then()
        .statusCode(200);
    bob.as()
        .contentType(ContentType.JSON)
        .body(Map.of("stance", "ENDORSE", "capacity", "ORGANISATION"))
        .put(paper.path() + "/endorsement")
        .then()
        .statusCode(200);
    long comment =
        bob.as()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "body", "Question for @" + carol.handle() + ", and @" + carol.handle() + "."))
            .post(proposal + "/comments")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    int edition = compile(paper);
    String share = shareLink(paper, edition);
    Map<String, String> before = texts(paper.path() + "/editions/" + edition + "/files/");
    assertTrue(before.get("html").contains("Bob Contributor"), "the edition names bob at first");
    assertTrue(before.get("white-paper-pdf").contains("BobOrg"));
    String fingerprintBefore =
        given().get(paper.path() + "/editions/" + edition).then().extract().path("fingerprint");

    erase(bob);
    erase(carol);

    Map<String, Map<String, String>> reads = new LinkedHashMap<>();
    reads.put("files", texts(paper.path() + "/editions/" + edition + "/files/"));
    reads.put("share link", texts(share + "/"));
    for (var read : reads.entrySet()) {
      for (var file : read.getValue().entrySet()) {
        String where = read.getKey() + " " + file.getKey();
        String text = file.getValue();
        assertFalse(text.contains("Bob Contributor"), where + " still names bob");
        assertFalse(text.contains("BobOrg"), where + " still names bob's organisation");
        assertFalse(text.contains("Carol Commenter"), where + " still names carol");
        if (!file.getKey().equals("submission-pdf")) { // the submission counts organisations only
          assertTrue(text.contains("Former participant"), where + " shows a former participant");
        }
        assertTrue(
            text.contains("Dana Remains") || text.contains("DanaOrg"),
            where + " lost a person who was not erased");
      }
    }
    assertNotEquals(
        fingerprintBefore,
        given().get(paper.path() + "/editions/" + edition).then().extract().path("fingerprint"),
        "a redacted edition has the fingerprint of its new content");
    assertEquals(
        1,
        count(
            "SELECT count(*) FROM edition_redaction r JOIN edition e"
                + " ON e.id = r.edition_id WHERE e.paper_id = "
                + paper.id()));
    assertEquals(0, count("SELECT count(*) FROM endorsement WHERE organisation = 'BobOrg'"));

    String mention = "@former-" + carol.id();
    given()
        .get(paper.path() + "/comments/" + comment)
        .then()
        .statusCode(200)
        .body("comment.body", equalTo("Question for " + mention + ", and " + mention + "."));
    given()
        .get(paper.path() + "/comments/" + comment + "/versions")
        .then()
        .statusCode(200)
        .body("[0].body", equalTo("Question for " + mention + ", and " + mention + "."));
    assertEquals(
        0,
        count("SELECT count(*) FROM comment_version WHERE body LIKE '%@" + carol.handle() + "%'"));

    int next = compile(paper);
    assertEquals(edition + 1, next);
    String later = texts(paper.path() + "/editions/" + next + "/files/").get("html");
    assertFalse(later.contains("Bob Contributor"));
    assertTrue(later.contains("Dana Remains"));
  }

  @Test
  void erasing_someone_in_no_edition_changes_no_edition() throws Exception {
    CreatedPaper paper = Fixture.paper().withProposal("Due diligence", "Assess first.").create();
    int edition = compile(paper);
    String fingerprint =
        given().get(paper.path() + "/editions/" + edition).then().extract().path("fingerprint");
    Person observer = Personas.member(paper, "OBSERVER");
    erase(observer);
    assertEquals(
        fingerprint,
        given().get(paper.path() + "/editions/" + edition).then().extract().path("fingerprint"));
    assertEquals(
        0,
        count(
            "SELECT count(*) FROM edition_redaction r JOIN edition e"
                + " ON e.id = r.edition_id WHERE e.paper_id = "
                + paper.id()));
  }

  private long count(String sql) throws Exception {
    try (var c = dataSource.getConnection();
        var s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void erase(Person p) {
    p.as()
        .contentType(ContentType.JSON)
        .body(Map.of("confirm", "ERASE"))
        .post("/api/me/erasure")
        .then()
        .statusCode(204);
  }

  private static int compile(CreatedPaper paper) {
    String location =
        given()
            .post(paper.path() + "/editions")
            .then()
            .statusCode(202)
            .extract()
            .header("Location");
    return Fixture.awaitEdition(location);
  }

  private static String shareLink(CreatedPaper paper, int edition) {
    String url =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("label", "For the donors"))
            .post(paper.path() + "/editions/" + edition + "/share-links")
            .then()
            .statusCode(201)
            .extract()
            .path("url");
    return url.substring(url.indexOf("/api/shared/"));
  }

  /** Each format's text: PDF text, the DOCX document.xml, the HTML, the zip's edition.json. */
  private static Map<String, String> texts(String base) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    for (String f : FORMATS) {
      var request = base.startsWith("/api/shared/") ? Personas.anonymous() : given();
      byte[] body = request.get(base + f).then().statusCode(200).extract().asByteArray();
      out.put(f, text(f, body));
    }
    return out;
  }

  private static String text(String format, byte[] body) throws Exception {
    return switch (format) {
      case "white-paper-pdf", "submission-pdf" -> {
        try (PDDocument pdf = Loader.loadPDF(body)) {
          yield new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
      }
      case "docx" -> entry(body, "word/document.xml");
      case "markdown" -> entry(body, null);
      default -> new String(body, StandardCharsets.UTF_8);
    };
  }

  /** One entry of a zip, or (null) every entry ending in edition.json. */
  private static String entry(byte[] zip, String name) throws Exception {
    StringBuilder out = new StringBuilder();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (name == null ? e.getName().endsWith("edition.json") : e.getName().equals(name)) {
          out.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    assertFalse(out.isEmpty(), "no " + (name == null ? "edition.json" : name) + " in the zip");
    return out.toString();
  }
}
