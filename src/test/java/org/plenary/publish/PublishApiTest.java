package org.plenary.publish;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;

@QuarkusTest
class PublishApiTest {

  /** One sentence in each of the six official languages of the UN. */
  static final Map<String, String> SIX =
      Map.of(
          "en", "Everyone has the right to life, liberty and security of person.",
          "fr", "Tout individu a droit à la vie, à la liberté et à la sûreté de sa personne.",
          "es", "Todo individuo tiene derecho a la vida, a la libertad y a la seguridad.",
          "ru", "Каждый человек имеет право на жизнь, на свободу и на личную неприкосновенность.",
          "zh", "人人有权享有生命、自由和人身安全。",
          "ar", "لكل فرد الحق في الحياة والحرية وسلامة شخصه.");

  static final String RICH =
      """
      Companies should **assess** conflict risks, as the *UN Guiding Principles* expect.[^1]
      See [the guidance](https://www.example.org/guidance) and `code` too.

      1. First step
         - a nested point
         - another point
      2. Second step

      > A quoted participant: local actors need standing.

      | Country | Score |
      |---------|------:|
      ROWS

      [^1]: UN Guiding Principles on Business and Human Rights, 2011.
      """;

  @Inject PublishService publish;

  private static String rich() {
    StringBuilder rows = new StringBuilder();
    for (int i = 1; i <= 70; i++) {
      rows.append("| Country ").append(i).append(" | ").append(i * 7).append(" |\n");
    }
    return RICH.replace("ROWS\n", rows.toString());
  }

