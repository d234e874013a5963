package org.plenary.revision;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A section's live document, as the save sees it (implemented by {@code coedit}, which sits above
 * this package; see docs/architecture.md). The save asks it on its own connection, under its own
 * section lock, so a live document and the revisions cannot pass each other:
 *
 * <ol>
 *   <li>the section's lock statement also says whether the section has a live document ({@link
 *       #exists}, composed into it: no extra round trip for the sections that have none);
 *   <li>when it has one, its row is locked ({@link #lock}) and typing not yet in a revision is
 *       checkpointed as a revision first (the save writes it);
 *   <li>the saved text (a save, a merge, a restore) is then applied into the live document as one
 *       more update ({@link Locked#replace}), so every co-editor gets it.
 * </ol>
 *
 * Locks are always taken in that order, section then live document, by every writer of both.
 */
public interface LiveSections {

  /**
   * A boolean SQL expression: whether the section whose id is {@code sectionId} (a column or
   * parameter expression) has a live document.
   */
  String exists(String sectionId);

  /**
   * Locks the section's live document on {@code c} (waiting, or skipping it when another holds it
   * and {@code skipLocked}); empty when there is none, or it was skipped.
   */
  Optional<Locked> lock(Connection c, long sectionId, boolean skipLocked) throws SQLException;

  /** Which of {@code sectionIds} have live typing not yet checkpointed (for a compile). */
  List<Long> unsavedAmong(List<Long> sectionIds);

  /** A locked live document, for the save's transaction only. */
  interface Locked {
    /** Whether updates arrived since the last checkpoint. */
    boolean unsaved();

    /** The document's text now. */
    String text();

    /** Who sent the updates since the last checkpoint, in the order of their first update. */
    List<Long> coAuthors();

    /** Who sent the last update since the last checkpoint. */
    long lastAuthor();

    /** Records that the document's text, as it is now, is in a revision. */
    void checkpointed() throws SQLException;

    /**
     * Makes the document's text {@code text} with one Yjs change from {@code accountId}, appended
     * like a co-editor's update (and so sent to every socket), and records it as in a revision.
     */
    void replace(String text, long accountId) throws SQLException;
  }
}
