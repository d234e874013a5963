package org.plenary.coedit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.plenary.paper.Paper;
import org.plenary.paper.PaperRows;
import org.plenary.paper.PaperStatus;
import org.plenary.platform.error.Conflict;
import org.plenary.platform.error.Invalid;
import org.plenary.platform.error.NotFound;
import org.plenary.platform.error.TooLarge;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.PaperRole;
import org.plenary.platform.security.PermissionService;
import org.plenary.revision.RevisionService;
import org.plenary.section.SectionRows;

/**
 * A section's live document: the Yjs document its co-editors share, stored in PostgreSQL ({@code
 * live_document}, a snapshot, and {@code live_update}, every accepted update after it) and held in
 * memory on each instance that has it open.
 *
 * <p>The stored document is the truth; the one in memory is a copy that is brought up to date from
 * the table before each update is applied. An update is applied to the copy, checked (well formed,
 * in order, the text within the 1 MiB section limit) and only then appended, in the transaction
 * that acknowledges it. A refused update may already have touched the copy (the text's size is only
 * known after applying), so the copy is then dropped and read again from the table, where the
 * update never got. Copying the document before every keystroke would cost the whole document's
 * size per keystroke; dropping it costs that only per refusal.
 *
 * <p>Updates of one section are appended one at a time across all instances: the document's row is
 * locked to take the next {@code seq}.
 */
@ApplicationScoped
public class LiveDocuments {

  private static final Logger LOG = Logger.getLogger(LiveDocuments.class);

  /** How many updates are appended before the snapshot is rewritten to include them. */
  static final int COMPACT_EVERY = 500;

  /** What {@link Paper#requireEditable} says the refused change was. */
  private static final String WHAT = "edit this section";

  @Inject Yjs yjs;
  @Inject AgroalDataSource dataSource;
  @Inject PermissionService permissions;
  @Inject RevisionService revisions;

  private final Map<Long, Room> rooms = new ConcurrentHashMap<>();

  /** One section's document in memory. Guarded by itself. */
  private static final class Room {
    final long paperId;
    final long sectionId;

    /** The copy; null when it must be read again from the table. */
    Yjs.Doc doc;

    /** The last update the copy contains. */
    long seq;

    /** The last update handed out by {@link #news} (sockets have everything up to it). */
    long told;

    Room(long paperId, long sectionId) {
      this.paperId = paperId;
      this.sectionId = sectionId;
    }
  }

  /** An accepted update: {@code seq} is its number (that of the document's last for a no-op). */
  public record Accepted(long seq, boolean changed, String text) {}

  /** An update appended to a section's document, as other co-editors are sent it. */
  public record Update(long seq, byte[] bytes) {}

  /**
   * Opens the section's live document for a reader of the paper, seeding it from the section's
   * current text the first time. 404 for a section not in the paper, or deleted.
   */
  public void open(Actor actor, long paperId, long sectionId) {
    permissions.require(actor, Action.READ_PAPER, paperId, sectionId);
    Room room = room(paperId, sectionId);
    synchronized (room) {
      withConnection(
          "open the live document of section " + sectionId,
          c -> {
            seedIfNew(c, paperId, sectionId);
            ensureLoaded(c, room);
            return null;
          });
    }
  }

  /**
   * Whether the actor may write into the section, as {@link PermissionService#require} with {@link
   * Action#SAVE_SECTION} decides it, without recording a refusal (only to tell the web app it is
   * read-only; every update is checked again).
   */
  public boolean mayWrite(Actor actor, long paperId, long sectionId) {
    if (actor.platformAdmin()) {
      return true;
    }
    return permissions
        .roleIn(paperId, actor.accountId())
        .map(
            role ->
                role.allows(Action.SAVE_SECTION)
                    || (role == PaperRole.CONTRIBUTOR
                        && permissions
                            .groupSectionsOf(paperId, actor.accountId())
                            .contains(sectionId)))
        .orElse(false);
  }

  /** The document's text now (as this instance has it). */
  public String text(long paperId, long sectionId) {
    Room room = room(paperId, sectionId);
    synchronized (room) {
      return withConnection(
          "read the live document of section " + sectionId,
          c -> {
            seedIfNew(c, paperId, sectionId);
            lockedCatchUp(c, room);
            return yjs.text(room.doc);
          });
    }
  }

  /** The Yjs state vector of the document in memory (for sync step 1). */
  public byte[] stateVector(long paperId, long sectionId) {
    Room room = room(paperId, sectionId);
    synchronized (room) {
      return yjs.stateVector(loaded(room));
    }
  }

  /**
   * What a peer whose state vector is {@code vector} lacks (sync step 2); 422 when {@code vector}
   * is not a state vector.
   */
  public byte[] missing(long paperId, long sectionId, byte[] vector) {
    Room room = room(paperId, sectionId);
    synchronized (room) {
      return yjs.missing(loaded(room), vector)
          .orElseThrow(() -> new Invalid("stateVector", "is not a Yjs state vector"));
    }
  }

