package org.plenary.coedit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;

/**
 * "A frozen paper refuses updates", and its frozen text holds the last keystrokes: freezing
 * checkpoints every live document of the paper first, in the freeze's transaction ({@link
 * Freezing}).
 */
@QuarkusTest
class FreezeCheckpointTest {

  static final String TEXT = "Companies should assess conflict risks.";

  @Inject Yjs yjs;
  @Inject LiveDocuments documents;
  @Inject AgroalDataSource dataSource;

  @Test
  void freezing_right_after_typing_keeps_the_last_keystrokes_and_refuses_what_follows()
      throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person ana = Personas.member(paper, "EDITOR");
    Person ben = Personas.member(paper, "EDITOR");
    try (CoeditClient a = CoeditClient.open(yjs, paper.sectionPath(0), ana.token());
        CoeditClient b = CoeditClient.open(yjs, paper.sectionPath(0), ben.token())) {
      a.untilText(TEXT);
      b.untilText(TEXT);
      String typed = "مرحبا، " + TEXT + " 和平 🕊 e\u0301.";
      CoeditClient.typeInTurn(a, "مرحبا، " + TEXT, b, typed);

      Fixture.changeStatus(paper, "FROZEN").statusCode(200); // no pause: nothing checkpointed yet

      ana.as()
          .get(paper.sectionPath(0) + "/content")
          .then()
          .body("revision", equalTo(2))
          .body("body", equalTo(typed))
          .body("summary", equalTo("Live session"))
          .body("author.handle", equalTo(ben.handle()))
          .body("coAuthors.handle", equalTo(List.of(ana.handle(), ben.handle())));
      assertEquals(typed, documents.text(paper.id(), paper.section(0)));
      long updates = updates(paper.section(0));

      a.type(typed + " Too late.");
      a.untilDenied();
      assertTrue(a.denied.contains("frozen"), a.denied);
      assertEquals(typed, documents.text(paper.id(), paper.section(0)));
      assertEquals(updates, updates(paper.section(0)));
      ana.as().get(paper.sectionPath(0) + "/content").then().body("revision", equalTo(2));
    }
  }

  /**
   * The race the freeze's locks are for: an update sent while the freeze holds its document's row
   * waits for it, then must find the paper frozen (its locking statement read the paper before the
   * wait). A test transaction holds the second section's document, so the freeze stops there
   * holding the first's.
   */
  @Test
  void an_update_that_waited_for_the_freeze_is_refused_and_the_frozen_text_is_the_live_text()
      throws Exception {
    CreatedPaper paper =
        Fixture.paper().withSection("Context", TEXT).withSection("Scope", "Both markets.").create();
    Person ana = Personas.member(paper, "EDITOR");
    try (CoeditClient a = CoeditClient.open(yjs, paper.sectionPath(0), ana.token());
        CoeditClient other = CoeditClient.open(yjs, paper.sectionPath(1), ana.token())) {
      a.untilText(TEXT);
      other.untilText("Both markets.");
      String typed = TEXT + " Привет, Zürich.";
      a.type(typed);
      a.untilAllSaved();

      CompletableFuture<Integer> freeze;
      try (Connection holder = dataSource.getConnection()) {
        holder.setAutoCommit(false);
        lockDocument(holder, paper.section(1));
        int holderPid = pid(holder);
        freeze =
            CompletableFuture.supplyAsync(
                () -> Fixture.changeStatus(paper, "FROZEN").extract().statusCode());
        int freezePid = untilBlockedBy(holderPid);

        a.type(typed + " Sent during the freeze.");
        untilBlockedBy(freezePid); // the update waits for the first section's document
        holder.rollback();
      }
      assertEquals(200, freeze.get(CoeditClient.SOON.toSeconds(), TimeUnit.SECONDS));

      a.untilDenied();
      assertTrue(a.denied.contains("frozen"), a.denied);
      assertEquals(typed, documents.text(paper.id(), paper.section(0)));
      given()
          .get(paper.sectionPath(0) + "/content")
          .then()
          .body("revision", equalTo(2))
          .body("body", equalTo(typed));
      given().get(paper.sectionPath(1) + "/content").then().body("revision", equalTo(1));
    }
  }

  private static void lockDocument(Connection c, long sectionId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT 1 FROM live_document WHERE section_id = ? FOR NO KEY UPDATE")) {
      s.setLong(1, sectionId);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next(), "no live document for section " + sectionId);
      }
    }
  }

  private static int pid(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_backend_pid()");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Waits until a backend waits for a lock {@code pid} holds; answers its pid. */
  private int untilBlockedBy(int pid) throws Exception {
    long deadline = System.nanoTime() + CoeditClient.SOON.toNanos();
    while (true) {
      try (Connection c = dataSource.getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT pid FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))")) {
        s.setInt(1, pid);
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            return rs.getInt(1);
          }
        }
      }
      assertTrue(System.nanoTime() < deadline, "nothing waited for backend " + pid);
      Thread.sleep(20);
    }
  }

  private long updates(long sectionId) throws SQLException {
    return CoeditClient.storedUpdates(dataSource, sectionId);
  }
}
