package org.plenary.platform.security;

/**
 * Whether a paper exists, answered by the {@code paper} feature, so that the platform can ask
 * without knowing papers (the platform imports no feature).
 */
public interface KnownPapers {

  /** Whether a paper with this id exists (archived or not). */
  boolean exists(long paperId);
}
