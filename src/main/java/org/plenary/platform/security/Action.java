package org.plenary.platform.security;

/**
 * Everything a caller can ask to do; {@link PermissionService} decides who may. Platform actions
 * need no paper; paper actions apply to the {@code paperId} (and {@code sectionId}) of the request.
 */
public enum Action {
  /** No sign-in needed: signing in, reading an invitation, using a reset link. */
  PUBLIC(false),
  /** Any signed-in person: own profile, own papers, creating a paper, previews. */
  SIGNED_IN(false),
  /** Platform administrators only: account care. */
  ADMINISTER(false),

  /** Read a paper, its sections, history, rendered text, search, comments and tallies. */
  READ_PAPER(true),
  /** Comment, reply, endorse, propose drafts. */
  PARTICIPATE(true),
  /** Save a section's text directly or restore an earlier revision. */
  SAVE_SECTION(true),
  /** Edit the outline and the paper's title, subtitle, summary and language. */
  EDIT_OUTLINE(true),
  /** Merge or reject drafts, moderate comments. */
  EDIT(true),
  /** Compile editions. */
  COMPILE(true),
  /** Members, invitations, workshops, paper status and archiving, publishing, audit log. */
  MANAGE_PAPER(true);

  private final boolean onPaper;

  Action(boolean onPaper) {
    this.onPaper = onPaper;
  }

  /** Whether the action applies to one paper (and so needs a role in it). */
  public boolean onPaper() {
    return onPaper;
  }
}
