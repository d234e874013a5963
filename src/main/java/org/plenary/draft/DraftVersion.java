package org.plenary.draft;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Optional;
import org.hibernate.annotations.Immutable;
import org.plenary.platform.persistence.BaseEntity;

/** One version of a draft's text, based on a revision of its section. Never changed. */
@Entity
@Immutable
@Table(name = "draft_version")
public class DraftVersion extends BaseEntity {
  @Column(nullable = false, updatable = false)
  public Long draftId;

  @Column(nullable = false, updatable = false)
  public int number;

  @Column(nullable = false, updatable = false)
  public int baseRevision;

  @Column(nullable = false, updatable = false)
  public String body;

  @Column(updatable = false)
  public String rationale;

  public static Optional<DraftVersion> of(long draftId, int number) {
    return find("draftId = ?1 and number = ?2", draftId, number).firstResultOptional();
  }
}
