package org.plenary.text.anchor;

import static org.plenary.text.anchor.TextAnchor.CONTEXT;
import static org.plenary.text.anchor.TextAnchor.FUZZY_CONTEXT_WEIGHT;
import static org.plenary.text.anchor.TextAnchor.FUZZY_NEAR_WEIGHT;
import static org.plenary.text.anchor.TextAnchor.MIN_EVIDENCE;

/** A scored place for the passage in the current text. */
record Candidate(
    int start,
    int end,
    double similarity,
    int context,
    double near,
    int evidence,
    int ours,
    int twin,
    int elsewhere,
    int fresh) {

  /** Holds characters of the quoted passage itself, more than of other old text. */
  boolean supported() {
    return ours > elsewhere + twin;
  }

  /**
   * Mostly new characters or the passage's own (or its paragraph's identical twin's), not text that
   * was elsewhere all along, and enough of the passage and its context agree that a coincidence is
   * unlikely.
   */
  boolean eligible() {
    return ours + twin + fresh > elsewhere && evidence >= MIN_EVIDENCE;
  }

  /**
   * For fuzzy matches: the similarity, plus up to 0.2 each for context agreement and nearness: the
   * passage's words are the evidence, and where they stand settles between places about as alike,
   * as when its surviving words also occur nearby.
   */
  double fuzzyScore() {
    return similarity + FUZZY_CONTEXT_WEIGHT * context / (2.0 * CONTEXT) + FUZZY_NEAR_WEIGHT * near;
  }

  Candidate withNear(double nearness) {
    return new Candidate(
        start, end, similarity, context, nearness, evidence, ours, twin, elsewhere, fresh);
  }

  /**
   * For exact matches: context agreement, share of the passage's own text, then nearness and having
   * the very same whitespace as tie-breakers.
   */
  double exactScore(boolean literal) {
    int total = ours + twin + elsewhere + fresh;
    return context
        + CONTEXT * (total == 0 ? 0.0 : (double) (ours + twin) / total)
        + near
        + (literal ? 1 : 0);
  }
}
