package org.plenary.member;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

  private static final Set<PaperRole> PARTICIPANTS =
      EnumSet.complementOf(EnumSet.of(PaperRole.OBSERVER));

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

  /** The accounts of the paper's members, whatever their role, in no particular order. */
  public List<Long> membersOf(long paperId) {
    return PaperMember.<PaperMember>list("paperId", paperId).stream()
        .map(m -> m.accountId)
        .toList();
  }

  /** The accounts of the paper's participants: its members who are not observers. */
  public List<Long> participantsOf(long paperId) {
    return holding(paperId, PARTICIPANTS);
  }

  /** The papers the account takes part in (as a member who is not an observer), by id. */
  public List<Long> papersTakenPartIn(long accountId) {
    return PaperMember.<PaperMember>list("accountId = ?1 and role in ?2", accountId, PARTICIPANTS)
        .stream()
        .map(m -> m.paperId)
        .toList();
  }

  /** Whether the account was a participant (a member, not an observer) of the paper by then. */
  public boolean participatedBy(long accountId, long paperId, Instant at) {
    return PaperMember.count(
            "accountId = ?1 and paperId = ?2 and role in ?3 and addedAt <= ?4",
            accountId,
            paperId,
            PARTICIPANTS,
            at)
        > 0;
  }

  /** The papers the account is a member of. */
  public List<Long> papersOf(long accountId) {
    return PaperMember.<PaperMember>list("accountId", accountId).stream()
        .map(m -> m.paperId)
        .toList();
  }
}
