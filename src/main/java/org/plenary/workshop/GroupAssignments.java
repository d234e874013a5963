package org.plenary.workshop;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.Set;
import org.plenary.platform.persistence.Jdbc;
import org.plenary.platform.security.GroupSections;

/**
 * Who writes what in breakout groups, for other features: the workshop feature's published reads of
 * its {@code breakout_group}, {@code group_member} and {@code group_section} tables. Others ask
 * here and never read those tables themselves.
 *
 * <p>{@link #sectionsOf} is on a contributor's save (cached per paper by {@code
 * PermissionService}); it is plain JDBC like the query it replaces (see docs/data-access.md).
 */
@ApplicationScoped
public class GroupAssignments implements GroupSections {

  private static final String SECTIONS =
      "SELECT gs.section_id FROM group_section gs"
          + " JOIN group_member gm ON gm.group_id = gs.group_id"
          + " JOIN breakout_group g ON g.id = gs.group_id"
          + " WHERE g.paper_id = ? AND gm.account_id = ?";

  @Inject AgroalDataSource dataSource;
  @Inject EntityManager em;

  @Override
  public Set<Long> sectionsOf(long paperId, long accountId) {
    return Jdbc.query(
        dataSource,
        "the groups of paper " + paperId,
        SECTIONS,
        rs -> {
          Set<Long> ids = new HashSet<>();
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
          return Set.copyOf(ids);
        },
        paperId,
        accountId);
  }

  /** Whether the account belongs to breakout group {@code groupId} of the paper. */
  public boolean belongsTo(long paperId, long groupId, long accountId) {
    Number n =
        (Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM breakout_group g JOIN group_member m ON m.group_id = g.id"
                        + " WHERE g.id = ?1 AND g.paper_id = ?2 AND m.account_id = ?3")
                .setParameter(1, groupId)
                .setParameter(2, paperId)
                .setParameter(3, accountId)
                .getSingleResult();
    return n.intValue() > 0;
  }
}
