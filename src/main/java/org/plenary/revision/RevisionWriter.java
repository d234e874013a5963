package org.plenary.revision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.plenary.identity.Account;
import org.plenary.identity.AccountRows;
import org.plenary.identity.AuthorView;
import org.plenary.identity.People;
import org.plenary.paper.Paper;
import org.plenary.paper.PaperRows;
import org.plenary.paper.PaperStatus;
import org.plenary.platform.error.Conflict;
import org.plenary.platform.error.NotFound;
import org.plenary.platform.error.PreconditionRequired;
import org.plenary.platform.events.EventLog;
import org.plenary.platform.events.PaperChanges;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.security.Actor;
import org.plenary.revision.RevisionRecords.ContentView;
import org.plenary.section.ETags;
import org.plenary.section.SectionRows;

/**
 * Appends a revision: the hottest write in Plenary (every keystroke pause of every writer ends in
 * one), so it is written as four plain SQL round trips on one connection rather than through the
 * ORM and the transaction manager, which cost several times more CPU per save than PostgreSQL does.
 *
 * <ol>
 *   <li>lock the section row ({@code FOR NO KEY UPDATE}), so saves of one section queue and get
 *       consecutive numbers;
 *   <li>then, in a new statement and therefore a new snapshot, read the paper's status, the current
 *       revision's checksum and the author: a freeze locks every section of the paper before it
 *       commits, so either this save finishes first or it sees the paper frozen;
 *   <li>insert the revision and its event and move the section's pointer, in one statement; the
 *       features that react to a new revision do so in that statement, through triggers that live
 *       with their migrations: the drafts it outdates are recorded and their authors told ({@code
 *       V9__Saves_outdate_drafts.sql}), and the proposal's endorsers are told on the revision's
 *       event ({@code V10__Changed_proposals_tell_endorsers.sql});
 *   <li>commit, then tell {@link PaperChanges} so cached reads of the paper are refreshed.
 * </ol>
 *
 * <p>A section another writer holds is not waited for blindly: its current revision is read without
 * a lock first, and a tag that is already stale gets its 412 at once (revision numbers only grow,
 * so it stays stale). A stale outcome carries the current text and its author, read in the
 * statement that found it stale, so the 412 needs no further read.
 *
 * <p>The rules (what may be saved, which answer for what) stay in {@link RevisionService}; this
 * class only runs the statements.
 */
@ApplicationScoped
class RevisionWriter {

  /**
   * The current revision number; and, when it is newer than {@code ?} (the newest revision the
   * caller's tag names), that revision's text and author for the 412. Parameters: section, paper,
   * newest named.
   */
  private static final String PEEK =
      "SELECT s.current_revision, r.body, "
          + AccountRows.columns("ra")
          + " FROM "
          + SectionRows.pointer("s")
          + " LEFT JOIN revision r ON r.section_id = s.id AND r.number = s.current_revision"
          + " AND r.number > ?"
          + AccountRows.leftJoin("ra", "ra.id = r.author_id");

  /**
   * The paper's status and title, the current revision's checksum, the author of the new text; and,
   * when {@code ?} says the caller's tag is stale, the current text and its author for the 412.
   * Parameters: stale, paper, section, current number, author, stale.
   */
  private static final String CONTEXT =
      "SELECT p.status, p.title, r.sha256, "
          + AccountRows.columns("a")
          + ", CASE WHEN ? THEN r.body END, "
          + AccountRows.columns("ra")
          + " FROM "
          + PaperRows.statusAndTitle("p")
          + " LEFT JOIN revision r ON r.section_id = ? AND r.number = ?"
          + AccountRows.leftJoin("a", "a.id = ?")
          + AccountRows.leftJoin("ra", "? AND ra.id = r.author_id");

  /**
   * The revision, its event and the section's new pointer. Triggers of other features react to the
   * new revision in this statement (see the class comment); nothing here names them.
   */
  private static final String APPEND =
      "WITH new_revision AS ("
          + " INSERT INTO revision (section_id, number, body, author_id, summary, parent_number,"
          + " restored_from, sha256, created_at, merged_by, draft_id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)),"
          + " new_event AS ("
          + EventLog.INSERT
          + ") "
          + SectionRows.MOVE_POINTER;

