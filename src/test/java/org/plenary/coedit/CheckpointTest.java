package org.plenary.coedit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;
import org.plenary.support.SignedIn;

/** Live typing becomes ordinary revisions, with every co-author (issue 15, "revisions stay"). */
@QuarkusTest
class CheckpointTest {

  static final String TEXT = "Companies should assess conflict risks.";

  @Inject Yjs yjs;
  @Inject Checkpoints checkpoints;
  @Inject LiveDocuments documents;
  @Inject AgroalDataSource dataSource;

  /**
   * Checkpoints what paused, and waits for a checkpoint a closing socket started on its own thread
   * (it holds the document's row, so the pause job skips it) until the section has no typing that
   * is not in a revision.
   */
  void checkpointedAfterClosing(long sectionId) throws Exception {
    long deadline = System.nanoTime() + CoeditClient.SOON.toNanos();
    while (true) {
      checkpoints.pausedFor(Duration.ZERO);
      try (Connection c = dataSource.getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT last_seq - checkpointed_seq FROM live_document WHERE section_id = ?")) {
        s.setLong(1, sectionId);
        try (ResultSet rs = s.executeQuery()) {
          assertTrue(rs.next(), "no live document for section " + sectionId);
          if (rs.getLong(1) == 0) {
            return;
          }
        }
      }
      assertTrue(System.nanoTime() < deadline, "section " + sectionId + " never checkpointed");
      Thread.sleep(50);
    }
  }

  static JsonPath saveVersion(Person person, CreatedPaper paper) {
    return LiveRevisionPropertiesTest.saveVersion(person, paper.sectionPath(0));
  }

