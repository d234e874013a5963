package org.plenary.platform.security;

import java.util.Set;

/**
 * The sections a contributor may save because a breakout group they belong to writes them, as the
 * feature that keeps breakout groups knows it ({@code workshop.GroupAssignments}). {@link
 * PermissionService} asks through this interface and caches the answers per paper.
 */
public interface GroupSections {

  /** The ids of the sections assigned to breakout groups of the paper the account belongs to. */
  Set<Long> sectionsOf(long paperId, long accountId);
}
