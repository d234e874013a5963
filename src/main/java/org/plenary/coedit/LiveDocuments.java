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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * <p>Updates of one section are appended one transaction at a time across all instances: the
 * document's row is locked to take the next {@code seq}. Updates that arrive while a transaction of
 * their section is committing wait and are then appended together, in one transaction (group
 * commit): a room of typists costs one commit per round, not one per keystroke, and each update is
 * still acknowledged only once it is on disk. When one of a batch is refused, the batch is appended
 * again one update at a time, so only that one is refused.
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

    /** Updates waiting for the next transaction of this room. */
    final Queue<Pending> queue = new ConcurrentLinkedQueue<>();

    /** Who sent the updates appended here that {@link #news} has not handed out yet, by seq. */
    final Map<Long, String> origins = new HashMap<>();

    /**
     * Updates the copy took in (appended here or read from the table) that {@link #news} has not
     * handed out yet, by seq: news serves them from memory when they cover what is asked.
     */
    final NavigableMap<Long, byte[]> recent = new TreeMap<>();

    /** Remembers an update the copy now holds, until {@link #news} hands it out. */
    void took(long seq, byte[] bytes) {
      if (seq > told) {
        recent.put(seq, bytes);
      }
      if (recent.size() > 10_000) {
        recent.clear(); // nobody here asks: the table has them
      }
    }

    Room(long paperId, long sectionId) {
      this.paperId = paperId;
      this.sectionId = sectionId;
    }
  }

  /** An accepted update: {@code seq} is its number (that of the document's last for a no-op). */
  public record Accepted(long seq, boolean changed) {}

  /**
   * An update appended to a section's document, as other co-editors are sent it; {@code origin} is
   * what the sender passed to {@link #apply} when it was appended on this instance (it need not be
   * sent back), otherwise null.
   */
  public record Update(long seq, byte[] bytes, String origin) {}

  /** An update waiting in its room's queue, and then what became of it. */
  private static final class Pending {
    final Actor actor;
    final byte[] update;
    final String origin;
    Accepted accepted;
    RuntimeException refused;

    Pending(Actor actor, byte[] update, String origin) {
      this.actor = actor;
      this.update = update;
      this.origin = origin;
    }

    boolean done() {
      return accepted != null || refused != null;
    }
  }

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
    return apply(actor, paperId, sectionId, update, null);
  }

  /**
   * As {@link #apply(Actor, long, long, byte[])}; {@code origin} (a socket's id) comes back with
   * the update from {@link #news}, so the sender need not be sent its own update.
   */
  public Accepted apply(Actor actor, long paperId, long sectionId, byte[] update, String origin) {
    permissions.require(actor, Action.SAVE_SECTION, paperId, sectionId);
    Room room = room(paperId, sectionId);
    Pending mine = new Pending(actor, update, origin);
    room.queue.add(mine);
    synchronized (room) {
      // Whoever holds the room next takes every update waiting, this one included, unless the
      // transaction before it already did.
      if (!mine.done()) {
        List<Pending> batch = new ArrayList<>();
        for (Pending p = room.queue.poll(); p != null; p = room.queue.poll()) {
          batch.add(p);
        }
        appendAll(room, batch);
      }
    }
    if (mine.refused != null) {
      throw mine.refused;
    }
    return mine.accepted;
  }

  /** Appends a batch in one transaction or, when one of it is refused, one by one. */
  private void appendAll(Room room, List<Pending> batch) {
    if (batch.size() > 1) {
      try {
        List<Accepted> accepted =
            withTransaction(
                "apply " + batch.size() + " updates to section " + room.sectionId,
                c -> applyLocked(c, room, batch));
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).accepted = accepted.get(i);
        }
        return;
      } catch (RuntimeException e) {
        // The copy may hold updates of the batch that was rolled back.
        room.doc = null;
      }
    }
    for (Pending p : batch) {
      try {
        p.accepted =
            withTransaction(
                    "apply an update to section " + room.sectionId,
                    c -> applyLocked(c, room, List.of(p)))
                .get(0);
      } catch (RuntimeException e) {
        // The copy may hold the refused (or not committed) update: read it again next time.
        room.doc = null;
        p.refused = e;
      }
    }
  }

  /**
   * The updates of the section appended since the last call, on any instance, in order, through at
   * least {@code through} (a seq this instance heard of); also brings the copy in memory up to
   * date. Served from memory when the copy took in every one of them (its own updates, mostly),
   * from the table otherwise. Empty when the section is not open here.
   */
  public List<Update> news(long sectionId, long through) {
    Room room = rooms.get(sectionId);
    if (room == null) {
      return List.of();
    }
    synchronized (room) {
      if (through <= room.told) {
        return List.of();
      }
      room.recent.headMap(room.told, true).clear();
      if (room.doc != null
          && through <= room.seq
          && !room.recent.isEmpty()
          && room.recent.firstKey() == room.told + 1
          && room.recent.lastKey() == room.seq
          && room.recent.size() == room.seq - room.told) {
        List<Update> fresh = new ArrayList<>(room.recent.size());
        for (Map.Entry<Long, byte[]> e : room.recent.entrySet()) {
          fresh.add(new Update(e.getKey(), e.getValue(), room.origins.remove(e.getKey())));
        }
        room.recent.clear();
        room.told = room.seq;
        return fresh;
      }
      return withConnection(
          "read new updates of section " + sectionId,
          c -> {
            List<Update> fresh = new ArrayList<>();
            for (Update u : updatesAfter(c, room.sectionId, room.told)) {
              fresh.add(new Update(u.seq(), u.bytes(), room.origins.remove(u.seq())));
            }
            ensureLoaded(c, room);
            List<byte[]> missed = new ArrayList<>();
            for (Update u : fresh) {
              if (u.seq() > room.seq) {
                missed.add(u.bytes());
                room.seq = u.seq();
              }
            }
            yjs.load(room.doc, missed);
            if (!fresh.isEmpty()) {
              room.told = fresh.get(fresh.size() - 1).seq();
            }
            room.recent.headMap(room.told, true).clear();
            return fresh;
          });
    }
  }

  /**
   * Applies the batch's updates to the copy, checks each, appends those that change the document
   * and commits, all or none (the first refusal throws and the caller rolls back).
   */
  private List<Accepted> applyLocked(Connection c, Room room, List<Pending> batch)
      throws SQLException {
    long last = lockDocument(c, room);
    Freezing.refuseIfFrozen(c, room.paperId, WHAT); // the row may have waited for a freeze
    if (room.doc == null || room.seq != last) {
      lockedCatchUp(c, room); // another instance appended (or the copy was dropped)
    }
    if (room.seq != last) {
      throw new IllegalStateException(
          "Live document of section " + room.sectionId + " is at " + room.seq + ", not " + last);
    }
    long[] seqs = new long[batch.size()];
    boolean[] changed = new boolean[batch.size()];
    long seq = last;
    for (int i = 0; i < batch.size(); i++) {
      Pending p = batch.get(i);
      Yjs.Applied applied = yjs.apply(room.doc, p.update);
      switch (applied.status()) {
        case MALFORMED -> {
          LOG.infof(
              "Refused a malformed update to section %d from account %d: %s",
              room.sectionId, p.actor.accountId(), applied.reason());
          throw new Invalid("update", "is not a Yjs update (" + applied.reason() + ")");
        }
        case MISSING_DEPENDENCIES -> {
          LOG.infof(
              "Refused an out-of-order update to section %d from account %d",
              room.sectionId, p.actor.accountId());
          throw new Invalid(
              "update",
              "builds on changes the server has not received; sync again (step 1) and resend");
        }
        case UNCHANGED -> {}
        case APPLIED -> {
          seq++;
          changed[i] = true;
        }
      }
      seqs[i] = seq;
    }
    if (seq == last) {
      c.rollback();
      return accepted(seqs, changed);
    }
    // A UTF-16 unit is at most 3 bytes of UTF-8: build the text (the whole document's length,
    // costly per keystroke) only when the length alone cannot tell.
    int size =
        (long) yjs.length(room.doc) * 3 <= RevisionService.MAX_BODY_BYTES
            ? 0
            : yjs.text(room.doc).getBytes(StandardCharsets.UTF_8).length;
    if (size > RevisionService.MAX_BODY_BYTES) {
      LOG.infof(
          "Refused an update to section %d from account %d: %d bytes of text",
          room.sectionId, batch.get(batch.size() - 1).actor.accountId(), size);
      throw new TooLarge(
          "update",
          "would make the section's text "
              + size
              + " bytes long; a section holds at most "
              + RevisionService.MAX_BODY_BYTES
              + " bytes (1 MiB) of UTF-8 text");
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      if (changed[i]) {
        rows.add(new Row(seqs[i], batch.get(i).actor.accountId(), batch.get(i).update));
      }
    }
    append(c, room.doc, room.sectionId, last, rows, false);
    c.commit();
    room.seq = seq;
    if (room.origins.size() > 10_000) {
      room.origins.clear(); // never handed out (no socket here asked): forget them
    }
    for (int i = 0; i < batch.size(); i++) {
      if (changed[i]) {
        room.took(seqs[i], batch.get(i).update);
        if (batch.get(i).origin != null) {
          room.origins.put(seqs[i], batch.get(i).origin);
        }
      }
    }
    return accepted(seqs, changed);
  }

  private static List<Accepted> accepted(long[] seqs, boolean[] changed) {
    List<Accepted> out = new ArrayList<>(seqs.length);
    for (int i = 0; i < seqs.length; i++) {
      out.add(new Accepted(seqs[i], changed[i]));
    }
    return out;
  }

  /** An update to append: its seq, who sent it, its bytes. */
  record Row(long seq, long accountId, byte[] bytes) {}

  /**
   * Appends {@code rows} (already in {@code doc}, seqs following {@code before}) in one round trip
   * and moves the document's last seq; rewrites the snapshot when the seqs pass a multiple of
   * {@link #COMPACT_EVERY}. With {@code checkpointed}, also records that the text with these
   * updates is in a revision (a save applied into the document). The document's row must be locked.
   */
  void append(
      Connection c, Yjs.Doc doc, long sectionId, long before, List<Row> rows, boolean checkpointed)
      throws SQLException {
    OffsetDateTime now = OffsetDateTime.ofInstant(BaseEntity.now(), ZoneOffset.UTC);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO live_update (section_id, seq, account_id, bytes, received_at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (Row r : rows) {
        s.setLong(1, sectionId);
        s.setLong(2, r.seq());
        s.setLong(3, r.accountId());
        s.setBytes(4, r.bytes());
        s.setObject(5, now);
        s.addBatch();
      }
      s.executeBatch();
    }
    long seq = rows.get(rows.size() - 1).seq();
    boolean compact = seq / COMPACT_EVERY != before / COMPACT_EVERY;
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
    for (Update u : loadAfter(yjs, c, room.doc, room.sectionId, room.seq)) {
      room.seq = u.seq();
      room.took(u.seq(), u.bytes());
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
    List<Update> after = loadAfter(yjs, c, doc, room.sectionId, through);
    long seq = after.isEmpty() ? through : after.get(after.size() - 1).seq();
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

  /**
   * Reads the section's updates after {@code seq} from the table and loads them into {@code doc}
   * (in one Yjs transaction); returns them.
   */
  static List<Update> loadAfter(Yjs yjs, Connection c, Yjs.Doc doc, long sectionId, long seq)
      throws SQLException {
    List<Update> after = updatesAfter(c, sectionId, seq);
    yjs.load(doc, after.stream().map(Update::bytes).toList());
    return after;
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
          out.add(new Update(rs.getLong(1), rs.getBytes(2), null));
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
