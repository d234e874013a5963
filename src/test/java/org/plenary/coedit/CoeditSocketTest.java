package org.plenary.coedit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;
import org.plenary.support.SignedIn;

@QuarkusTest
class CoeditSocketTest {

  static final String TEXT = "Companies should assess conflict risks.";

  @Inject Yjs yjs;
  @Inject AgroalDataSource dataSource;

  /** The text of the document as stored: the snapshot, then every update in order. */
  String stored(long sectionId) throws SQLException {
    return CoeditClient.storedText(yjs, dataSource, sectionId);
  }

  long updates(long sectionId) throws SQLException {
    return CoeditClient.storedUpdates(dataSource, sectionId);
  }

  static String admin() {
    return SignedIn.adminToken();
  }

  @Test
  void two_writers_typing_at_once_converge_on_the_text_the_server_stores() throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person editor = Personas.member(paper, "EDITOR");
    try (CoeditClient owner = CoeditClient.open(yjs, paper.sectionPath(0), admin());
        CoeditClient other = CoeditClient.open(yjs, paper.sectionPath(0), editor.token())) {
      owner.untilText(TEXT);
      other.untilText(TEXT);

      // Each types before seeing the other's words.
      owner.type("Alpha. " + TEXT);
      other.type(TEXT + " Beta.");
      owner.untilAllSaved();
      other.untilAllSaved();

      String both = "Alpha. " + TEXT + " Beta.";
      owner.untilText(both);
      other.untilText(both);
      assertEquals(both, stored(paper.section(0)));
      assertEquals(2, updates(paper.section(0)));
    }
  }

  @Test
  void a_writer_who_joins_later_gets_the_text_and_a_reopened_document_is_the_stored_one()
      throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", "Ünïcode: 和平 سلام 🕊").create();
    try (CoeditClient first = CoeditClient.open(yjs, paper.sectionPath(0), admin())) {
      first.untilText("Ünïcode: 和平 سلام 🕊");
      first.type("Ünïcode: 和平 سلام 🕊 — Frieden");
      first.untilAllSaved();
    }
    try (CoeditClient later = CoeditClient.open(yjs, paper.sectionPath(0), admin())) {
      later.untilText("Ünïcode: 和平 سلام 🕊 — Frieden");
    }
    assertEquals("Ünïcode: 和平 سلام 🕊 — Frieden", stored(paper.section(0)));
  }

  @Test
  void an_observer_watches_live_but_its_update_is_refused_and_the_text_is_unchanged()
      throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person observer = Personas.member(paper, "OBSERVER");
    try (CoeditClient writer = CoeditClient.open(yjs, paper.sectionPath(0), admin());
        CoeditClient watcher = CoeditClient.open(yjs, paper.sectionPath(0), observer.token())) {
      watcher.untilText(TEXT);
      writer.untilText(TEXT);
      writer.type(TEXT + " Fund peace.");
      writer.untilAllSaved();
      watcher.untilText(TEXT + " Fund peace.");

      watcher.type("Observers rewrite everything.");
      watcher.untilDenied();
      assertTrue(watcher.denied.contains("observer"), watcher.denied);
      assertEquals(-1, watcher.closeCode(), "the observer keeps watching");
      assertEquals(TEXT + " Fund peace.", stored(paper.section(0)));
      assertEquals(1, updates(paper.section(0)));

      // Still watching after the refusal.
      writer.type(TEXT + " Fund peace now.");
      watcher.until(
          "the writer's next words",
          () -> watcher.text().contains("now") && watcher.text().contains("Observers"));
      assertEquals(TEXT + " Fund peace now.", stored(paper.section(0)));
    }
  }

  @Test
  void a_contributor_outside_the_sections_group_may_watch_but_not_write() throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person contributor = Personas.member(paper, "CONTRIBUTOR");
    try (CoeditClient client = CoeditClient.open(yjs, paper.sectionPath(0), contributor.token())) {
      client.untilText(TEXT);
      client.type("Contributors outside the group cannot save.");
      client.untilDenied();
      assertTrue(client.denied.contains("breakout group"), client.denied);
    }
    assertEquals(TEXT, stored(paper.section(0)));
    assertEquals(0, updates(paper.section(0)));
  }

  @Test
  void a_malformed_update_is_refused_with_the_reason_and_the_document_is_unharmed()
      throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    try (CoeditClient client = CoeditClient.open(yjs, paper.sectionPath(0), admin())) {
      client.untilText(TEXT);
      client.send(SyncMessages.update(new byte[] {5, 1, 2, 3, 4, 5, 6, 7, (byte) 0xff}));
      client.untilClosed();
      assertEquals(1007, client.closeCode());
      assertTrue(client.closeReason().contains("not a Yjs update"), client.closeReason());
      assertTrue(client.denied.contains("not a Yjs update"), client.denied);
    }
    try (CoeditClient client = CoeditClient.open(yjs, paper.sectionPath(0), admin())) {
      client.send(new byte[] {0, 9, 1});
      client.untilClosed();
      assertEquals(1007, client.closeCode());
      assertTrue(client.closeReason().contains("malformed message"), client.closeReason());
    }
    try (CoeditClient client = CoeditClient.open(yjs, paper.sectionPath(0), admin())) {
      client.untilText(TEXT);
      client.type(TEXT + " Still fine.");
      client.untilAllSaved();
    }
    assertEquals(TEXT + " Still fine.", stored(paper.section(0)));
  }

  @Test
  void an_update_that_builds_on_changes_the_server_never_got_is_refused_as_out_of_order()
      throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    try (CoeditClient client = CoeditClient.open(yjs, paper.sectionPath(0), admin())) {
      client.untilText(TEXT);
      yjs.replaceText(client.doc, TEXT + " One."); // never sent
      client.type(TEXT + " One. Two.");
      client.untilClosed();
      assertEquals(1007, client.closeCode());
      assertTrue(client.denied.contains("has not received"), client.denied);
    }
    assertEquals(TEXT, stored(paper.section(0)));
    try (CoeditClient client = CoeditClient.open(yjs, paper.sectionPath(0), admin())) {
      client.untilText(TEXT);
    }
  }

  @Test
  void an_update_that_makes_the_text_larger_than_1_mib_is_refused_and_the_text_is_unchanged()
      throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    String huge = TEXT + "x".repeat(1024 * 1024);
    try (CoeditClient client = CoeditClient.open(yjs, paper.sectionPath(0), admin())) {
      client.untilText(TEXT);
      client.type(huge);
      client.untilClosed();
      assertEquals(1009, client.closeCode());
      assertTrue(client.denied.contains("1 MiB"), client.denied);
    }
    assertEquals(TEXT, stored(paper.section(0)));
    try (CoeditClient client = CoeditClient.open(yjs, paper.sectionPath(0), admin())) {
      client.untilText(TEXT);
      // Exactly at the limit is fine: 1 MiB of UTF-8, the emoji is 4 bytes.
      String full = "🕊" + "y".repeat(1024 * 1024 - 4);
      assertEquals(1024 * 1024, full.getBytes(StandardCharsets.UTF_8).length);
      client.type(full);
      client.untilAllSaved();
    }
    assertEquals(1024 * 1024, stored(paper.section(0)).getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void a_frozen_paper_refuses_updates_and_keeps_its_text() throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    try (CoeditClient client = CoeditClient.open(yjs, paper.sectionPath(0), admin())) {
      client.untilText(TEXT);
      Fixture.changeStatus(paper, "FROZEN").statusCode(200);
      client.type(TEXT + " Too late.");
      client.untilDenied();
      assertTrue(client.denied.contains("frozen"), client.denied);
      assertEquals(-1, client.closeCode());
    }
    assertEquals(TEXT, stored(paper.section(0)));
    assertEquals(0, updates(paper.section(0)));
  }

  @Test
  void an_update_stored_by_another_instance_reaches_the_sockets_here() throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    try (CoeditClient client = CoeditClient.open(yjs, paper.sectionPath(0), admin())) {
      client.untilText(TEXT);
      // Another instance appends to the table (its own copy of the stored document, the row
      // locked for the next seq); only PostgreSQL's notification can tell this one.
      Yjs.Doc theirs = yjs.create();
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT state, last_seq FROM live_document WHERE section_id = ? FOR UPDATE")) {
          s.setLong(1, paper.section(0));
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            yjs.load(theirs, rs.getBytes(1));
            assertEquals(0, rs.getLong(2));
          }
        }
        byte[] update = yjs.replaceText(theirs, TEXT + " From elsewhere.");
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO live_update (section_id, seq, account_id, bytes, received_at)"
                    + " SELECT ?, 1, id, ?, now() FROM account WHERE handle = 'admin'")) {
          s.setLong(1, paper.section(0));
          s.setBytes(2, update);
          s.executeUpdate();
        }
        try (PreparedStatement s =
            c.prepareStatement("UPDATE live_document SET last_seq = 1 WHERE section_id = ?")) {
          s.setLong(1, paper.section(0));
          s.executeUpdate();
        }
        c.commit();
      }
      client.untilText(TEXT + " From elsewhere.");

      // And this instance builds on it.
      client.type(TEXT + " From elsewhere. From here.");
      client.untilAllSaved();
      assertEquals(2, client.lastSaved);
    }
    assertEquals(TEXT + " From elsewhere. From here.", stored(paper.section(0)));
  }

  @Test
  void nobody_signed_in_cannot_open_a_socket_and_a_non_member_is_told_no_such_paper() {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    CompletionException refused =
        assertThrows(
            CompletionException.class, () -> CoeditClient.connect(yjs, paper.sectionPath(0), null));
    assertEquals(
        401,
        ((java.net.http.WebSocketHandshakeException) refused.getCause())
            .getResponse()
            .statusCode());

    CreatedPaper other = Fixture.paper().withSection("Elsewhere", TEXT).create();
    Person stranger = Personas.member(other, "EDITOR");
    try (CoeditClient client = CoeditClient.connect(yjs, paper.sectionPath(0), stranger.token())) {
      client.untilClosed();
      assertEquals(1008, client.closeCode());
      assertTrue(client.closeReason().contains("paper"), client.closeReason());
      assertFalse(client.text().contains("Companies"));
    }
  }

  @Test
  void a_socket_is_opened_without_compression_even_when_the_client_offers_it() throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      socket.setSoTimeout(20_000);
      String request =
          "GET "
              + paper.sectionPath(0)
              + "/live HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
              + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
              + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
              + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
              + "Authorization: Bearer "
              + admin()
              + "\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      BufferedReader response =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      String status = response.readLine();
      assertTrue(status.startsWith("HTTP/1.1 101"), status);
      List<String> headers = new ArrayList<>();
      for (String line = response.readLine(); !line.isEmpty(); line = response.readLine()) {
        headers.add(line.toLowerCase(Locale.ROOT));
      }
      assertTrue(
          headers.stream().anyMatch(h -> h.startsWith("upgrade: websocket")), headers::toString);
      assertFalse(
          headers.stream().anyMatch(h -> h.contains("permessage-deflate")), headers::toString);
    }
  }
}
