package org.plenary.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.PaperRole;

/**
 * The one function that decides how a person is shown. Every place that names someone (history,
 * comments, presence, endorsement lists, exports) goes through {@link #present}, so the Chatham
 * House rule cannot be forgotten in one of them.
 *
 * <p>The people in the room (a paper's contributors, editors and owners) see who wrote what.
 * Everyone else (observers, share links, every published output) sees what the person chose: {@link
 * Attribution#NAMED} their name and organisation, {@link Attribution#ORGANISATION_ONLY} only the
 * organisation, {@link Attribution#ANONYMOUS} only "a participant" and their stakeholder group. An
 * erased person is a former participant for everyone.
 */
@ApplicationScoped
public class People {

  /** Who is looking. */
  public enum Audience {
    /** A contributor, editor or owner of the paper (or a platform administrator). */
    IN_THE_ROOM,
    /** An observer, a share link, a published output. */
    OUTSIDE
  }

  /**
   * A person as shown to an audience. {@code id} and {@code handle} are null when the person is not
   * to be identified; {@code displayName} is always something to print.
   */
  public record Shown(
      Long id,
      String handle,
      String displayName,
      String organisation,
      StakeholderGroup stakeholderGroup,
      boolean identified) {}

  /**
   * Who {@code viewer} is for a paper where they hold {@code role} (empty: not a member): the
   * paper's contributors, editors and owners, and platform administrators, are in the room.
   */
  public static Audience audience(Actor viewer, Optional<PaperRole> role) {
    return viewer.platformAdmin() || role.filter(r -> r != PaperRole.OBSERVER).isPresent()
        ? Audience.IN_THE_ROOM
        : Audience.OUTSIDE;
  }

  /**
   * Who {@code viewer} is for a paper's endorsements: stances are what gets published, so only the
   * editors and owners (and platform administrators) see every endorser named; contributors and
   * observers see each endorser as they chose to be shown, and anonymous ones only counted.
   */
  public static Audience endorsementAudience(Actor viewer, Optional<PaperRole> role) {
    return viewer.platformAdmin()
            || role.filter(r -> r == PaperRole.EDITOR || r == PaperRole.OWNER).isPresent()
        ? Audience.IN_THE_ROOM
        : Audience.OUTSIDE;
  }

  public static Shown present(Account a, Audience audience) {
    if (a.erasedAt != null) {
      return new Shown(null, null, "Former participant", null, a.stakeholderGroup, false);
    }
    if (audience == Audience.IN_THE_ROOM || a.attribution == Attribution.NAMED) {
      return new Shown(a.id, a.handle, a.displayName, a.organisation, a.stakeholderGroup, true);
    }
    if (a.attribution == Attribution.ORGANISATION_ONLY && a.organisation != null) {
      return new Shown(
          null,
          null,
          "A participant from " + a.organisation,
          a.organisation,
          a.stakeholderGroup,
          false);
    }
    return new Shown(null, null, "A participant", null, a.stakeholderGroup, false);
  }
}
