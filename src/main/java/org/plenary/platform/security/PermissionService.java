package org.plenary.platform.security;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
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
 * member. Roles and group assignments are read once and kept until the paper next changes (every
 * membership and group change records an event for the paper).
 */
@ApplicationScoped
public class PermissionService {

  private static final String ROLE =
      "SELECT role FROM paper_member WHERE paper_id = ? AND account_id = ?";
  private static final String GROUP_SECTIONS =
      "SELECT gs.section_id FROM group_section gs"
          + " JOIN group_member gm ON gm.group_id = gs.group_id"
          + " JOIN breakout_group g ON g.id = gs.group_id"
          + " WHERE g.paper_id = ? AND gm.account_id = ?";

  @Inject AgroalDataSource dataSource;
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
            () -> query(ROLE, paperId, accountId, rs -> rs.next() ? rs.getString(1) : ""));
    return role.isEmpty() ? Optional.empty() : Optional.of(PaperRole.valueOf(role));
  }

  /** The sections assigned to breakout groups the account belongs to in this paper. */
  public Set<Long> groupSectionsOf(long paperId, long accountId) {
    return changes.cached(
        paperId,
        "group-sections:" + accountId,
        () ->
            query(
                GROUP_SECTIONS,
                paperId,
                accountId,
                rs -> {
                  Set<Long> ids = new HashSet<>();
                  while (rs.next()) {
                    ids.add(rs.getLong(1));
                  }
                  return Set.copyOf(ids);
                }));
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

  private interface Reader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> T query(String sql, long paperId, long accountId, Reader<T> reader) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, paperId);
      s.setLong(2, accountId);
      try (ResultSet rs = s.executeQuery()) {
        return reader.read(rs);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read roles of paper " + paperId, e);
    }
  }
}
