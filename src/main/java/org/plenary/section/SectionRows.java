package org.plenary.section;

/**
 * The statements on a section row that the save ({@code revision.RevisionWriter}) runs on its own
 * connection, in its own round trips: the hottest path in Plenary (see docs/data-access.md). The
 * section feature owns the {@code section} table, so they are written here and the save composes
 * them; {@code current_revision} is moved only by the save, in the statement that appends the
 * revision.
 */
public final class SectionRows {
  private SectionRows() {}

  /**
   * Locks the section ({@code ?}: id, paper) for a save unless another save holds it; answers the
   * current revision number, whether the section is deleted and {@code also} (an expression on the
   * section row, whose id is {@code id}: the save asks whether the section has a live document in
   * the same statement), or no row.
   */
  public static String lockFree(String also) {
    return lock(also) + " SKIP LOCKED";
  }

  /** As {@link #lockFree}, waiting for the save that holds the section. */
  public static String lockWait(String also) {
    return lock(also);
  }

  private static String lock(String also) {
    return "SELECT current_revision, deleted_at IS NOT NULL, "
        + also
        + " FROM section WHERE id = ? AND paper_id = ? FOR NO KEY UPDATE";
  }

  /** Moves the pointer ({@code ?}: new revision number, when, section id) to the new revision. */
  public static final String MOVE_POINTER =
      "UPDATE section SET current_revision = ?, updated_at = ? WHERE id = ?";

  /**
   * The section ({@code ?}: id, paper) as a derived table {@code alias} with its {@code id} and
   * {@code current_revision}, unlocked: no row when it is not a section of that paper.
   */
  public static String pointer(String alias) {
    return "(SELECT id, current_revision FROM section WHERE id = ? AND paper_id = ?) " + alias;
  }

  /**
   * The paper's sections that are not deleted ({@code paper}: the parameter or expression giving
   * its id) as a derived table {@code alias} with {@code id}, {@code heading}, {@code position} and
   * {@code current_revision}, for a query that must read them with another feature's rows in one
   * statement (full-text search ranks a section by its heading and its text together).
   */
  public static String visibleOfPaper(String alias, String paper) {
    return "(SELECT id, heading, position, current_revision FROM section WHERE paper_id = "
        + paper
        + " AND deleted_at IS NULL) "
        + alias;
  }

  /**
   * The section ({@code ?}: id, paper) as a derived table {@code alias} with its {@code id}, {@code
   * paper_id} and whether it is {@code deleted}, unlocked: no row when it is not a section of that
   * paper.
   */
  public static String state(String alias) {
    return "(SELECT id, paper_id, deleted_at IS NOT NULL AS deleted FROM section"
        + " WHERE id = ? AND paper_id = ?) "
        + alias;
  }

  /**
   * Locks every section of the paper ({@code ?}) with the strongest row lock, in outline order (as
   * the freeze's other locks): even a new row that refers to one of them (a live document created
   * for it) waits until the caller's transaction ends. Answers the ids of those not deleted.
   */
  public static final String LOCK_PAPER_AGAINST_NEW_REFERENCES =
      "SELECT id, deleted_at IS NULL FROM section WHERE paper_id = ? ORDER BY position, id"
          + " FOR UPDATE";
}