  @Inject AgroalDataSource dataSource;
  @Inject ObjectMapper mapper;
  @Inject PaperChanges changes;
  @Inject TransactionSynchronizationRegistry transactions;
  @Inject EntityManager entityManager;

  /**
   * The new text, decided by the service. {@code authorId} is whose words these are (the actor, or
   * a merged draft's author); {@code mergedBy} and {@code draftId} are set for a merge.
   */
  record Change(
      String body,
      String sha256,
      String summary,
      Integer restoredFrom,
      String eventType,
      Map<String, Object> extraPayload,
      Long authorId,
      Long mergedBy,
      Long draftId) {
    Change(
        String body,
        String sha256,
        String summary,
        Integer restoredFrom,
        String eventType,
        Map<String, Object> extraPayload) {
      this(body, sha256, summary, restoredFrom, eventType, extraPayload, null, null, null);
    }
  }

  /** How an append ended. */
  sealed interface Outcome {}

  /** The change is the new current revision. */
  record Saved(ContentView content) implements Outcome {}

  /**
   * The caller's tag does not name the current revision: nothing was saved. Carries what the 412
   * shows: the current revision's number, text and author (to be presented to the caller).
   */
  record Stale(int revision, String body, Account author) implements Outcome {}

  /** The text equals the current revision's: nothing was saved (no empty revision). */
  record Unchanged(int revision) implements Outcome {}

  /**
   * Appends {@code change} as the next revision if {@code precondition} names the current one.
   * Throws 404, 409 (deleted section, frozen paper) and 428 itself; a stale precondition and an
   * unchanged body are reported in the outcome, so the service can answer with the current text.
   */
  Outcome append(
      long paperId,
      long sectionId,
      ETags.Precondition precondition,
      Actor actor,
      String what,
      Change change) {
    try {
      if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
        return joined(paperId, sectionId, precondition, actor, what, change);
      }
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try {
          Outcome outcome = appendIn(c, paperId, sectionId, precondition, actor, what, change);
          if (outcome instanceof Saved) {
            c.commit();
            changes.changed(paperId);
          } else {
            c.rollback();
          }
          return outcome;
        } catch (RuntimeException | SQLException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not save section " + sectionId, e);
    }
  }

  /**
   * Inside a caller's transaction (seeding the demo paper writes its whole history in one): the
   * pool hands out that transaction's connection, which commits or rolls back with it. Pending ORM
   * changes are flushed first so the statements see them.
   */
  private Outcome joined(
      long paperId,
      long sectionId,
      ETags.Precondition precondition,
      Actor actor,
      String what,
      Change change)
      throws SQLException {
    entityManager.flush();
    try (Connection c = dataSource.getConnection()) {
      Outcome outcome = appendIn(c, paperId, sectionId, precondition, actor, what, change);
      if (outcome instanceof Saved) {
        changes.changedOnCommit(paperId);
      }
      return outcome;
    }
  }

