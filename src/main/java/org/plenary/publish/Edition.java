package org.plenary.publish;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.plenary.platform.persistence.BaseEntity;

/**
 * A compiled edition of a paper: its number, who compiled it and when, exactly what it contains
 * ({@link EditionContent} as JSON) and that content's fingerprint. Never changed, except that
 * publishing it is recorded once (a trigger refuses anything else).
 */
@Entity
@Table(name = "edition")
public class Edition extends BaseEntity {

  /** Whether the edition is the one handed out. */
  public enum Status {
    COMPILED,
    PUBLISHED
  }

  @Column(nullable = false, updatable = false)
  public Long paperId;

  @Column(nullable = false, updatable = false)
  public int number;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, updatable = false)
  public String content;

  @Column(nullable = false, updatable = false)
  public String fingerprint;

  @Column(nullable = false, updatable = false)
  public Long createdBy;

  public Long publishedBy;
  public Instant publishedAt;

  public static Optional<Edition> of(long paperId, int number) {
    return find("paperId = ?1 and number = ?2", paperId, number).firstResultOptional();
  }
}
