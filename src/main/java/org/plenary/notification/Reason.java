package org.plenary.notification;

/** Why someone is told about an event. */
public enum Reason {
  /** Someone wrote their {@code @handle} in a comment. */
  MENTION,
  /** Someone replied in a thread they started or took part in. */
  REPLY,
  /** Their draft was merged. */
  DRAFT_MERGED,
  /** Their draft was rejected. */
  DRAFT_REJECTED,
  /** The section moved past the revision their draft is based on. */
  DRAFT_OUTDATED,
  /** A proposal they took a stance on changed after they did: they may want to re-confirm. */
  ENDORSED_PROPOSAL_CHANGED,
  /** A comment was flagged for moderation (told to editors and owners). */
  COMMENT_FLAGGED
}
