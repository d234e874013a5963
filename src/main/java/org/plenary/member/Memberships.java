package org.plenary.member;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.plenary.platform.persistence.Jdbc;
import org.plenary.platform.security.PaperRole;
import org.plenary.platform.security.PaperRoles;

/**
 * Who belongs to which paper, for other features: the membership feature's published reads of its
 * {@code paper_member} table. Others ask here and never read the table themselves.
 *
 * <p>{@link #roleOf} is on every request's permission check (cached per paper by {@code
 * PermissionService}, so it runs once per person and paper until the paper changes); it is plain
 * JDBC like the query it replaces, a measured hot path (see docs/data-access.md).
 */
@ApplicationScoped
public class Memberships implements PaperRoles {

  private static final String ROLE =
      "SELECT role FROM paper_member WHERE paper_id = ? AND account_id = ?";

  @Inject AgroalDataSource dataSource;

  @Override
  public Optional<PaperRole> roleOf(long paperId, long accountId) {
    return Jdbc.query(
        dataSource,
        "roles of paper " + paperId,
        ROLE,
        rs -> rs.next() ? Optional.of(PaperRole.valueOf(rs.getString(1))) : Optional.empty(),
        paperId,
        accountId);
  }

  /** The accounts holding one of {@code roles} in the paper, in no particular order. */
  public List<Long> holding(long paperId, Collection<PaperRole> roles) {
    return PaperMember.<PaperMember>list("paperId = ?1 and role in ?2", paperId, roles).stream()
        .map(m -> m.accountId)
        .toList();
  }

  /** The papers the account is a member of. */
  public List<Long> papersOf(long accountId) {
    return PaperMember.<PaperMember>list("accountId", accountId).stream()
        .map(m -> m.paperId)
        .toList();
  }
}
