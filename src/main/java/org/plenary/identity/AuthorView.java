package org.plenary.identity;

/**
 * Who wrote something (a revision, comment, draft), as the caller may see them (see {@code People}:
 * {@code id} and {@code handle} are null when the author is not to be identified to this caller).
 */
public record AuthorView(
    Long id,
    String handle,
    String displayName,
    String organisation,
    StakeholderGroup stakeholderGroup,
    boolean identified) {
  public static AuthorView of(People.Shown shown) {
    return new AuthorView(
        shown.id(),
        shown.handle(),
        shown.displayName(),
        shown.organisation(),
        shown.stakeholderGroup(),
        shown.identified());
  }
}
