package org.plenary.paper;

/** Where a paper is in its life: being written, under review, or frozen (no content changes). */
public enum PaperStatus {
  DRAFTING,
  REVIEW,
  FROZEN
}
