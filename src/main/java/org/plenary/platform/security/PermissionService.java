package org.plenary.platform.security;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides whether an actor may perform an action on a paper. It is the only place that knows the
 * paper roles. Until identity lands there are no roles, and the API is open: every action is
 * allowed (the README says so at the top).
 */
@ApplicationScoped
public class PermissionService {

  /**
   * Throws a domain exception when the actor may not perform the action.
   *
   * @param paperId the paper the action applies to, or {@code null} for platform-level actions
   */
  public void require(Actor actor, Action action, Long paperId) {
    // Open API until the identity issue: no roles exist yet, so nothing is refused here.
  }
}