  private static CreatedPaper paper() {
    Fixture.PaperBuilder b =
        Fixture.paper()
            .title("Partnering for peace")
            .withSection("Letter", "LETTER", "We submit these proposals for your consideration.")
            .withSection("Executive summary", "NARRATIVE", "Five proposals to companies.")
            .withSection("Context", "NARRATIVE", rich());
    for (var e : List.of("en", "fr", "es", "ru", "zh", "ar")) {
      b.withSection("Text " + e, "NARRATIVE", SIX.get(e));
    }
    CreatedPaper paper =
        b.withProposal("Due diligence", "Rationale: assess before entering a market.")
            .withProposal("Escalation channel", "Rationale: a channel for local civil society.")
            .create();
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "initiative", "Roundtable on tech and peace",
                "keywords", List.of("peacebuilding", "due diligence"),
                "signatories",
                    List.of(Map.of("name", "Sofia Marsh", "organisation", "JustPeace Labs"))))
        .patch(paper.path())
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("proposalSummary", "Companies assess conflict risks first."))
        .patch(paper.sectionPath(9))
        .then()
        .statusCode(200);
    return paper;
  }

  /** Compiles and waits for the job; returns the job's final state. */
  static JsonPath compile(CreatedPaper paper) {
    String location =
        given()
            .post(paper.path() + "/editions")
            .then()
            .statusCode(202)
            .body("state", equalTo("QUEUED"))
            .extract()
            .header("Location");
    return Fixture.awaitJob(location);
  }

  private static byte[] file(CreatedPaper paper, int edition, String format) {
    return given()
        .get(paper.path() + "/editions/" + edition + "/files/" + format)
        .then()
        .statusCode(200)
        .extract()
        .asByteArray();
  }

  static String norm(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip();
  }

  private static String text(PDDocument pdf, int from, int to) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(from);
    stripper.setEndPage(to);
    return stripper.getText(pdf);
  }

  // ---- The white paper ------------------------------------------------------------------------

  @Test
  void the_white_paper_has_right_contents_page_numbers_bookmarks_links_and_metadata()
      throws Exception {
    CreatedPaper paper = paper();
    JsonPath job = compile(paper);
    assertEquals("DONE", job.getString("state"), job.prettify());
    assertEquals(100, job.getInt("percent"));
    int edition = job.getInt("edition");

    try (PDDocument pdf = Loader.loadPDF(file(paper, edition, "white-paper-pdf"))) {
      var info = pdf.getDocumentInformation();
      assertEquals("Partnering for peace", info.getTitle());
      assertEquals("JustPeace Labs", info.getAuthor());
      assertTrue(info.getSubject().startsWith("White paper"), info.getSubject());
      assertEquals("peacebuilding, due diligence", info.getKeywords());
      assertEquals("en", pdf.getDocumentCatalog().getLanguage());

      // Bookmarks: the contents, then every section in order, then the two annexes.
      List<String> titles = new ArrayList<>();
      List<Integer> bookmarkPages = new ArrayList<>();
      for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
        titles.add(item.getTitle());
        PDPage page = item.findDestinationPage(pdf);
        bookmarkPages.add(page == null ? -1 : pdf.getPages().indexOf(page) + 1);
      }
      assertEquals("Contents", titles.get(0));
      assertEquals("1  Letter", titles.get(1));
      assertEquals("3  Context", titles.get(3));
      assertEquals("10  Proposal 1: Due diligence", titles.get(10));
      assertEquals("A  Endorsements", titles.get(12));
      assertEquals("B  Participating organisations", titles.get(13));

      // The contents' page numbers are the pages where the headings really are.
      String contents = text(pdf, 2, 3);
      Pattern entry = Pattern.compile("(?m)^(\\d+|[AB]) (.+?) (\\d+)$");
      Matcher m = entry.matcher(contents);
      int checked = 0;
      while (m.find()) {
        String heading = m.group(1) + ".  " + m.group(2);
        int printed = Integer.parseInt(m.group(3));
        String onPage = norm(text(pdf, printed, printed));
        assertTrue(
            onPage.contains(norm(heading)),
            "contents say '" + heading + "' is on page " + printed + ": " + onPage);
        assertEquals(printed, bookmarkPages.get(titles.indexOf(m.group(1) + "  " + m.group(2))));
        checked++;
      }
      assertEquals(13, checked, "every entry of the contents was checked:\n" + contents);

      // Links: contents entries go to their pages, the web link is live, footnotes go to notes.
      Set<String> uris = new HashSet<>();
      int internal = 0;
      for (PDPage page : pdf.getPages()) {
        for (PDAnnotation a : page.getAnnotations()) {
          if (a instanceof PDAnnotationLink link) {
            if (link.getAction() instanceof PDActionURI uri) {
              uris.add(uri.getURI());
            }
            PDDestination d =
                link.getDestination() != null
                    ? link.getDestination()
                    : link.getAction() instanceof PDActionGoTo g ? g.getDestination() : null;
            if (d instanceof PDNamedDestination named) {
              // A named destination, as a tagged link's action names its target.
              d = pdf.getDocumentCatalog().findNamedDestinationPage(named);
              assertNotNull(d, "the destination " + named.getNamedDestination() + " exists");
            }
            if (d instanceof PDPageDestination pd) {
              assertTrue(pd.retrievePageNumber() >= 0);
              internal++;
            }
          }
        }
      }
      assertTrue(uris.contains("https://www.example.org/guidance"), uris.toString());
      assertTrue(internal >= 13 * 3, "contents and footnote links: " + internal);

      String all = norm(text(pdf, 1, pdf.getNumberOfPages()));
      // Every official language comes out as it went in.
      for (var e : SIX.entrySet()) {
        assertTrue(all.contains(norm(e.getValue())), e.getKey() + " is missing: " + all);
      }
      // The footnote, the nested list and the quote are there; the table header repeats.
      assertTrue(all.contains("UN Guiding Principles on Business and Human Rights, 2011."));
      assertTrue(all.contains("a nested point"));
      assertTrue(all.contains("A quoted participant"));
      int headerPages = 0;
      for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
        String page = text(pdf, p, p);
        if (page.contains("Country Score") && page.contains("Country 3")
            || page.contains("Country Score") && page.contains("Country 6")) {
          headerPages++;
        }
      }
      assertTrue(headerPages >= 2, "the table's header row repeats on every page it spans");
      // Running footers.
      assertTrue(
          norm(text(pdf, 2, 2)).replace(" ", "").contains("Page2/" + pdf.getNumberOfPages()),
          norm(text(pdf, 2, 2)));
      // The proposal's summary, the endorsements annex, the organisations annex.
      assertTrue(all.contains("In brief: Companies assess conflict risks first."));
    }
  }

  // ---- The submission -------------------------------------------------------------------------

  @Test
  void the_submission_is_a_formal_a4_letter_with_summary_proposals_tallies_and_annex()
      throws Exception {
    CreatedPaper paper = paper();
    Person endorser =
        Personas.member(paper, "CONTRIBUTOR")
            .profile(Map.of("organisation", "Kaduna Peace Network"));
    endorser
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("stance", "ENDORSE"))
        .put(paper.sectionPath(9) + "/endorsement")
        .then()
        .statusCode(200);
    int edition = compile(paper).getInt("edition");

    try (PDDocument pdf = Loader.loadPDF(file(paper, edition, "submission-pdf"))) {
      PDPage first = pdf.getPage(0);
      assertEquals(595, Math.round(first.getMediaBox().getWidth()));
      assertEquals(842, Math.round(first.getMediaBox().getHeight()));
      String letter = norm(text(pdf, 1, 1));
      assertTrue(letter.contains("To the Secretary-General of the United Nations"), letter);
      assertTrue(letter.contains("We submit these proposals for your consideration."), letter);
      assertTrue(letter.contains("Sofia Marsh"), letter);
      String all = norm(text(pdf, 1, pdf.getNumberOfPages()));
      assertTrue(all.contains("Executive summary Five proposals to companies."), all);
      int one = all.indexOf("Proposal 1: Due diligence");
      int two = all.indexOf("Proposal 2: Escalation channel");
      assertTrue(one > 0 && two > one, "proposals in order");
      assertTrue(all.contains("Civil society 1 0 0 1"), "the tally by stakeholder group: " + all);
      assertTrue(all.contains("Endorsing organisations"));
      assertTrue(all.lastIndexOf("Kaduna Peace Network") > two, "in the annex");
      List<String> bookmarks = new ArrayList<>();
      pdf.getDocumentCatalog()
          .getDocumentOutline()
          .children()
          .forEach(i -> bookmarks.add(i.getTitle()));
      assertEquals(
          List.of(
              "Partnering for peace",
              "Executive summary",
              "Proposals",
              "Proposal 1: Due diligence",
              "Proposal 2: Escalation channel",
              "Endorsing organisations"),
          bookmarks);
    }
  }

  // ---- Editions -------------------------------------------------------------------------------

  @Test
  void the_same_text_gives_the_same_fingerprint_and_an_edition_renders_to_the_same_bytes() {
    CreatedPaper paper = paper();
    JsonPath first = compile(paper);
    JsonPath second = compile(paper);
    int a = first.getInt("edition");
    int b = second.getInt("edition");
    assertNotEquals(a, b);
    String fa = given().get(paper.path() + "/editions/" + a).then().extract().path("fingerprint");
    String fb = given().get(paper.path() + "/editions/" + b).then().extract().path("fingerprint");
    assertEquals(fa, fb, "identical input, identical content fingerprint");

    for (Format f : Format.values()) {
      byte[] stored = file(paper, a, f.name().toLowerCase().replace('_', '-'));
      assertArrayEquals(
          stored, publish.renderAgain(paper.id(), a, f), f + " renders to the same bytes");
    }

    Fixture.save(paper.sectionPath(2), "Changed context.").then().statusCode(200);
    int c = compile(paper).getInt("edition");
    String fc = given().get(paper.path() + "/editions/" + c).then().extract().path("fingerprint");
    assertNotEquals(fa, fc);
  }

  @Test
  void an_edition_records_every_sections_revision_and_its_files_checksums() throws Exception {
    CreatedPaper paper = paper();
    Fixture.save(paper.sectionPath(0), "We submit, revised.").then().statusCode(200);
    int edition = compile(paper).getInt("edition");
    JsonPath e = given().get(paper.path() + "/editions/" + edition).then().extract().jsonPath();
    assertEquals(2, e.getInt("sections[0].revision"));
    assertEquals(1, e.getInt("sections[1].revision"));
    assertEquals("COMPILED", e.getString("status"));
    assertEquals(Format.values().length, e.getList("artifacts").size());
    for (int i = 0; i < Format.values().length; i++) {
      String href = e.getString("artifacts[" + i + "].href");
      byte[] body = given().get(href).then().statusCode(200).extract().asByteArray();
      assertEquals(e.getLong("artifacts[" + i + "].size"), body.length);
      assertEquals(
          e.getString("artifacts[" + i + "].sha256"),
          org.plenary.platform.crypto.Digests.sha256Hex(body));
    }
    // The Markdown bundle holds every section and the edition's record.
    byte[] zip = file(paper, edition, "markdown");
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry z = in.getNextEntry(); z != null; z = in.getNextEntry()) {
        names.add(z.getName());
      }
    }
    assertTrue(names.contains("01-letter.md") && names.contains("edition.json"), names.toString());
    // The HTML is one file with every section and unique ids.
    String html = new String(file(paper, edition, "html"), StandardCharsets.UTF_8);
    assertTrue(html.contains("@media print"));
    assertTrue(html.contains(SIX.get("zh")));
    Matcher ids = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(html);
    Set<String> seen = new HashSet<>();
    while (ids.find()) {
      assertTrue(seen.add(ids.group(1)), "duplicate id " + ids.group(1));
    }

    given()
        .post(paper.path() + "/editions/" + edition + "/publish")
        .then()
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"));
    given().get(paper.path() + "/editions").then().body("number", hasItem(edition));
  }

  @Test
  void the_changelog_says_which_sections_were_added_removed_and_changed() {
    CreatedPaper paper = paper();
    int a = compile(paper).getInt("edition");
    Fixture.save(paper.sectionPath(2), "Entirely new context words here.").then().statusCode(200);
    given().delete(paper.sectionPath(1)).then().statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("heading", "Annex", "kind", "ANNEX", "body", "Three more words."))
        .post(paper.path() + "/sections")
        .then()
        .statusCode(201);
    int b = compile(paper).getInt("edition");
    JsonPath changes =
        given()
            .get(paper.path() + "/editions/" + b + "/changes?from=" + a)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(1, changes.getInt("sectionsAdded"));
    assertEquals(1, changes.getInt("sectionsRemoved"));
    assertEquals(1, changes.getInt("sectionsChanged"));
    assertEquals("CHANGED", changes.getString("sections.find { it.heading == 'Context' }.change"));
    assertTrue(changes.getInt("wordsAdded") >= 8);
    given()
        .get(paper.path() + "/editions/" + b + "/changes")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("from"));
  }

  @Test
  void two_compiles_at_once_make_two_whole_editions() throws Exception {
    CreatedPaper paper = paper();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<JsonPath>> jobs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        jobs.add(pool.submit(() -> compile(paper)));
      }
      Set<Integer> numbers = new HashSet<>();
      for (Future<JsonPath> j : jobs) {
        JsonPath job = j.get();
        assertEquals("DONE", job.getString("state"), job.prettify());
        numbers.add(job.getInt("edition"));
      }
      assertEquals(Set.of(1, 2), numbers);
      for (int n : numbers) {
        try (PDDocument pdf = Loader.loadPDF(file(paper, n, "white-paper-pdf"))) {
          assertTrue(text(pdf, 1, 1).contains("Edition " + n), "edition " + n + " names itself");
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void a_character_no_font_has_fails_the_compile_naming_it_and_publishes_nothing() {
    CreatedPaper paper = Fixture.paper().withSection("Greeting", "Hello नमस्ते in Hindi.").create();
    JsonPath job = compile(paper);
    assertEquals("FAILED", job.getString("state"));
    assertTrue(job.getString("error").contains("DEVANAGARI LETTER NA"), job.getString("error"));
    given().get(paper.path() + "/editions").then().body("", org.hamcrest.Matchers.hasSize(0));
  }

  // ---- Share links ----------------------------------------------------------------------------

  @Test
  void a_share_link_downloads_one_edition_without_an_account_until_it_is_withdrawn() {
    CreatedPaper paper = paper();
    int edition = compile(paper).getInt("edition");
    JsonPath link =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("label", "For the donors"))
            .post(paper.path() + "/editions/" + edition + "/share-links")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String url = link.getString("url");
    String path = url.substring(url.indexOf("/api/shared/"));

    Personas.anonymous()
        .get(path)
        .then()
        .statusCode(200)
        .body("title", equalTo("Partnering for peace"))
        .body("edition", equalTo(edition));
    byte[] pdf =
        Personas.anonymous()
            .get(path + "/white-paper-pdf")
            .then()
            .statusCode(200)
            .contentType("application/pdf")
            .extract()
            .asByteArray();
    assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    given()
        .get(paper.path() + "/share-links")
        .then()
        .body("[0].downloads", equalTo(1))
        .body("[0].url", org.hamcrest.Matchers.nullValue());

    given().delete(paper.path() + "/share-links/" + link.getLong("id")).then().statusCode(204);
    Personas.anonymous().get(path + "/white-paper-pdf").then().statusCode(410);
    Personas.anonymous().get("/api/shared/pls_not-a-real-one").then().statusCode(404);
  }

  @Test
  void an_expired_share_link_answers_410_and_a_past_expiry_is_refused() {
    CreatedPaper paper = paper();
    int edition = compile(paper).getInt("edition");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("expiresAt", "2020-01-01T00:00:00Z"))
        .post(paper.path() + "/editions/" + edition + "/share-links")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("expiresAt"));
    String url =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("expiresAt", Instant.now().plusSeconds(1).toString()))
            .post(paper.path() + "/editions/" + edition + "/share-links")
            .then()
            .statusCode(201)
            .extract()
            .path("url");
    sleep(1500);
    Personas.anonymous().get(url.substring(url.indexOf("/api/shared/"))).then().statusCode(410);
  }

  @Test
  void compile_progress_streams_until_the_job_is_done() {
    CreatedPaper paper = paper();
    String location =
        given()
            .post(paper.path() + "/editions")
            .then()
            .statusCode(202)
            .extract()
            .header("Location");
    String stream =
        given()
            .accept("text/event-stream")
            .get(location + "/progress")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(stream.contains("\"state\":\"DONE\""), stream);
    assertFalse(stream.isBlank());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