  private Outcome appendIn(
      Connection c,
      long paperId,
      long sectionId,
      ETags.Precondition precondition,
      Actor actor,
      String what,
      Change change)
      throws SQLException {
    int[] locked = lock(c, SectionRows.LOCK_FREE, paperId, sectionId);
    if (locked == null) {
      // Missing, or another writer holds it: look before queueing behind that writer.
      Stale stale = staleAtOnce(c, paperId, sectionId, precondition);
      if (stale != null) {
        return stale;
      }
      locked = lock(c, SectionRows.LOCK_WAIT, paperId, sectionId);
      if (locked == null) {
        throw new NotFound("section", sectionId + " in paper " + paperId);
      }
    }
    int current = locked[0];
    boolean deleted = locked[1] == 1;
    boolean staleTag =
        precondition.present() && !precondition.wildcard() && !precondition.matches(current);
    long authorId = change.authorId() == null ? actor.accountId() : change.authorId();

    String currentSha;
    AuthorView author;
    Stale stale = null;
    try (PreparedStatement s = c.prepareStatement(CONTEXT)) {
      s.setBoolean(1, staleTag);
      s.setLong(2, paperId);
      s.setLong(3, sectionId);
      s.setInt(4, current);
      s.setLong(5, authorId);
      s.setBoolean(6, staleTag);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new NotFound("paper", String.valueOf(paperId));
        }
        Paper.requireEditable(rs.getString(2), PaperStatus.valueOf(rs.getString(1)), what);
        currentSha = rs.getString(3);
        // The one saving is in the room.
        author =
            AuthorView.of(People.present(AccountRows.read(rs, 4), People.Audience.IN_THE_ROOM));
        int body = 4 + AccountRows.COLUMN_COUNT;
        if (staleTag) {
          stale = new Stale(current, rs.getString(body), AccountRows.read(rs, body + 1));
        }
      }
    }
    if (deleted) {
      throw new Conflict("This section was deleted. Restore it first, then " + what + ".");
    }
    if (!precondition.present() || precondition.wildcard()) {
      throw new PreconditionRequired(
          "Say which revision your change is based on: send the section's ETag (currently "
              + ETags.of(sectionId, current)
              + ") in an If-Match header, so that nobody's words are overwritten by accident.");
    }
    if (stale != null) {
      return stale;
    }
    if (change.sha256().equals(currentSha) && change.restoredFrom() == null) {
      return new Unchanged(current);
    }

    int number = current + 1;
    Instant now = BaseEntity.now();
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    Map<String, Object> payload = new LinkedHashMap<>(change.extraPayload());
    payload.put("revision", number);
    payload.put("sha256", change.sha256());
    try (PreparedStatement s = c.prepareStatement(APPEND)) {
      int i = 0;
      s.setLong(++i, sectionId);
      s.setInt(++i, number);
      s.setString(++i, change.body());
      s.setLong(++i, authorId);
      s.setString(++i, change.summary());
      s.setInt(++i, current);
      s.setObject(++i, change.restoredFrom(), java.sql.Types.INTEGER);
      s.setString(++i, change.sha256());
      s.setObject(++i, at);
      s.setObject(++i, change.mergedBy(), java.sql.Types.BIGINT);
      s.setObject(++i, change.draftId(), java.sql.Types.BIGINT);
      s.setLong(++i, paperId);
      s.setLong(++i, actor.accountId());
      s.setString(++i, change.eventType());
      s.setString(++i, "section");
      s.setLong(++i, sectionId);
      s.setString(++i, json(payload));
      s.setObject(++i, at);
      s.setInt(++i, number);
      s.setObject(++i, at);
      s.setLong(++i, sectionId);
      s.executeUpdate();
    }
    return new Saved(
        new ContentView(
            sectionId,
            paperId,
            number,
            ETags.of(sectionId, number),
            change.body(),
            change.sha256(),
            author,
            change.summary(),
            current,
            change.restoredFrom(),
            now,
            change.draftId(),
            null));
  }

  /** {current revision, deleted ? 1 : 0} of the locked section, or null. */
  private static int[] lock(Connection c, String sql, long paperId, long sectionId)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, sectionId);
      s.setLong(2, paperId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? new int[] {rs.getInt(1), rs.getBoolean(2) ? 1 : 0} : null;
      }
    }
  }

  /**
   * Without waiting for the section's lock: the 412 for a tag that is already stale (revision
   * numbers only grow, so it stays stale), or null to queue for the lock. Throws 404 for a section
   * that is not there.
   */
  private static Stale staleAtOnce(
      Connection c, long paperId, long sectionId, ETags.Precondition precondition)
      throws SQLException {
    // Newer than every revision the tag names is stale; without a usable tag, nothing is.
    int newestNamed =
        !precondition.present() || precondition.wildcard()
            ? Integer.MAX_VALUE
            : precondition.revisions().stream().mapToInt(Integer::intValue).max().orElse(0);
    try (PreparedStatement s = c.prepareStatement(PEEK)) {
      s.setLong(1, sectionId);
      s.setLong(2, paperId);
      s.setInt(3, newestNamed);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new NotFound("section", sectionId + " in paper " + paperId);
        }
        int current = rs.getInt(1);
        return current > newestNamed
            ? new Stale(current, rs.getString(2), AccountRows.read(rs, 3))
            : null;
      }
    }
  }

  /**
   * The account in {@link #AUTHOR_COLUMNS} from column {@code from} on, as a value for {@link
   * People#present}: read with the save's own statements rather than through the ORM, never
   * persisted.
   */
  private String json(Map<String, Object> payload) {
    try {
      return mapper.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write an event payload", e);
    }
  }
}
