package org.plenary.platform.security;

/** Everything a caller can ask to do; the permission service decides who may. */
public enum Action {
  /** List papers and create new ones (platform level). */
  USE_PLATFORM,
  /** Read a paper, its sections, history, rendered text and search. */
  READ_PAPER,
  /** Change a paper's title, subtitle, summary, language or slug. */
  EDIT_PAPER_METADATA,
  /** Move a paper between drafting, review and frozen; archive it. */
  MANAGE_PAPER,
  /** Add, rename, move, delete and restore sections. */
  EDIT_OUTLINE,
  /** Save a section's text directly or restore an earlier revision. */
  SAVE_SECTION,
  /** Render Markdown that is not stored anywhere (preview). */
  PREVIEW
}