  /**
   * Applies a co-editor's update: checked like saving the section (403/404), refused on a frozen
   * paper or deleted section (409), when malformed or out of order (422) and when the text would
   * pass the section limit (413); otherwise appended and committed before this returns.
   */
  public Accepted apply(Actor actor, long paperId, long sectionId, byte[] update) {
    permissions.require(actor, Action.SAVE_SECTION, paperId, sectionId);
    Room room = room(paperId, sectionId);
    synchronized (room) {
      try {
        return withTransaction(
            "apply an update to section " + sectionId, c -> applyLocked(c, room, actor, update));
      } catch (RuntimeException e) {
        // The copy may hold the refused (or not committed) update: read it again next time.
        room.doc = null;
        throw e;
      }
    }
  }

  /**
   * The updates of the section appended since the last call, on any instance, in order; also brings
   * the copy in memory up to date. Empty when the section is not open here.
   */
  public List<Update> news(long sectionId) {
    Room room = rooms.get(sectionId);
    if (room == null) {
      return List.of();
    }
    synchronized (room) {
      return withConnection(
          "read new updates of section " + sectionId,
          c -> {
            List<Update> fresh = updatesAfter(c, room.sectionId, room.told);
            ensureLoaded(c, room);
            for (Update u : fresh) {
              if (u.seq() > room.seq) {
                yjs.load(room.doc, u.bytes());
                room.seq = u.seq();
              }
            }
            if (!fresh.isEmpty()) {
              room.told = fresh.get(fresh.size() - 1).seq();
            }
            return fresh;
          });
    }
  }

  private Accepted applyLocked(Connection c, Room room, Actor actor, byte[] update)
      throws SQLException {
    long last = lockDocument(c, room);
    lockedCatchUp(c, room);
    if (room.seq != last) {
      throw new IllegalStateException(
          "Live document of section " + room.sectionId + " is at " + room.seq + ", not " + last);
    }
    Yjs.Applied applied = yjs.apply(room.doc, update);
    switch (applied.status()) {
      case MALFORMED -> {
        LOG.infof(
            "Refused a malformed update to section %d from account %d: %s",
            room.sectionId, actor.accountId(), applied.reason());
        throw new Invalid("update", "is not a Yjs update (" + applied.reason() + ")");
      }
      case MISSING_DEPENDENCIES -> {
        LOG.infof(
            "Refused an out-of-order update to section %d from account %d",
            room.sectionId, actor.accountId());
        throw new Invalid(
            "update",
            "builds on changes the server has not received; sync again (step 1) and resend");
      }
      case UNCHANGED -> {
        c.rollback();
        return new Accepted(last, false, yjs.text(room.doc));
      }
      case APPLIED -> {}
    }
    String text = yjs.text(room.doc);
    int size = text.getBytes(StandardCharsets.UTF_8).length;
    if (size > RevisionService.MAX_BODY_BYTES) {
      LOG.infof(
          "Refused an update to section %d from account %d: %d bytes of text",
          room.sectionId, actor.accountId(), size);
      throw new TooLarge(
          "update",
          "would make the section's text "
              + size
              + " bytes long; a section holds at most "
              + RevisionService.MAX_BODY_BYTES
              + " bytes (1 MiB) of UTF-8 text");
    }
    long seq = last + 1;
    append(c, room.doc, room.sectionId, seq, actor.accountId(), update, false);
    c.commit();
    room.seq = seq;
    return new Accepted(seq, true, text);
  }