  @Test
  void save_version_writes_the_live_text_as_a_revision_with_both_co_authors_then_nothing_more()
      throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person ana = Personas.member(paper, "EDITOR");
    Person ben = Personas.member(paper, "EDITOR");
    try (CoeditClient a = CoeditClient.open(yjs, paper.sectionPath(0), ana.token());
        CoeditClient b = CoeditClient.open(yjs, paper.sectionPath(0), ben.token())) {
      a.untilText(TEXT);
      b.untilText(TEXT);
      CoeditClient.typeInTurn(a, "Ana: " + TEXT, b, "Ana: " + TEXT + " Ben.");

      JsonPath done = saveVersion(ana, paper);
      assertEquals(2, done.getInt("revision"));
      assertEquals(true, done.getBoolean("created"));
      assertEquals(List.of(ana.handle(), ben.handle()), done.getList("coAuthors.handle"));

      ana.as()
          .get(paper.sectionPath(0) + "/content")
          .then()
          .body("revision", equalTo(2))
          .body("body", equalTo("Ana: " + TEXT + " Ben."))
          .body("summary", equalTo("Live session"))
          .body("author.handle", equalTo(ben.handle()))
          .body("coAuthors.handle", equalTo(List.of(ana.handle(), ben.handle())));

      JsonPath again = saveVersion(ben, paper);
      assertEquals(2, again.getInt("revision"));
      assertEquals(false, again.getBoolean("created"));
      assertEquals(List.of(), again.getList("coAuthors"));
    }
  }

  @Test
  void a_pause_in_typing_checkpoints_one_revision_listing_both_co_authors() throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person ana = Personas.member(paper, "EDITOR");
    Person ben = Personas.member(paper, "CONTRIBUTOR");
    Fixture.save(paper.sectionPath(0), TEXT + " Owner.").then().statusCode(200);
    String start = TEXT + " Owner.";
    try (CoeditClient a = CoeditClient.open(yjs, paper.sectionPath(0), ana.token());
        CoeditClient b = CoeditClient.open(yjs, paper.sectionPath(0), SignedIn.adminToken())) {
      a.untilText(start);
      b.untilText(start);
      a.type("مرحبا " + start);
      b.type(start + " 中文.");
      a.untilAllSaved();
      b.untilAllSaved();
      String both = "مرحبا " + start + " 中文.";
      a.untilText(both);

      checkpoints.pausedFor(Duration.ZERO);
      checkpoints.pausedFor(Duration.ZERO); // a second run (another instance) writes nothing

      ana.as()
          .get(paper.sectionPath(0) + "/revisions")
          .then()
          .body("items.size()", equalTo(3))
          .body("items[0].number", equalTo(3))
          .body("items[0].summary", equalTo("Live session"))
          .body("items[0].coAuthors.size()", equalTo(2))
          .body("items[1].coAuthors", empty());
      ana.as()
          .get(paper.sectionPath(0) + "/content")
          .then()
          .body("body", equalTo(both))
          .body("coAuthors.handle", org.hamcrest.Matchers.hasItems(ana.handle(), "admin"));
    }
  }

  @Test
  void save_version_is_refused_to_an_observer_and_unknown_sections_and_on_a_frozen_paper() {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person observer = Personas.member(paper, "OBSERVER");
    observer
        .as()
        .post(paper.sectionPath(0) + "/live/checkpoint")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    Person ana = Personas.member(paper, "EDITOR");
    ana.as()
        .post(paper.path() + "/sections/999999999/live/checkpoint")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    Fixture.changeStatus(paper, "FROZEN").statusCode(200);
    ana.as()
        .post(paper.sectionPath(0) + "/live/checkpoint")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("frozen"));
  }

  /** An edit made in {@code client}'s document but not sent yet: typed before it sees news. */
  byte[] edit(CoeditClient client, String next) {
    return yjs.replaceText(client.doc, next);
  }

  static void send(CoeditClient client, byte[] update) {
    client.send(SyncMessages.update(update));
    client.toBeSaved++;
  }

  static String content(CreatedPaper paper) {
    return given().get(paper.sectionPath(0) + "/content").then().extract().path("body");
  }

  static ValidatableResponse put(CreatedPaper paper, String etag, String body) {
    return given()
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(Map.of("body", body))
        .put(paper.sectionPath(0) + "/content")
        .then();
  }

  @Test
  void observers_see_a_co_author_who_chose_not_to_be_named_as_a_participant() throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person unnamed = Personas.member(paper, "EDITOR");
    unnamed.profile(Map.of("attribution", "ANONYMOUS"));
    Person named = Personas.member(paper, "EDITOR");
    Person observer = Personas.member(paper, "OBSERVER");
    try (CoeditClient a = CoeditClient.open(yjs, paper.sectionPath(0), unnamed.token());
        CoeditClient b = CoeditClient.open(yjs, paper.sectionPath(0), named.token())) {
      a.untilText(TEXT);
      b.untilText(TEXT);
      CoeditClient.typeInTurn(a, "Quietly: " + TEXT, b, "Quietly: " + TEXT + " Openly.");
    }
    checkpointedAfterClosing(paper.section(0));
    observer
        .as()
        .get(paper.sectionPath(0) + "/content")
        .then()
        .body("revision", equalTo(2))
        .body("coAuthors.displayName", contains("A participant", "Person " + named.handle()))
        .body("coAuthors[0].handle", nullValue())
        .body("coAuthors[0].id", nullValue());
    observer
        .as()
        .get(paper.sectionPath(0) + "/revisions")
        .then()
        .body(
            "items[0].coAuthors.displayName",
            contains("A participant", "Person " + named.handle()));
    named
        .as()
        .get(paper.sectionPath(0) + "/revisions/2")
        .then()
        .body("coAuthors.handle", contains(unnamed.handle(), named.handle()));
  }

  @Test
  void the_last_writer_leaving_checkpoints_the_live_text() throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person ana = Personas.member(paper, "EDITOR");
    try (CoeditClient a = CoeditClient.open(yjs, paper.sectionPath(0), ana.token())) {
      a.untilText(TEXT);
      a.type(TEXT + " Before leaving.");
      a.untilAllSaved();
      assertEquals(TEXT, content(paper), "not yet a revision while the writer is there");
    }
    Instant deadline = Instant.now().plus(CoeditClient.SOON);
    while (!content(paper).equals(TEXT + " Before leaving.")) {
      assertTrue(Instant.now().isBefore(deadline), "no checkpoint after the writer left");
      Thread.sleep(100);
    }
    given()
        .get(paper.sectionPath(0) + "/content")
        .then()
        .body("revision", equalTo(2))
        .body("author.handle", equalTo(ana.handle()));
  }

  @Test
  void a_save_with_if_match_reaches_the_sockets_and_keeps_both_peoples_typing() throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person ana = Personas.member(paper, "EDITOR");
    Person ben = Personas.member(paper, "EDITOR");
    try (CoeditClient a = CoeditClient.open(yjs, paper.sectionPath(0), ana.token());
        CoeditClient b = CoeditClient.open(yjs, paper.sectionPath(0), ben.token())) {
      a.untilText(TEXT);
      b.untilText(TEXT);
      b.type(TEXT + " Ben.");
      b.untilAllSaved();
      a.untilText(TEXT + " Ben.");
      saveVersion(ana, paper);
      String etag = Fixture.etagOf(paper.sectionPath(0));

      // Ana types while the save is on its way; the save changes the middle.
      byte[] typing = edit(a, "Ana: " + TEXT + " Ben.");
      String saved = TEXT.replace("assess", "always assess") + " Ben.";
      put(paper, etag, saved).statusCode(200).body("revision", equalTo(3));
      send(a, typing);
      a.untilAllSaved();

      String both = "Ana: " + saved;
      a.untilText(both);
      b.untilText(both);
      assertEquals(both, documents.text(paper.id(), paper.section(0)));
      assertEquals(saved, content(paper), "Ana's typing after the save is not a revision yet");
    }
  }

  @Test
  void a_save_whose_etag_is_older_than_the_live_typing_is_412_after_the_typing_is_checkpointed()
      throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person ana = Personas.member(paper, "EDITOR");
    String etag = Fixture.etagOf(paper.sectionPath(0));
    try (CoeditClient a = CoeditClient.open(yjs, paper.sectionPath(0), ana.token())) {
      a.untilText(TEXT);
      a.type(TEXT + " Typed live.");
      a.untilAllSaved();
      put(paper, etag, "Overwritten from an old copy.")
          .statusCode(412)
          .contentType("application/problem+json")
          .body("currentRevision", equalTo(2))
          .body("currentBody", equalTo(TEXT + " Typed live."))
          .body("currentAuthor.handle", equalTo(ana.handle()));
      given()
          .get(paper.sectionPath(0) + "/content")
          .then()
          .body("revision", equalTo(2))
          .body("summary", equalTo("Live session"));
      assertEquals(TEXT + " Typed live.", a.text());
      assertEquals(TEXT + " Typed live.", documents.text(paper.id(), paper.section(0)));
    }
  }

  @Test
  void a_draft_merged_while_two_sockets_type_keeps_the_merge_and_both_peoples_words()
      throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person ana = Personas.member(paper, "EDITOR");
    Person ben = Personas.member(paper, "EDITOR");
    long draft =
        given()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "body",
                    TEXT.replace("conflict risks", "human rights and conflict risks"),
                    "rationale",
                    "Name rights",
                    "submit",
                    true))
            .post(paper.sectionPath(0) + "/drafts")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    try (CoeditClient a = CoeditClient.open(yjs, paper.sectionPath(0), ana.token());
        CoeditClient b = CoeditClient.open(yjs, paper.sectionPath(0), ben.token())) {
      a.untilText(TEXT);
      b.untilText(TEXT);
      a.type("Ana. " + TEXT);
      b.type(TEXT + " Ben.");
      a.untilAllSaved();
      b.untilAllSaved();
      String typed = "Ana. " + TEXT + " Ben.";
      a.untilText(typed);
      b.untilText(typed);

      // The editor's preview reads the live text (checkpointed) and gives the tag to merge on.
      String etag =
          given()
              .get(paper.path() + "/drafts/" + draft + "/merge-preview")
              .then()
              .statusCode(200)
              .body("clean", equalTo(true))
              .extract()
              .path("currentEtag");
      byte[] anaMore = edit(a, "Ana again. " + typed);
      byte[] benMore = edit(b, typed + " Ben again.");
      given()
          .contentType(ContentType.JSON)
          .header("If-Match", etag)
          .post(paper.path() + "/drafts/" + draft + "/merge")
          .then()
          .statusCode(200)
          .body("status", equalTo("MERGED"));
      send(a, anaMore);
      send(b, benMore);
      a.untilAllSaved();
      b.untilAllSaved();

      String merged = "Ana. " + TEXT.replace("conflict risks", "human rights and conflict risks");
      String all = "Ana again. " + merged + " Ben. Ben again.";
      a.untilText(all);
      b.untilText(all);
      assertEquals(all, documents.text(paper.id(), paper.section(0)));
      assertEquals(merged + " Ben.", content(paper));
    }
  }

  @Test
  void a_restore_while_two_sockets_type_keeps_the_restored_text_and_both_peoples_new_words()
      throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person ana = Personas.member(paper, "EDITOR");
    Person ben = Personas.member(paper, "EDITOR");
    try (CoeditClient a = CoeditClient.open(yjs, paper.sectionPath(0), ana.token());
        CoeditClient b = CoeditClient.open(yjs, paper.sectionPath(0), ben.token())) {
      a.untilText(TEXT);
      b.untilText(TEXT);
      a.type("Ana. " + TEXT);
      b.type(TEXT + " Ben.");
      a.untilAllSaved();
      b.untilAllSaved();
      String typed = "Ana. " + TEXT + " Ben.";
      a.untilText(typed);
      b.untilText(typed);
      saveVersion(ana, paper);
      String etag = Fixture.etagOf(paper.sectionPath(0));

      byte[] anaMore = edit(a, "First. " + typed);
      byte[] benMore = edit(b, typed + " Last.");
      given()
          .header("If-Match", etag)
          .post(paper.sectionPath(0) + "/revisions/1/restore")
          .then()
          .statusCode(200)
          .body("revision", equalTo(3))
          .body("body", equalTo(TEXT));
      send(a, anaMore);
      send(b, benMore);
      a.untilAllSaved();
      b.untilAllSaved();

      String all = "First. " + TEXT + " Last.";
      a.untilText(all);
      b.untilText(all);
      assertEquals(all, documents.text(paper.id(), paper.section(0)));
      given()
          .get(paper.sectionPath(0) + "/revisions/2")
          .then()
          .body("body", equalTo(typed)); // the typing stays in the history
    }
  }

  @Test
  void a_compile_reads_the_live_text() throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person ana = Personas.member(paper, "EDITOR");
    try (CoeditClient a = CoeditClient.open(yjs, paper.sectionPath(0), ana.token())) {
      a.untilText(TEXT);
      a.type(TEXT + " Typed live, in the edition.");
      a.untilAllSaved();
      String location =
          given()
              .post(paper.path() + "/editions")
              .then()
              .statusCode(202)
              .extract()
              .header("Location");
      int edition = Fixture.awaitEdition(location);
      String html =
          given()
              .get(paper.path() + "/editions/" + edition + "/files/html")
              .then()
              .statusCode(200)
              .extract()
              .asString();
      assertTrue(html.contains("Typed live, in the edition."), "the live text is not in it");
      given()
          .get(paper.sectionPath(0) + "/content")
          .then()
          .body("revision", equalTo(2))
          .body("body", equalTo(TEXT + " Typed live, in the edition."));
    }
  }

  @Test
  void a_comment_anchored_before_live_typing_still_finds_its_passage_after_the_checkpoint()
      throws Exception {
    String text =
        "Companies should assess conflict risks before entering a market.\n\n"
            + "They should publish what they find, in the languages of the people affected.";
    String passage = "publish what they find";
    CreatedPaper paper = Fixture.paper().withSection("Context", text).create();
    Person ana = Personas.member(paper, "EDITOR");
    long thread =
        ana.as()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "body", "Which languages?", "anchor", Map.of("exact", passage, "revision", 1)))
            .post(paper.sectionPath(0) + "/comments")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    String typed = "A new opening paragraph, typed live.\n\n" + text.replace("should", "must");
    try (CoeditClient a = CoeditClient.open(yjs, paper.sectionPath(0), ana.token())) {
      a.untilText(text);
      a.type(typed);
      a.untilAllSaved();
      saveVersion(ana, paper);
    }
    JsonPath found =
        ana.as()
            .get(paper.path() + "/comments/" + thread)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("ATTACHED", found.getString("anchor.status"));
    assertEquals(2, found.getInt("anchor.currentRevision"));
    assertEquals(passage, found.getString("anchor.text"));
    assertEquals(typed.indexOf(passage), found.getInt("anchor.start"));
  }

  /** Pieces of text from several scripts, with characters outside the BMP and combining marks. */
  static final List<String> PIECES =
      List.of("a", " ", "\n", "é", "ß", "和平", "سلام", "🕊", "👩‍👩‍👧", "e\u0301", "Ω", "word ");

  /** A random edit of {@code text}: pieces inserted at a code point, or a range deleted. */
  static String edit(String text, Random random) {
    int[] points = text.codePoints().toArray();
    int at = random.nextInt(points.length + 1);
    int offset = text.offsetByCodePoints(0, at);
    if (random.nextInt(3) == 0 && at < points.length) {
      int to = text.offsetByCodePoints(offset, 1 + random.nextInt(Math.min(5, points.length - at)));
      return text.substring(0, offset) + text.substring(to);
    }
    StringBuilder insert = new StringBuilder();
    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
      insert.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return text.substring(0, offset) + insert + text.substring(offset);
  }

  /**
   * A property over jqwik's random seeds (a {@code @QuarkusTest} cannot be a jqwik container, so
   * the seeds come from {@link Arbitraries} and each failure names its seed): random multilingual
   * edits by two clients, at once or one after the other, interleaved with API saves and
   * checkpoints; every checkpoint's revision is the server's live text, and every client converges
   * on it.
   */
  @Test
  void random_live_edits_saves_and_checkpoints_keep_revisions_and_clients_equal_to_the_live_text()
      throws Exception {
    for (long seed : Arbitraries.longs().sampleStream().limit(4).toList()) {
      Random random = new Random(seed);
      CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
      Person ana = Personas.member(paper, "EDITOR");
      Person ben = Personas.member(paper, "CONTRIBUTOR");
      try (CoeditClient a = CoeditClient.open(yjs, paper.sectionPath(0), ana.token());
          CoeditClient b = CoeditClient.open(yjs, paper.sectionPath(0), SignedIn.adminToken())) {
        a.untilText(TEXT);
        b.untilText(TEXT);
        List<String> steps = new ArrayList<>();
        for (int step = 0; step < 12; step++) {
          int what = random.nextInt(5);
          steps.add(String.valueOf(what));
          String why = "seed " + seed + ", steps " + steps;
          switch (what) {
            case 0 -> a.type(edit(a.text(), random));
            case 1 -> b.type(edit(b.text(), random));
            case 2 -> {
              a.type(edit(a.text(), random)); // both at once, neither seeing the other's
              b.type(edit(b.text(), random));
            }
            case 3 -> {
              JsonPath done = saveVersion(ana, paper);
              assertEquals(
                  documents.text(paper.id(), paper.section(0)),
                  given()
                      .get(paper.sectionPath(0) + "/revisions/" + done.getInt("revision"))
                      .then()
                      .extract()
                      .path("body"),
                  why);
            }
            default -> {
              saveVersion(ana, paper);
              String etag = Fixture.etagOf(paper.sectionPath(0));
              put(paper, etag, edit(content(paper), random)).statusCode(200);
            }
          }
          a.untilAllSaved();
          b.untilAllSaved();
          String server = documents.text(paper.id(), paper.section(0));
          a.untilText(server);
          b.untilText(server);
        }
        checkpointedAfterClosing(paper.section(0));
        String server = documents.text(paper.id(), paper.section(0));
        assertEquals(server, content(paper), "seed " + seed + ", steps " + steps);
        assertEquals(server, a.text());
        assertEquals(server, b.text());
      }
    }
  }
}
