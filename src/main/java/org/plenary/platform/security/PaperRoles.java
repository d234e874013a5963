package org.plenary.platform.security;

import java.util.Optional;

/**
 * Someone's role in a paper, as the feature that keeps paper memberships knows it ({@code
 * member.Memberships}). {@link PermissionService} asks through this interface, so the platform
 * neither reads that feature's tables nor depends on it; it caches the answers per paper.
 */
public interface PaperRoles {

  /** The account's role in the paper; empty when not a member. */
  Optional<PaperRole> roleOf(long paperId, long accountId);
}
