package org.plenary.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.CurrentActor;
import org.plenary.platform.security.PermissionService;

/**
 * The one place that says which {@link People.Audience} a viewer of a paper belongs to (the Chatham
 * House rule, see {@link People}): derived from the viewer's role in the paper, which {@link
 * PermissionService} keeps cached until the paper changes.
 */
@ApplicationScoped
public class Audiences {

  @Inject CurrentActor currentActor;
  @Inject PermissionService permissions;

  /** How people are shown to the caller in this paper. */
  public People.Audience ofCaller(long paperId) {
    return of(currentActor.get(), paperId);
  }

  /** How people are shown to {@code viewer} in this paper. */
  public People.Audience of(Actor viewer, long paperId) {
    return People.audience(viewer, permissions.roleIn(paperId, viewer.accountId()));
  }
}
