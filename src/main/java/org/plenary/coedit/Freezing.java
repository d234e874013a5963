package org.plenary.coedit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.plenary.paper.Paper;
import org.plenary.paper.PaperRows;
import org.plenary.paper.PaperService.PaperFreezing;
import org.plenary.paper.PaperStatus;
import org.plenary.revision.RevisionService;
import org.plenary.section.SectionRows;

/**
 * A frozen paper's text holds its co-editors' last keystrokes: before the status changes, in the
 * freeze's transaction (the paper's row locked), every live document of the paper is locked and its
 * typing checkpointed as a revision ({@link RevisionService#checkpointBeforeReading}). Its locks
 * are held until the freeze commits, so each update either committed before and is in the
 * checkpoint, or waited for the freeze and is refused:
 *
 * <ol>
 *   <li>the paper's sections are locked first with {@code FOR UPDATE}, so a live document being
 *       created for one of them (its row refers to the section) waits for the freeze too, and the
 *       documents that exist are all seen;
 *   <li>then each document, in outline order (a save locks its section, then its document: the same
 *       order), waiting for an update that holds it;
 *   <li>an update that waited for a document the freeze held finds the paper frozen only when it
 *       reads the status again after the wait ({@link #refuseIfFrozen}): the statement that locked
 *       the row read the paper as it was when the statement began (PostgreSQL re-reads only the
 *       locked row after a wait, not the other rows of the statement).
 * </ol>
 */
@ApplicationScoped
public class Freezing {

  @Inject AgroalDataSource dataSource;
  @Inject RevisionService revisions;

  void beforeFreeze(@Observes PaperFreezing freezing) {
    long paperId = freezing.paperId();
    for (long sectionId : lockLiveDocuments(paperId)) {
      revisions.checkpointBeforeReading(paperId, sectionId);
    }
  }

  /**
   * Locks the paper's sections (on the freeze's connection: the pool hands out the transaction's)
   * and answers, in outline order, those not deleted that have a live document.
   */
  private List<Long> lockLiveDocuments(long paperId) {
    try (Connection c = dataSource.getConnection()) {
      List<Long> sections = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(SectionRows.LOCK_PAPER_AGAINST_NEW_REFERENCES)) {
        s.setLong(1, paperId);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            if (rs.getBoolean(2)) {
              sections.add(rs.getLong(1));
            }
          }
        }
      }
      if (sections.isEmpty()) {
        return List.of();
      }
      // A new statement: it sees every document committed while the sections were waited for.
      List<Long> live = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement("SELECT section_id FROM live_document WHERE section_id = ANY(?)")) {
        s.setArray(1, c.createArrayOf("bigint", sections.toArray()));
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            live.add(rs.getLong(1));
          }
        }
      }
      return sections.stream().filter(live::contains).toList();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not lock the live documents of paper " + paperId, e);
    }
  }

  /**
   * After an update locked its document's row: the paper's status read again, in a statement of its
   * own, refusing a frozen paper ({@code what}: what the refusal says cannot be done). See the
   * class comment for why the locking statement's own reading is not enough.
   */
  static void refuseIfFrozen(Connection c, long paperId, String what) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT p.status, p.title FROM " + PaperRows.statusAndTitle("p"))) {
      s.setLong(1, paperId);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          Paper.requireEditable(rs.getString(2), PaperStatus.valueOf(rs.getString(1)), what);
        }
      }
    }
  }
}
