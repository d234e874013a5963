package org.plenary.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;
import org.plenary.support.SignedIn;
import org.plenary.support.SseClient;
import org.plenary.support.SseClient.Event;

@QuarkusTest
class LiveApiTest {

  static final Duration SOON = Duration.ofSeconds(10);
  static final String TEXT = "Companies should assess conflict risks.\n\nDonors should fund peace.";

  static String url(CreatedPaper paper) {
    return RestAssured.baseURI + ":" + RestAssured.port + paper.path() + "/events";
  }

  static SseClient stream(CreatedPaper paper, String token, String lastEventId) {
    SseClient client = SseClient.open(url(paper), token, lastEventId);
    assertEquals(200, client.status(), () -> "stream refused: " + client.body());
    assertTrue(client.contentType().startsWith("text/event-stream"), client.contentType());
    return client;
  }

  static void beat(Person who, CreatedPaper paper, String client, Long section, boolean editing) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("client", client);
    body.put("sectionId", section);
    body.put("editing", editing);
    who.as()
        .contentType(ContentType.JSON)
        .body(body)
        .put(paper.path() + "/presence")
        .then()
        .statusCode(200);
  }

  @Test
  void every_kind_of_change_reaches_a_reader_of_the_paper_as_it_happens() {
    CreatedPaper paper =
        Fixture.paper().withSection("Context", TEXT).withProposal("Fund peace", TEXT).create();
    Person reader = Personas.member(paper, "OBSERVER");
    Person writer = Personas.member(paper, "EDITOR");
    try (SseClient live = stream(paper, reader.token(), null)) {
      JsonNode hello = live.await("hello", SOON).json();
      assertEquals(paper.id(), hello.get("paperId").asLong());
      assertTrue(hello.get("lastEventId").asLong() > 0, hello.toString());

      writer.save(paper.sectionPath(0), TEXT + "\n\nA new paragraph.").statusCode(200);
      Event saved = live.await("section.saved", SOON);
      assertEquals(paper.section(0), saved.json().get("data").get("sectionId").asLong());
      assertEquals(2, saved.json().get("data").get("revision").asInt());
      assertFalse(saved.data().contains("A new paragraph"), "no text on the stream: " + saved);
      assertFalse(saved.data().contains(writer.handle()), "nobody named on the stream: " + saved);
      assertTrue(Long.parseLong(saved.id()) > hello.get("lastEventId").asLong());

      writer
          .as()
          .contentType(ContentType.JSON)
          .body(Map.of("heading", "Background"))
          .patch(paper.sectionPath(0))
          .then()
          .statusCode(200);
      assertEquals(
          "section.updated", live.await("outline.changed", SOON).json().get("type").asText());

      long thread =
          writer
              .as()
              .contentType(ContentType.JSON)
              .body(Map.of("body", "Which risks?"))
              .post(paper.sectionPath(0) + "/comments")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath()
              .getLong("id");
      Event comment = live.await("comment.added", SOON);
      assertEquals(thread, comment.json().get("objectId").asLong());
      writer.as().post(paper.path() + "/comments/" + thread + "/resolve").then().statusCode(200);
      live.await("comment.resolved", SOON);

      writer
          .as()
          .contentType(ContentType.JSON)
          .body(Map.of("stance", "ENDORSE"))
          .put(paper.sectionPath(1) + "/endorsement")
          .then()
          .statusCode(200);
      assertEquals(
          paper.section(1),
          live.await("endorsement.changed", SOON).json().get("data").get("sectionId").asLong());

      long draft =
          writer
              .as()
              .contentType(ContentType.JSON)
              .body(Map.of("body", TEXT + "\n\nProposed.", "submit", true))
              .post(paper.sectionPath(1) + "/drafts")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath()
              .getLong("id");
      assertEquals(draft, live.await("draft.opened", SOON).json().get("objectId").asLong());
      writer
          .as()
          .contentType(ContentType.JSON)
          .body(Map.of("reason", "Not now"))
          .post(paper.path() + "/drafts/" + draft + "/reject")
          .then()
          .statusCode(200);
      live.await("draft.rejected", SOON);

      String job =
          RestAssured.given()
              .post(paper.path() + "/editions")
              .then()
              .statusCode(202)
              .extract()
              .header("Location");
      Event done =
          live.await(
              e ->
                  e.name().equals("compile.progress")
                      && e.json().get("state").asText().equals("DONE"),
              "the compile's last progress",
              Duration.ofSeconds(60));
      assertEquals(100, done.json().get("percent").asInt());
      assertTrue(job.endsWith("/" + done.json().get("jobId").asLong()), job);
      live.await("edition.compiled", SOON);
    }
  }

  @Test
  void a_reconnecting_reader_gets_what_it_missed_once_and_in_order() {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person reader = Personas.member(paper, "CONTRIBUTOR");
    Person writer = Personas.member(paper, "EDITOR");
    String last;
    try (SseClient live = stream(paper, reader.token(), null)) {
      last = live.await("hello", SOON).id();
    }
    for (int i = 2; i <= 4; i++) {
      writer.save(paper.sectionPath(0), TEXT + "\n\nEdit " + i).statusCode(200);
    }
    try (SseClient live = stream(paper, reader.token(), last)) {
      List<Integer> revisions = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        revisions.add(live.await("section.saved", SOON).json().get("data").get("revision").asInt());
      }
      assertEquals(List.of(2, 3, 4), revisions);
      JsonNode hello = live.await("hello", SOON).json();
      assertEquals(3, hello.get("replayed").asInt());
      writer.save(paper.sectionPath(0), TEXT + "\n\nEdit 5").statusCode(200);
      assertEquals(5, live.await("section.saved", SOON).json().get("data").get("revision").asInt());
      assertTrue(
          live.drain(Duration.ofMillis(500)).stream()
              .noneMatch(e -> "section.saved".equals(e.name())),
          "nothing twice");
    }
  }

  @Test
  void a_replay_the_log_cannot_give_tells_the_reader_to_reload() {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    CreatedPaper other = Fixture.paper().withSection("Elsewhere", TEXT).create();
    String otherId;
    try (SseClient live = stream(other, SignedIn.adminToken(), null)) {
      otherId = live.await("hello", SOON).id();
    }
    RestAssured.given().post(paper.path() + "/editions").then().statusCode(202);
    Fixture.save(paper.sectionPath(0), TEXT + "\n\nMore.").then().statusCode(200);
    try (SseClient live = stream(paper, SignedIn.adminToken(), "1")) {
      JsonNode reset = live.await("reset", SOON).json();
      assertEquals("the stream does not know that event", reset.get("reason").asText());
    }
    try (SseClient live = stream(paper, SignedIn.adminToken(), otherId)) {
      live.await("reset", SOON);
      live.await("hello", SOON);
    }
  }

  @Test
  void a_malformed_last_event_id_is_refused_naming_the_header() {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    SseClient refused = SseClient.open(url(paper), SignedIn.adminToken(), "yesterday");
    assertEquals(422, refused.status());
    assertTrue(refused.body().contains("Last-Event-ID"), refused.body());
    SseClient anonymous = SseClient.open(url(paper), null, null);
    assertEquals(401, anonymous.status());
  }

  @Test
  void presence_shows_who_is_where_to_each_reader_as_the_chatham_house_rule_allows() {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person shy = Personas.member(paper, "CONTRIBUTOR").profile(Map.of("attribution", "ANONYMOUS"));
    Person editor = Personas.member(paper, "EDITOR");
    Person observer = Personas.member(paper, "OBSERVER");
    try (SseClient inRoom = stream(paper, editor.token(), null);
        SseClient outside = stream(paper, observer.token(), null)) {
      inRoom.await("hello", SOON);
      outside.await("hello", SOON);

      beat(shy, paper, "tab-aaaa-1", paper.section(0), true);
      JsonNode seen = inRoom.await("presence", SOON).json().get("people");
      assertEquals(1, seen.size(), seen.toString());
      assertEquals(shy.handle(), seen.get(0).get("handle").asText());
      assertEquals(paper.section(0), seen.get(0).get("sectionId").asLong());
      assertTrue(seen.get(0).get("editing").asBoolean());
      JsonNode unnamed = outside.await("presence", SOON).json().get("people");
      assertTrue(unnamed.get(0).get("handle").isNull(), unnamed.toString());
      assertEquals("A participant", unnamed.get(0).get("displayName").asText());

      // A heartbeat that changes nothing tells nobody; moving does.
      beat(shy, paper, "tab-aaaa-1", paper.section(0), true);
      beat(shy, paper, "tab-aaaa-1", null, false);
      JsonNode moved = inRoom.await("presence", SOON).json().get("people");
      assertTrue(moved.get(0).get("sectionId").isNull(), moved.toString());

      shy.as().delete(paper.path() + "/presence/tab-aaaa-1").then().statusCode(204);
      assertEquals(0, inRoom.await("presence", SOON).json().get("people").size());
      editor.as().get(paper.path() + "/presence").then().statusCode(200);
    }
  }

  @Test
  void a_presence_without_heartbeats_goes_away_by_itself() {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person editor = Personas.member(paper, "EDITOR");
    Person gone = Personas.member(paper, "CONTRIBUTOR");
    try (SseClient live = stream(paper, editor.token(), null)) {
      live.await("hello", SOON);
      beat(gone, paper, "tab-bbbb-1", paper.section(0), false);
      assertEquals(1, live.await("presence", SOON).json().get("people").size());
      // %test presence-timeout is 2 s and the sweep runs every 5 s
      assertEquals(0, live.await("presence", Duration.ofSeconds(15)).json().get("people").size());
    }
  }

  @Test
  void bad_heartbeats_are_refused_naming_the_field_and_store_nothing() {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    CreatedPaper other = Fixture.paper().withSection("Elsewhere", TEXT).create();
    Person editor = Personas.member(paper, "EDITOR");
    editor
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("client", "x", "editing", false))
        .put(paper.path() + "/presence")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", org.hamcrest.Matchers.equalTo("client"));
    editor
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("client", "tab-cccc-1", "sectionId", other.section(0), "editing", false))
        .put(paper.path() + "/presence")
        .then()
        .statusCode(422)
        .body("errors[0].field", org.hamcrest.Matchers.equalTo("sectionId"));
    editor
        .as()
        .get(paper.path() + "/presence")
        .then()
        .statusCode(200)
        .body("people", org.hamcrest.Matchers.hasSize(0));
  }

  /** Waits until the server ends the stream; fails after {@code timeout}. */
  static void awaitEnd(SseClient live, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!live.ended()) {
      assertTrue(System.nanoTime() < deadline, "the stream is still open after " + timeout);
      live.drain(Duration.ofMillis(200));
    }
  }

  @Test
  void a_stream_ends_when_its_reader_signs_out_or_the_account_is_disabled() {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person leaving = Personas.member(paper, "CONTRIBUTOR");
    Person disabled = Personas.member(paper, "OBSERVER");
    Person staying = Personas.member(paper, "OBSERVER");
    Person writer = Personas.member(paper, "EDITOR");
    try (SseClient signedOut = stream(paper, leaving.token(), null);
        SseClient offAccount = stream(paper, disabled.token(), null);
        SseClient open = stream(paper, staying.token(), null)) {
      signedOut.await("hello", SOON);
      offAccount.await("hello", SOON);
      open.await("hello", SOON);

      leaving.as().post("/api/auth/sign-out").then().statusCode(204);
      RestAssured.given()
          .post("/api/admin/accounts/" + disabled.id() + "/disable")
          .then()
          .statusCode(200);

      // %test keep-alive is 2 s: the check runs within a few seconds
      awaitEnd(signedOut, Duration.ofSeconds(15));
      awaitEnd(offAccount, Duration.ofSeconds(15));
      writer.save(paper.sectionPath(0), TEXT + "\n\nAfter they left.").statusCode(200);
      assertEquals(2, open.await("section.saved", SOON).json().get("data").get("revision").asInt());
      assertFalse(open.ended(), "the reader still signed in keeps the stream");
    }
  }

  @Test
  void events_about_a_private_draft_reach_only_its_author() {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    Person observer = Personas.member(paper, "OBSERVER");
    Person editor = Personas.member(paper, "EDITOR");
    java.util.function.Predicate<Event> noDraftNews =
        e -> {
          assertFalse(e.name().startsWith("draft."), () -> "a private draft leaked: " + e);
          return e.name().equals("section.saved");
        };
    String before;
    try (SseClient own = stream(paper, author.token(), null);
        SseClient watching = stream(paper, observer.token(), null);
        SseClient editing = stream(paper, editor.token(), null)) {
      before = own.await("hello", SOON).id();
      watching.await("hello", SOON);
      editing.await("hello", SOON);

      long draft =
          author
              .as()
              .contentType(ContentType.JSON)
              .body(Map.of("body", TEXT + "\n\nMy private idea.", "submit", false))
              .post(paper.sectionPath(0) + "/drafts")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath()
              .getLong("id");
      assertEquals(draft, own.await("draft.opened", SOON).json().get("objectId").asLong());
      // A save outdates the private draft: the author hears of it, the others only of the save.
      editor.save(paper.sectionPath(0), TEXT + "\n\nThe editor's change.").statusCode(200);
      assertEquals(draft, own.await("draft.outdated", SOON).json().get("objectId").asLong());
      for (SseClient other : List.of(watching, editing)) {
        other.await(noDraftNews, "the save, and no draft event before it", SOON);
        assertTrue(
            other.drain(Duration.ofMillis(500)).stream()
                .noneMatch(e -> e.name().startsWith("draft.")),
            "no draft event after the save either");
      }
    }
    // Nor does a replay carry them while the draft is private.
    try (SseClient replay = stream(paper, observer.token(), before)) {
      replay.await(noDraftNews, "the replayed save, and no draft event before it", SOON);
      assertTrue(
          replay.drain(Duration.ofMillis(500)).stream()
              .noneMatch(e -> e.name().startsWith("draft.")),
          "no draft event in the replay");
    }
  }
}
