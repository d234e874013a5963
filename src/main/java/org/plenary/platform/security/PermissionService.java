package org.plenary.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.plenary.platform.error.Forbidden;
import org.plenary.platform.error.NotFound;
import org.plenary.platform.events.EventLog;
import org.plenary.platform.events.PaperChanges;

/**
 * The one place that decides whether someone may do something: the permission matrix of the README,
 * applied to the caller's role in the paper ({@link PaperRole}) and, for contributors saving text,
 * to the breakout groups they belong to.
 *
 * <p>A paper you are not a member of does not exist for you: 404, not 403. Platform administrators
 * may act on every paper; {@link AdminAccessAudit} records each time one does so without being a
 * member. Roles and group assignments are asked of the features that keep them ({@link PaperRoles},
 * {@link GroupSections}) once and kept until the paper next changes (every membership and group
 * change records an event for the paper).
 */
@ApplicationScoped
public class PermissionService {

  @Inject PaperRoles roles;
  @Inject GroupSections groups;
  @Inject PaperChanges changes;
  @Inject AdminAccessAudit adminAudit;
  @Inject EventLog events;

  /**
   * Throws a domain exception when the actor may not perform the action.
   *
   * @param paperId the paper the action applies to ({@code null} for platform actions)
   * @param sectionId the section, when the action is about one
   */
  public void require(Actor actor, Action action, Long paperId, Long sectionId) {
    if (!action.onPaper() || paperId == null) {
      if (action == Action.ADMINISTER && !actor.platformAdmin()) {
        throw new Forbidden("Only platform administrators may do this.");
      }
      return;
    }
    Optional<PaperRole> role = roleIn(paperId, actor.accountId());
    if (role.isEmpty()) {
      if (actor.platformAdmin()) {
        adminAudit.record(actor, paperId, action);
        return;
      }
      events.audit(
          actor, null, "security.denied", "paper", paperId, Map.of("action", action.name()));
      throw new NotFound("paper", String.valueOf(paperId));
    }
    if (role.get().allows(action)) {
      return;
    }
    if (action == Action.SAVE_SECTION
        && role.get() == PaperRole.CONTRIBUTOR
        && sectionId != null
        && groupSectionsOf(paperId, actor.accountId()).contains(sectionId)) {
      return;
    }
    Map<String, Object> denied = new java.util.LinkedHashMap<>();
    denied.put("action", action.name());
    denied.put("role", role.get().name());
    if (sectionId != null) {
      denied.put("sectionId", sectionId);
    }
    events.audit(actor, paperId, "security.denied", "paper", paperId, denied);
    throw new Forbidden(refusal(role.get(), action));
  }

  /**
   * Whether the actor's role in the paper allows the action (platform administrators: always), for
   * rules that depend on more than the endpoint, such as "editors and the thread's author". Records
   * nothing: the endpoint's own check has already been made and audited.
   */
  public boolean allows(Actor actor, Action action, long paperId) {
    return actor.platformAdmin()
        || roleIn(paperId, actor.accountId()).map(r -> r.allows(action)).orElse(false);
  }

  /** The actor's role in the paper, if a member. */
  public Optional<PaperRole> roleIn(long paperId, long accountId) {
    String role =
        changes.cached(
            paperId,
            "role:" + accountId,
            () -> roles.roleOf(paperId, accountId).map(PaperRole::name).orElse(""));
    return role.isEmpty() ? Optional.empty() : Optional.of(PaperRole.valueOf(role));
  }

  /** The sections assigned to breakout groups the account belongs to in this paper. */
  public Set<Long> groupSectionsOf(long paperId, long accountId) {
    return changes.cached(
        paperId, "group-sections:" + accountId, () -> groups.sectionsOf(paperId, accountId));
  }

  private static String refusal(PaperRole role, Action action) {
    String as = "As " + article(role) + " " + role.name().toLowerCase() + " of this paper";
    return switch (action) {
      case SAVE_SECTION ->
          as
              + " you can save only sections assigned to a breakout group you belong to. Propose"
              + " a change or comment instead, and an editor can merge it.";
      case PARTICIPATE -> as + " you can read and follow, but not comment, endorse or propose.";
      case EDIT_OUTLINE, EDIT, COMPILE -> as + " you cannot do this; editors and owners can.";
      default -> as + " you cannot do this; only its owners can.";
    };
  }

  private static String article(PaperRole role) {
    return role == PaperRole.OBSERVER || role == PaperRole.OWNER || role == PaperRole.EDITOR
        ? "an"
        : "a";
  }
}
