package org.plenary.member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.plenary.platform.security.PaperRole;

/** A person's role in a paper. */
@Entity
@Table(name = "paper_member")
@IdClass(PaperMember.Key.class)
public class PaperMember extends PanacheEntityBase {

  @Id public Long paperId;
  @Id public Long accountId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public PaperRole role;

  public Long addedBy;

  @Column(nullable = false)
  public Instant addedAt;

  /** The composite key. */
  public static class Key implements Serializable {
    public Long paperId;
    public Long accountId;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && java.util.Objects.equals(paperId, k.paperId)
          && java.util.Objects.equals(accountId, k.accountId);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(paperId, accountId);
    }
  }

  public static Optional<PaperMember> of(long paperId, long accountId) {
    return find("paperId = ?1 and accountId = ?2", paperId, accountId).firstResultOptional();
  }

  public static List<PaperMember> ofPaper(long paperId) {
    return list("paperId = ?1 order by addedAt, accountId", paperId);
  }

  public static long owners(long paperId) {
    return count("paperId = ?1 and role = ?2", paperId, PaperRole.OWNER);
  }
}
