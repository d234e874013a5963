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
import org.plenary.identity.AuthorView;
import org.plenary.identity.StakeholderGroup;
import org.plenary.paper.Paper;
import org.plenary.paper.PaperStatus;
import org.plenary.platform.error.Conflict;
import org.plenary.platform.error.NotFound;
import org.plenary.platform.error.PreconditionRequired;
import org.plenary.platform.events.PaperChanges;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.security.Actor;
import org.plenary.revision.RevisionRecords.ContentView;
import org.plenary.section.ETags;

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
 *   <li>insert the revision and its event (telling the proposal's endorsers), record the drafts it
 *       outdates (telling their authors) and move the section's pointer, in one statement;
 *   <li>commit, then tell {@link PaperChanges} so cached reads of the paper are refreshed.
 * </ol>
 *
 * <p>A section another writer holds is not waited for blindly: its current revision is read without
 * a lock first, and a tag that is already stale gets its 412 at once (revision numbers only grow,
 * so it stays stale).
 *
 * <p>The rules (what may be saved, which answer for what) stay in {@link RevisionService}; this
 * class only runs the statements.
 */
@ApplicationScoped
class RevisionWriter {

  private static final String LOCK_FREE =
      "SELECT current_revision, deleted_at IS NOT NULL FROM section"
          + " WHERE id = ? AND paper_id = ? FOR NO KEY UPDATE SKIP LOCKED";
  private static final String LOCK_WAIT =
      "SELECT current_revision, deleted_at IS NOT NULL FROM section"
          + " WHERE id = ? AND paper_id = ? FOR NO KEY UPDATE";
  private static final String PEEK =
      "SELECT current_revision FROM section WHERE id = ? AND paper_id = ?";
  private static final String CONTEXT =
      "SELECT p.status, p.title, r.sha256, a.handle, a.display_name, a.organisation,"
          + " a.stakeholder_group FROM paper p"
          + " LEFT JOIN revision r ON r.section_id = ? AND r.number = ?"
          + " LEFT JOIN account a ON a.id = ?"
          + " WHERE p.id = ?";
  private static final String APPEND =
      "WITH new_revision AS ("
          + " INSERT INTO revision (section_id, number, body, author_id, summary, parent_number,"
          + " restored_from, sha256, created_at, merged_by, draft_id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)),"
          // The people whose current stance on this proposal was given on the revision this
          // save replaces are told it changed (once: later saves find their stance older still).
          + " new_event AS ("
          + " INSERT INTO event (paper_id, actor_id, type, object_type, object_id, payload,"
          + " created_at) SELECT ?, ?, ?, 'section', ?, p.payload || coalesce(("
          + "SELECT jsonb_build_object('notify', jsonb_build_array(jsonb_build_object("
          + "'reason', 'ENDORSED_PROPOSAL_CHANGED', 'to', jsonb_agg(e.account_id))))"
          + " FROM endorsement e WHERE e.section_id = ? AND e.revision = ? AND e.ended_at IS NULL"
          + " HAVING count(*) > 0), '{}'::jsonb), ? FROM (SELECT ?::jsonb AS payload) p),"
          // The drafts based on the revision this save replaces are outdated from now on; their
          // authors and groups are told (through the event table).
          + " outdated AS ("
          + " INSERT INTO event (paper_id, actor_id, type, object_type, object_id, payload,"
          + " created_at) SELECT ?, ?, 'draft.outdated', 'draft', d.id,"
          + " jsonb_build_object('authorId', d.author_id, 'groupId', d.group_id,"
          + " 'sectionId', d.section_id, 'sectionRevision', ?::int, 'notify',"
          + " jsonb_build_array(jsonb_build_object('reason', 'DRAFT_OUTDATED',"
          + " 'to', jsonb_build_array(d.author_id)))), ?"
          + " FROM draft d JOIN draft_version v ON v.draft_id = d.id"
          + " AND v.number = d.current_version"
          + " WHERE d.section_id = ? AND d.status IN ('DRAFT', 'OPEN')"
          + " AND v.base_revision = ? AND d.id IS DISTINCT FROM ?)"
          + " UPDATE section SET current_revision = ?, updated_at = ? WHERE id = ?";

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

  /** How an append ended. Exactly one of the fields is set. */
  record Outcome(ContentView saved, Integer staleAt, Integer unchangedAt) {}

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
          if (outcome.saved() != null) {
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
      if (outcome.saved() != null) {
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
    int[] locked = lock(c, LOCK_FREE, paperId, sectionId);
    if (locked == null) {
      // Missing, or another writer holds it: look before queueing behind that writer.
      Integer current = peek(c, paperId, sectionId);
      if (current == null) {
        throw new NotFound("section", sectionId + " in paper " + paperId);
      }
      if (precondition.present()
          && !precondition.wildcard()
          && precondition.revisions().stream().allMatch(r -> r < current)) {
        return new Outcome(null, current, null);
      }
      locked = lock(c, LOCK_WAIT, paperId, sectionId);
      if (locked == null) {
        throw new NotFound("section", sectionId + " in paper " + paperId);
      }
    }
    int current = locked[0];
    boolean deleted = locked[1] == 1;

    String currentSha;
    AuthorView author;
    try (PreparedStatement s = c.prepareStatement(CONTEXT)) {
      s.setLong(1, sectionId);
      s.setInt(2, current);
      s.setLong(3, change.authorId() == null ? actor.accountId() : change.authorId());
      s.setLong(4, paperId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new NotFound("paper", String.valueOf(paperId));
        }
        Paper.requireEditable(rs.getString(2), PaperStatus.valueOf(rs.getString(1)), what);
        currentSha = rs.getString(3);
        // The one saving is in the room: they see themselves as they are.
        author =
            new AuthorView(
                change.authorId() == null ? actor.accountId() : change.authorId(),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                StakeholderGroup.valueOf(rs.getString(7)),
                true);
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
    if (!precondition.matches(current)) {
      return new Outcome(null, current, null);
    }
    if (change.sha256().equals(currentSha) && change.restoredFrom() == null) {
      return new Outcome(null, null, current);
    }

    int number = current + 1;
    long authorId = change.authorId() == null ? actor.accountId() : change.authorId();
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
      s.setLong(++i, sectionId);
      s.setLong(++i, sectionId);
      s.setInt(++i, current);
      s.setObject(++i, at);
      s.setString(++i, json(payload));
      s.setLong(++i, paperId);
      s.setLong(++i, actor.accountId());
      s.setInt(++i, number);
      s.setObject(++i, at);
      s.setLong(++i, sectionId);
      s.setInt(++i, current);
      s.setObject(++i, change.draftId(), java.sql.Types.BIGINT);
      s.setInt(++i, number);
      s.setObject(++i, at);
      s.setLong(++i, sectionId);
      s.executeUpdate();
    }
    return new Outcome(
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
            null),
        null,
        null);
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

  private static Integer peek(Connection c, long paperId, long sectionId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(PEEK)) {
      s.setLong(1, sectionId);
      s.setLong(2, paperId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getInt(1) : null;
      }
    }
  }

  private String json(Map<String, Object> payload) {
    try {
      return mapper.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write an event payload", e);
    }
  }
}
