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
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
  @Inject LiveSections live;

  /** The section's lock statements, also asking whether it has a live document. */
  private String lockFree;

  private String lockWait;

  @jakarta.annotation.PostConstruct
  void composeLocks() {
    lockFree = SectionRows.lockFree(live.exists("id"));
    lockWait = SectionRows.lockWait(live.exists("id"));
  }

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
   * What a checkpoint of a live document did: {@code revision} is the current one after it, {@code
   * created} whether it is a new one (holding the typing of {@code coAuthors}); {@code skipped}
   * when another writer held the section or its live document and nothing was looked at.
   */
  record Checkpoint(int revision, boolean created, List<Long> coAuthors, boolean skipped) {}

  /** The summary of a revision a live session wrote. */
  static final String LIVE_SUMMARY = "Live session";

  /** Co-authors of a checkpoint revision. Parameters: accounts (in order), section, number. */
  private static final String COAUTHORS =
      "INSERT INTO revision_coauthor (revision_id, account_id, position)"
          + " SELECT r.id, a.id, a.position FROM revision r,"
          + " unnest(CAST(? AS bigint[])) WITH ORDINALITY AS a(id, position)"
          + " WHERE r.section_id = ? AND r.number = ?";

  /** An account for {@link People#present}. Parameter: account. */
  private static final String ACCOUNT =
      "SELECT "
          + AccountRows.columns("a")
          + " FROM (SELECT 1) one"
          + AccountRows.leftJoin("a", "a.id = ?");

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
    boolean[] wrote = {false};
    return inTransaction(
        "save section " + sectionId,
        paperId,
        c -> appendIn(c, paperId, sectionId, precondition, actor, what, change, wrote),
        outcome -> wrote[0],
        outcome -> wrote[0]);
  }

  /** Statements on one connection. */
  @FunctionalInterface
  private interface Work<T> {
    T on(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} in the caller's transaction when there is one (seeding the demo paper writes
   * its whole history in one; a merge reads the text after a checkpoint): the pool hands out that
   * transaction's connection, which commits or rolls back with it, and pending ORM changes are
   * flushed first so the statements see them. Otherwise in a transaction of its own, committed when
   * {@code commit} says so and rolled back otherwise. The paper's cached reads are dropped (on
   * commit) when {@code changed} says so.
   */
  private <T> T inTransaction(
      String what, long paperId, Work<T> work, Predicate<T> commit, Predicate<T> changed) {
    try {
      if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
        entityManager.flush();
        try (Connection c = dataSource.getConnection()) {
          T result = work.on(c);
          if (changed.test(result)) {
            changes.changedOnCommit(paperId);
          }
          return result;
        }
      }
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try {
          T result = work.on(c);
          if (commit.test(result)) {
            c.commit();
            if (changed.test(result)) {
              changes.changed(paperId);
            }
          } else {
            c.rollback();
          }
          return result;
        } catch (RuntimeException | SQLException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not " + what, e);
    }
  }

  /**
   * Checkpoints the section's live document: its text becomes the next revision unless it equals
   * the current one. {@code actorId} is who asked (the event's actor), or null for the last
   * co-author (a pause, a socket closing). With {@code skipLocked}, a section or live document
   * another writer holds is skipped (the pause job tries again); otherwise waited for. Joins the
   * caller's transaction when there is one (a merge reads the text after it).
   */
  Checkpoint checkpoint(long paperId, long sectionId, Long actorId, boolean skipLocked) {
    return inTransaction(
        "checkpoint section " + sectionId,
        paperId,
        c -> checkpointIn(c, paperId, sectionId, actorId, skipLocked),
        done -> true,
        Checkpoint::created);
  }

  private Checkpoint checkpointIn(
      Connection c, long paperId, long sectionId, Long actorId, boolean skipLocked)
      throws SQLException {
    int[] locked = lock(c, skipLocked ? lockFree : lockWait, paperId, sectionId);
    if (locked == null) {
      if (skipLocked) {
        return new Checkpoint(0, false, List.of(), true);
      }
      throw new NotFound("section", sectionId + " in paper " + paperId);
    }
    int current = locked[0];
    // Refused like a save (a frozen paper, a deleted section), with a live document or not.
    String currentSha = context(c, paperId, sectionId, current, LIVE_WHAT, locked[1] == 1);
    if (locked[2] == 0) {
      return new Checkpoint(current, false, List.of(), false);
    }
    var document = live.lock(c, sectionId, skipLocked);
    if (document.isEmpty()) {
      return new Checkpoint(current, false, List.of(), skipLocked);
    }
    var doc = document.get();
    List<Long> coAuthors = doc.unsaved() ? doc.coAuthors() : List.of();
    int now = checkpointLocked(c, paperId, sectionId, current, currentSha, doc, actorId);
    return new Checkpoint(now, now != current, now != current ? coAuthors : List.of(), false);
  }

  /** What a refused checkpoint says it was (a frozen paper, a deleted section). */
  private static final String LIVE_WHAT = "save the live text";

  /**
   * The paper's status (refusing a frozen paper), whether the section is deleted (refused), and the
   * current revision's checksum, for a checkpoint.
   */
  private String context(
      Connection c, long paperId, long sectionId, int current, String what, boolean deleted)
      throws SQLException {
    String sha;
    try (PreparedStatement s = c.prepareStatement(CONTEXT)) {
      s.setBoolean(1, false);
      s.setLong(2, paperId);
      s.setLong(3, sectionId);
      s.setInt(4, current);
      s.setLong(5, 0);
      s.setBoolean(6, false);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new NotFound("paper", String.valueOf(paperId));
        }
        Paper.requireEditable(rs.getString(2), PaperStatus.valueOf(rs.getString(1)), what);
        sha = rs.getString(3);
      }
    }
    if (deleted) {
      throw new Conflict("This section was deleted. Restore it first, then " + what + ".");
    }
    return sha;
  }

  /**
   * Under the section's and the live document's locks: the live text as the next revision, by its
   * last co-author with every co-author recorded, unless it equals the current text. Returns the
   * current revision number after it.
   */
  private int checkpointLocked(
      Connection c,
      long paperId,
      long sectionId,
      int current,
      String currentSha,
      LiveSections.Locked doc,
      Long actorId)
      throws SQLException {
    if (!doc.unsaved()) {
      return current;
    }
    String text = doc.text();
    String sha = RevisionService.sha256(text);
    if (sha.equals(currentSha)) {
      doc.checkpointed();
      return current;
    }
    long author = doc.lastAuthor();
    List<Long> coAuthors = doc.coAuthors();
    int number = current + 1;
    insert(
        c,
        paperId,
        sectionId,
        current,
        actorId == null ? author : actorId,
        new Change(
            text,
            sha,
            LIVE_SUMMARY,
            null,
            "section.saved",
            Map.of("live", true),
            author,
            null,
            null),
        author,
        BaseEntity.now());
    try (PreparedStatement s = c.prepareStatement(COAUTHORS)) {
      s.setArray(1, c.createArrayOf("bigint", coAuthors.toArray()));
      s.setLong(2, sectionId);
      s.setInt(3, number);
      s.executeUpdate();
    }
    doc.checkpointed();
    return number;
  }

  private Outcome appendIn(
      Connection c,
      long paperId,
      long sectionId,
      ETags.Precondition precondition,
      Actor actor,
      String what,
      Change change,
      boolean[] wrote)
      throws SQLException {
    int[] locked = lock(c, lockFree, paperId, sectionId);
    if (locked == null) {
      // Missing, or another writer holds it: look before queueing behind that writer.
      Stale stale = staleAtOnce(c, paperId, sectionId, precondition);
      if (stale != null) {
        return stale;
      }
      locked = lock(c, lockWait, paperId, sectionId);
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
    LiveSections.Locked document = null;
    if (locked[2] == 1) {
      // A live document: its typing becomes a revision first, so the precondition is checked
      // against it (an older tag gets the usual 412) and nobody's typing is replaced unseen.
      document = live.lock(c, sectionId, false).orElse(null);
      if (document != null && document.unsaved()) {
        int before = current;
        current = checkpointLocked(c, paperId, sectionId, current, currentSha, document, null);
        if (current != before) {
          wrote[0] = true;
          currentSha = RevisionService.sha256(document.text());
          if (!precondition.matches(current)) {
            return new Stale(current, document.text(), account(c, document.lastAuthor()));
          }
        } else {
          wrote[0] = true; // the document's checkpoint mark moved
        }
      }
    }
    if (stale != null) {
      return stale;
    }
    if (change.sha256().equals(currentSha) && change.restoredFrom() == null) {
      return new Unchanged(current);
    }

    int number = current + 1;
    Instant now = BaseEntity.now();
    insert(c, paperId, sectionId, current, actor.accountId(), change, authorId, now);
    if (document != null) {
      document.replace(change.body(), actor.accountId());
    }
    wrote[0] = true;
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
            null,
            List.of()));
  }

  /** Appends {@code change} as revision {@code current + 1} with its event, moving the pointer. */
  private void insert(
      Connection c,
      long paperId,
      long sectionId,
      int current,
      long eventActorId,
      Change change,
      long authorId,
      Instant now)
      throws SQLException {
    int number = current + 1;
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
      s.setLong(++i, eventActorId);
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
  }

  /** An account read on the save's connection (the author of a checkpoint, for a 412). */
  private static Account account(Connection c, long accountId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(ACCOUNT)) {
      s.setLong(1, accountId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return AccountRows.read(rs, 1);
      }
    }
  }

  /**
   * {current revision, deleted ? 1 : 0, has a live document ? 1 : 0} of the locked section, or
   * null.
   */
  private static int[] lock(Connection c, String sql, long paperId, long sectionId)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, sectionId);
      s.setLong(2, paperId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? new int[] {rs.getInt(1), rs.getBoolean(2) ? 1 : 0, rs.getBoolean(3) ? 1 : 0}
            : null;
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
