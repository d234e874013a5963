package org.plenary.paper;

/**
 * The paper row as the save ({@code revision.RevisionWriter}) reads it in its own statement, so a
 * frozen paper refuses saves without one more round trip (see docs/data-access.md). The paper
 * feature owns the {@code paper} table, so the fragment is written here and the save composes it.
 */
public final class PaperRows {
  private PaperRows() {}

  /** The paper ({@code ?}: id) as a derived table {@code alias} with its status and title. */
  public static String statusAndTitle(String alias) {
    return "(SELECT id, status, title FROM paper WHERE id = ?) " + alias;
  }
}
