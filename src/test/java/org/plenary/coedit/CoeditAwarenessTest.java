package org.plenary.coedit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;
import org.plenary.support.SignedIn;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Presence in the text over real sockets: awareness relayed with the server's say on who is who.
 */
@QuarkusTest
class CoeditAwarenessTest {

  static final String TEXT = "Companies should assess conflict risks.";
  static final String CURSOR = "{\"cursor\":{\"anchor\":3,\"head\":9}";

  @Inject Yjs yjs;
  @Inject AgroalDataSource dataSource;
  @Inject ObjectMapper mapper;

  static String displayName(Person p) {
    return "Person " + p.handle();
  }

  @Test
  void a_writers_cursor_reaches_the_other_with_the_name_the_server_sets_not_the_one_it_claims()
      throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person editor = Personas.member(paper, "EDITOR");
    try (CoeditClient owner = CoeditClient.open(yjs, paper.sectionPath(0), SignedIn.adminToken());
        CoeditClient other = CoeditClient.open(yjs, paper.sectionPath(0), editor.token())) {
      owner.untilText(TEXT);
      other.untilText(TEXT);
      other.announce(
          4_000_000_001L,
          1,
          CURSOR
              + ",\"user\":{\"name\":\"The Secretary-General\",\"color\":\"#fff\"},"
              + "\"readOnly\":true}");

      JsonNode seen = owner.untilPeer(4_000_000_001L, s -> true);
      assertEquals(3, seen.path("cursor").path("anchor").asInt(), seen.toString());
      JsonNode user = seen.path("user");
      assertEquals(displayName(editor), user.path("name").asText());
      assertEquals("PP", user.path("label").asText(), "initials of " + displayName(editor));
      assertTrue(
          Arrays.asList(CursorUser.COLORS).contains(user.path("color").asText()), seen.toString());
      assertEquals(user.path("color").asText() + "33", user.path("colorLight").asText());
      assertTrue(
          Arrays.asList(CursorUser.SHAPES).contains(user.path("shape").asText()), seen.toString());
      assertFalse(seen.path("readOnly").asBoolean(true), "an editor may write: " + seen);
      assertFalse(owner.peers.toString().contains("Secretary-General"));

      // The same person gets the same colour and shape again; the writer never hears itself.
      other.announce(4_000_000_001L, 2, CURSOR + "}");
      owner.untilPeer(
          4_000_000_001L, s -> !s.path("cursor").isMissingNode() && s.path("user").equals(user));
      // Whatever the server sent the sender about its own cursor came before this.
      owner.announce(5, 1, CURSOR + "}");
      other.untilPeer(5, s -> s.path("user").path("name").asText().equals("Administrator"));
      assertFalse(other.heardOf(4_000_000_001L), "the sender is not sent its own state");
    }
  }

  @Test
  void an_observer_sees_a_participant_for_an_unnamed_person_while_the_room_sees_the_name()
      throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person shy = Personas.member(paper, "CONTRIBUTOR").profile(Map.of("attribution", "ANONYMOUS"));
    Person editor = Personas.member(paper, "EDITOR");
    Person observer = Personas.member(paper, "OBSERVER");
    try (CoeditClient shyOne = CoeditClient.open(yjs, paper.sectionPath(0), shy.token());
        CoeditClient inRoom = CoeditClient.open(yjs, paper.sectionPath(0), editor.token());
        CoeditClient outside = CoeditClient.open(yjs, paper.sectionPath(0), observer.token())) {
      shyOne.untilText(TEXT);
      inRoom.untilText(TEXT);
      outside.untilText(TEXT);
      shyOne.announce(71, 1, CURSOR + "}");

      JsonNode named = inRoom.untilPeer(71, s -> true);
      assertEquals(displayName(shy), named.path("user").path("name").asText());
      JsonNode unnamed = outside.untilPeer(71, s -> true);
      assertEquals("A participant", unnamed.path("user").path("name").asText(), unnamed.toString());
      assertEquals("A participant", unnamed.path("user").path("label").asText());
      assertFalse(unnamed.toString().contains(shy.handle()), unnamed.toString());
      // Same person, same colour and shape for both audiences.
      assertEquals(named.path("user").path("color"), unnamed.path("user").path("color"));
      assertEquals(named.path("user").path("shape"), unnamed.path("user").path("shape"));
      // A contributor outside the section's group, and an observer, may not save.
      assertTrue(named.path("readOnly").asBoolean(), named.toString());
      outside.announce(72, 1, CURSOR + "}");
      JsonNode watcher = inRoom.untilPeer(72, s -> true);
      assertTrue(watcher.path("readOnly").asBoolean(), watcher.toString());
      assertEquals(displayName(observer), watcher.path("user").path("name").asText());
    }
  }

  @Test
  void a_closing_sockets_cursor_is_removed_at_the_others_and_a_newcomer_gets_the_current_ones()
      throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person editor = Personas.member(paper, "EDITOR");
    try (CoeditClient staying = CoeditClient.open(yjs, paper.sectionPath(0), editor.token())) {
      staying.untilText(TEXT);
      staying.announce(81, 1, CURSOR + "}");
      try (CoeditClient leaving =
          CoeditClient.open(yjs, paper.sectionPath(0), SignedIn.adminToken())) {
        leaving.untilText(TEXT);
        JsonNode current = leaving.untilPeer(81, s -> true);
        assertEquals(displayName(editor), current.path("user").path("name").asText());
        leaving.announce(82, 5, CURSOR + "}");
        staying.untilPeer(82, s -> true);
      }
      staying.untilPeerGone(82);
    }
  }

  @Test
  void a_cursor_travels_between_instances_through_postgresql() throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    try (Connection listening = dataSource.getConnection();
        CoeditClient client = CoeditClient.open(yjs, paper.sectionPath(0), SignedIn.adminToken())) {
      listening.setAutoCommit(true);
      try (Statement s = listening.createStatement()) {
        s.execute("LISTEN plenary_live");
      }
      client.untilText(TEXT);

      // Another instance's socket moved a cursor: only PostgreSQL's notification tells this one.
      String news =
          "{\"kind\":\"awareness\",\"instance\":\"elsewhere\",\"sectionId\":"
              + paper.section(0)
              + ",\"states\":[{\"clientId\":91,\"clock\":3,\"state\":"
              + CURSOR
              + "},\"accountId\":1,\"readOnly\":false,\"looks\":{"
              + "\"inTheRoom\":{\"name\":\"Amina Diallo\",\"color\":\"#009E73\","
              + "\"colorLight\":\"#009E7333\",\"shape\":\"▲\",\"label\":\"AD\"},"
              + "\"outside\":{\"name\":\"Amina Diallo\",\"color\":\"#009E73\","
              + "\"colorLight\":\"#009E7333\",\"shape\":\"▲\",\"label\":\"AD\"}}}]}";
      try (Connection c = dataSource.getConnection();
          PreparedStatement s = c.prepareStatement("SELECT pg_notify('plenary_live', ?)")) {
        s.setString(1, news);
        s.execute();
      }
      JsonNode seen = client.untilPeer(91, st -> true);
      assertEquals("Amina Diallo", seen.path("user").path("name").asText());
      assertEquals(9, seen.path("cursor").path("head").asInt());

      // This instance's cursors are told to the others the same way, well under 8,000 bytes.
      client.announce(92, 1, CURSOR + ",\"note\":\"" + "和平".repeat(300) + "\"}");
      JsonNode told = null;
      List<String> heard = new ArrayList<>();
      Instant deadline = Instant.now().plus(CoeditClient.SOON);
      while (told == null && Instant.now().isBefore(deadline)) {
        PGNotification[] got = listening.unwrap(PGConnection.class).getNotifications(500);
        for (PGNotification n : got == null ? new PGNotification[0] : got) {
          heard.add(n.getParameter());
          JsonNode json = mapper.readTree(n.getParameter());
          if ("awareness".equals(json.path("kind").asText())
              && !"elsewhere".equals(json.path("instance").asText())
              && json.path("sectionId").asLong() == paper.section(0)) {
            assertTrue(n.getParameter().getBytes("UTF-8").length < 8000);
            told = json;
          }
        }
      }
      assertTrue(told != null, "no awareness news among " + heard);
      JsonNode state = told.path("states").get(0);
      assertEquals(92, state.path("clientId").asLong());
      assertEquals("Administrator", state.path("looks").path("inTheRoom").path("name").asText());
    }
  }

  @Test
  void an_oversized_or_broken_state_is_ignored_and_the_document_is_unharmed() throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person editor = Personas.member(paper, "EDITOR");
    try (CoeditClient writer = CoeditClient.open(yjs, paper.sectionPath(0), editor.token());
        CoeditClient other = CoeditClient.open(yjs, paper.sectionPath(0), SignedIn.adminToken())) {
      writer.untilText(TEXT);
      other.untilText(TEXT);
      writer.announce(101, 1, "{\"note\":\"" + "x".repeat(3000) + "\"}");
      writer.announce(102, 1, "[1, 2]");
      writer.announce(103, 1, "{\"cursor\":");
      writer.send(new byte[] {1, 9, 1});
      writer.announce(104, 1, CURSOR + "}");
      other.untilPeer(104, s -> true);
      assertFalse(
          other.heardOf(101) || other.heardOf(102) || other.heardOf(103), other.peers.toString());

      writer.type(TEXT + " Still fine.");
      writer.untilAllSaved();
      other.untilText(TEXT + " Still fine.");
      assertEquals(-1, writer.closeCode(), "the writer's socket stays open");
    }
  }

  @Test
  void nobody_moves_another_persons_cursor() throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person editor = Personas.member(paper, "EDITOR");
    Person forger = Personas.member(paper, "EDITOR");
    try (CoeditClient real = CoeditClient.open(yjs, paper.sectionPath(0), editor.token());
        CoeditClient fake = CoeditClient.open(yjs, paper.sectionPath(0), forger.token());
        CoeditClient watcher =
            CoeditClient.open(yjs, paper.sectionPath(0), SignedIn.adminToken())) {
      real.untilText(TEXT);
      fake.untilText(TEXT);
      real.announce(111, 1, CURSOR + "}");
      watcher.untilPeer(111, s -> true);
      fake.announce(111, 9, "{\"cursor\":{\"anchor\":0,\"head\":0}}");
      fake.announce(111, 10, "null");
      fake.announce(112, 1, CURSOR + "}");
      watcher.untilPeer(112, s -> true);
      JsonNode still = watcher.peers.get(111L);
      assertEquals(3, still.path("cursor").path("anchor").asInt(), still.toString());
      assertEquals(displayName(editor), still.path("user").path("name").asText());
    }
  }

  @Test
  void a_member_removed_from_the_paper_has_their_socket_closed_with_1008() throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person removed = Personas.member(paper, "EDITOR");
    try (CoeditClient gone = CoeditClient.open(yjs, paper.sectionPath(0), removed.token());
        CoeditClient staying =
            CoeditClient.open(yjs, paper.sectionPath(0), SignedIn.adminToken())) {
      gone.untilText(TEXT);
      gone.announce(121, 1, CURSOR + "}");
      staying.untilPeer(121, s -> true);

      RestAssured.given().delete(paper.path() + "/members/" + removed.id()).then().statusCode(204);
      // %test keep-alive is 2 s: the check runs within a few seconds.
      gone.untilClosed();
      assertEquals(1008, gone.closeCode());
      assertTrue(gone.closeReason().contains("no longer a reader"), gone.closeReason());
      staying.untilPeerGone(121);
      assertEquals(-1, staying.closeCode());
    }
  }

  @Test
  void a_signed_out_or_disabled_readers_socket_closes() throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person leaving = Personas.member(paper, "EDITOR");
    Person disabled = Personas.member(paper, "OBSERVER");
    Person staying = Personas.member(paper, "OBSERVER");
    try (CoeditClient signedOut = CoeditClient.open(yjs, paper.sectionPath(0), leaving.token());
        CoeditClient offAccount = CoeditClient.open(yjs, paper.sectionPath(0), disabled.token());
        CoeditClient open = CoeditClient.open(yjs, paper.sectionPath(0), staying.token())) {
      signedOut.untilText(TEXT);
      offAccount.untilText(TEXT);
      open.untilText(TEXT);

      leaving.as().post("/api/auth/sign-out").then().statusCode(204);
      RestAssured.given()
          .post("/api/admin/accounts/" + disabled.id() + "/disable")
          .then()
          .statusCode(200);

      signedOut.untilClosed();
      assertEquals(1008, signedOut.closeCode());
      assertTrue(signedOut.closeReason().contains("sign-in ended"), signedOut.closeReason());
      offAccount.untilClosed();
      assertEquals(1008, offAccount.closeCode());
      Thread.sleep(2_500); // one more check (%test keep-alive is 2 s)
      assertEquals(-1, open.closeCode(), "the reader still signed in keeps the socket");
    }
  }

  @Test
  void a_writer_made_an_observer_is_refused_and_shown_read_only() throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person demoted = Personas.member(paper, "EDITOR");
    try (CoeditClient writer = CoeditClient.open(yjs, paper.sectionPath(0), demoted.token());
        CoeditClient other = CoeditClient.open(yjs, paper.sectionPath(0), SignedIn.adminToken())) {
      writer.untilText(TEXT);
      writer.announce(131, 1, CURSOR + "}");
      assertFalse(other.untilPeer(131, s -> true).path("readOnly").asBoolean(true));

      RestAssured.given()
          .contentType(ContentType.JSON)
          .body(Map.of("role", "OBSERVER"))
          .patch(paper.path() + "/members/" + demoted.id())
          .then()
          .statusCode(200);
      writer.type(TEXT + " Observers do not write.");
      writer.untilDenied();
      assertTrue(writer.denied.contains("observer"), writer.denied);
      other.untilPeer(131, s -> s.path("readOnly").asBoolean());
      assertEquals(-1, writer.closeCode(), "an observer still watches");
    }
  }
}