  /**
   * Appends {@code update} (already in {@code doc}) as {@code seq}, from {@code accountId}, and
   * moves the document's last seq; rewrites the snapshot every {@link #COMPACT_EVERY} updates. With
   * {@code checkpointed}, also records that the text with this update is in a revision (a save
   * applied into the document). The document's row must be locked.
   */
  void append(
      Connection c,
      Yjs.Doc doc,
      long sectionId,
      long seq,
      long accountId,
      byte[] update,
      boolean checkpointed)
      throws SQLException {
    OffsetDateTime now = OffsetDateTime.ofInstant(BaseEntity.now(), ZoneOffset.UTC);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO live_update (section_id, seq, account_id, bytes, received_at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      s.setLong(1, sectionId);
      s.setLong(2, seq);
      s.setLong(3, accountId);
      s.setBytes(4, update);
      s.setObject(5, now);
      s.executeUpdate();
    }
    boolean compact = seq % COMPACT_EVERY == 0;
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE live_document SET last_seq = ?, updated_at = ?,"
                + " checkpointed_seq = CASE WHEN ? THEN ? ELSE checkpointed_seq END,"
                + " through_seq = CASE WHEN ? THEN ? ELSE through_seq END,"
                + " state = COALESCE(?, state), state_vector = COALESCE(?, state_vector)"
                + " WHERE section_id = ?")) {
      s.setLong(1, seq);
      s.setObject(2, now);
      s.setBoolean(3, checkpointed);
      s.setLong(4, seq);
      s.setBoolean(5, compact);
      s.setLong(6, seq);
      s.setBytes(7, compact ? yjs.missing(doc, new byte[0]).orElseThrow() : null);
      s.setBytes(8, compact ? yjs.stateVector(doc) : null);
      s.setLong(9, sectionId);
      s.executeUpdate();
    }
  }

  /**
   * Locks the document's row; checks the paper is not frozen and the section not deleted; returns
   * the last appended {@code seq}. Reads the paper's and the section's rows in the same statement
   * (through their owners' fragments), as {@code RevisionWriter} does, so an update and a freeze
   * cannot pass each other.
   */
  private static long lockDocument(Connection c, Room room) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT d.last_seq, p.status, p.title, s.deleted FROM live_document d JOIN "
                + SectionRows.state("s")
                + " ON s.id = d.section_id JOIN "
                + PaperRows.statusAndTitle("p")
                + " ON p.id = s.paper_id WHERE d.section_id = ? FOR NO KEY UPDATE OF d")) {
      s.setLong(1, room.sectionId);
      s.setLong(2, room.paperId);
      s.setLong(3, room.paperId);
      s.setLong(4, room.sectionId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new NotFound("section", room.sectionId + " in paper " + room.paperId);
        }
        Paper.requireEditable(rs.getString(3), PaperStatus.valueOf(rs.getString(2)), WHAT);
        if (rs.getBoolean(4)) {
          throw new Conflict("This section was deleted. Restore it first, then " + WHAT + ".");
        }
        return rs.getLong(1);
      }
    }
  }

  /** Brings the copy up to date with the table (loading it first when there is none). */
  private void lockedCatchUp(Connection c, Room room) throws SQLException {
    ensureLoaded(c, room);
    for (Update u : updatesAfter(c, room.sectionId, room.seq)) {
      yjs.load(room.doc, u.bytes());
      room.seq = u.seq();
    }
  }

  /** Reads the stored document into the room when it has no copy. */
  private void ensureLoaded(Connection c, Room room) throws SQLException {
    if (room.doc != null) {
      return;
    }
    Yjs.Doc doc = yjs.create();
    long through;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT d.state, d.through_seq FROM live_document d JOIN "
                + SectionRows.pointer("s")
                + " ON s.id = d.section_id")) {
      s.setLong(1, room.sectionId);
      s.setLong(2, room.paperId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new NotFound("section", room.sectionId + " in paper " + room.paperId);
        }
        yjs.load(doc, rs.getBytes(1));
        through = rs.getLong(2);
      }
    }
    long seq = through;
    for (Update u : updatesAfter(c, room.sectionId, through)) {
      yjs.load(doc, u.bytes());
      seq = u.seq();
    }
    boolean first = room.told == 0 && room.seq == 0;
    room.doc = doc;
    room.seq = seq;
    if (first) {
      room.told = seq;
    }
  }

  /**
   * Creates the section's document from its current text (asked of {@link RevisionService}), unless
   * it exists. 404 for a section not in the paper.
   */
  private void seedIfNew(Connection c, long paperId, long sectionId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT 1 FROM live_document WHERE section_id = ?")) {
      s.setLong(1, sectionId);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
    }
    RevisionService.CurrentText current = revisions.currentText(paperId, sectionId);
    seed(c, sectionId, current.number(), current.body());
  }

  private void seed(Connection c, long sectionId, int revision, String body) throws SQLException {
    Yjs.Doc doc = yjs.create();
    yjs.replaceText(doc, body);
    OffsetDateTime now = OffsetDateTime.ofInstant(BaseEntity.now(), ZoneOffset.UTC);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO live_document (section_id, state, state_vector, seeded_from,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (section_id) DO NOTHING")) {
      s.setLong(1, sectionId);
      s.setBytes(2, yjs.missing(doc, new byte[0]).orElseThrow());
      s.setBytes(3, yjs.stateVector(doc));
      s.setInt(4, revision);
      s.setObject(5, now);
      s.setObject(6, now);
      s.executeUpdate();
    }
  }

  static List<Update> updatesAfter(Connection c, long sectionId, long seq) throws SQLException {
    List<Update> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT seq, bytes FROM live_update WHERE section_id = ? AND seq > ? ORDER BY seq")) {
      s.setLong(1, sectionId);
      s.setLong(2, seq);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Update(rs.getLong(1), rs.getBytes(2)));
        }
      }
    }
    return out;
  }

  private Room room(long paperId, long sectionId) {
    Room room = rooms.computeIfAbsent(sectionId, id -> new Room(paperId, id));
    if (room.paperId != paperId) {
      throw new NotFound("section", sectionId + " in paper " + paperId);
    }
    return room;
  }

  /** The room's copy, read again from the table if it was dropped. */
  private Yjs.Doc loaded(Room room) {
    if (room.doc == null) {
      withConnection(
          "read the live document of section " + room.sectionId,
          c -> {
            ensureLoaded(c, room);
            return null;
          });
    }
    return room.doc;
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T withConnection(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not " + what, e);
    }
  }

  private <T> T withTransaction(String what, Work<T> work) {
    return withConnection(
        what,
        c -> {
          c.setAutoCommit(false);
          try {
            return work.run(c);
          } finally {
            if (!c.getAutoCommit()) {
              c.rollback(); // nothing left after a commit; undoes a refusal
              c.setAutoCommit(true);
            }
          }
        });
  }
}
