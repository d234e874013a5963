package org.plenary.coedit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.plenary.revision.LiveSections;

/**
 * The live documents as the save sees them ({@link LiveSections}, declared by {@code revision}):
 * the save locks a section's live document on its own connection, checkpoints the typing not yet in
 * a revision and applies the text it saves into the document as one more update, appended like a
 * co-editor's (so every instance's sockets get it through {@code live_update}'s notification).
 *
 * <p>The document is read from the table into a fresh Yjs document under the row's lock, not taken
 * from an instance's copy in memory: the copy is guarded by a monitor that an update holds while it
 * waits for the row, so taking both in the other order could deadlock. A copy catches up with what
 * the save appended the next time it is used, as with another instance's update.
 */
@ApplicationScoped
public class LiveSaves implements LiveSections {

  @Inject Yjs yjs;
  @Inject LiveDocuments documents;
  @Inject AgroalDataSource dataSource;

  @Override
  public String exists(String sectionId) {
    return "EXISTS (SELECT 1 FROM live_document l WHERE l.section_id = " + sectionId + ")";
  }

  @Override
  public Optional<Locked> lock(Connection c, long sectionId, boolean skipLocked)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT state, through_seq, last_seq, checkpointed_seq FROM live_document"
                + " WHERE section_id = ? FOR NO KEY UPDATE"
                + (skipLocked ? " SKIP LOCKED" : ""))) {
      s.setLong(1, sectionId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Document(
                c, sectionId, rs.getBytes(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
      }
    }
  }

  @Override
  public List<Long> unsavedAmong(List<Long> sectionIds) {
    if (sectionIds.isEmpty()) {
      return List.of();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT section_id FROM live_document WHERE section_id = ANY(?)"
                    + " AND last_seq > checkpointed_seq ORDER BY section_id")) {
      s.setArray(1, c.createArrayOf("bigint", sectionIds.toArray()));
      return ids(s);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read which live documents have typing", e);
    }
  }

  static List<Long> ids(PreparedStatement s) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  /** One locked document, read lazily on the save's connection. */
  private final class Document implements Locked {
    private final Connection c;
    private final long sectionId;
    private final byte[] state;
    private final long through;
    private long last;
    private long checkpointed;
    private Yjs.Doc doc;
    private List<Long> coAuthors;
    private long lastAuthor;

    Document(
        Connection c, long sectionId, byte[] state, long through, long last, long checkpointed) {
      this.c = c;
      this.sectionId = sectionId;
      this.state = state;
      this.through = through;
      this.last = last;
      this.checkpointed = checkpointed;
    }

    @Override
    public boolean unsaved() {
      return last > checkpointed;
    }

    @Override
    public String text() {
      return yjs.text(doc());
    }

    @Override
    public List<Long> coAuthors() {
      readAuthors();
      return coAuthors;
    }

    @Override
    public long lastAuthor() {
      readAuthors();
      return lastAuthor;
    }

    @Override
    public void checkpointed() throws SQLException {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE live_document SET checkpointed_seq = ? WHERE section_id = ?")) {
        s.setLong(1, last);
        s.setLong(2, sectionId);
        s.executeUpdate();
      }
      checkpointed = last;
    }

    @Override
    public void replace(String text, long accountId) throws SQLException {
      byte[] update = yjs.replaceText(doc(), text);
      if (update.length == 0) {
        checkpointed();
        return;
      }
      long seq = last + 1;
      documents.append(
          c, doc, sectionId, last, List.of(new LiveDocuments.Row(seq, accountId, update)), true);
      last = seq;
      checkpointed = seq;
    }

    private Yjs.Doc doc() {
      if (doc == null) {
        try {
          Yjs.Doc fresh = yjs.create();
          yjs.load(fresh, state);
          LiveDocuments.loadAfter(yjs, c, fresh, sectionId, through);
          doc = fresh;
        } catch (SQLException e) {
          throw new IllegalStateException("Could not read the live document of " + sectionId, e);
        }
      }
      return doc;
    }

    /** The accounts of the updates after the last checkpoint: one query. */
    private void readAuthors() {
      if (coAuthors != null) {
        return;
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT account_id, max(seq) FROM live_update"
                  + " WHERE section_id = ? AND seq > ? AND seq <= ?"
                  + " GROUP BY account_id ORDER BY min(seq)")) {
        s.setLong(1, sectionId);
        s.setLong(2, checkpointed);
        s.setLong(3, last);
        List<Long> out = new ArrayList<>();
        long newest = -1;
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getLong(1));
            if (rs.getLong(2) > newest) {
              newest = rs.getLong(2);
              lastAuthor = rs.getLong(1);
            }
          }
        }
        coAuthors = List.copyOf(out);
      } catch (SQLException e) {
        throw new IllegalStateException("Could not read who typed in section " + sectionId, e);
      }
    }
  }
}
