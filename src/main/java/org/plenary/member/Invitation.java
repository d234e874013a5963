package org.plenary.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.security.PaperRole;

/** A link that lets people join a paper with a role; only a SHA-256 of its secret is stored. */
@Entity
@Table(name = "invitation")
public class Invitation extends BaseEntity {
  @Column(nullable = false, updatable = false)
  public Long paperId;

  @Column(nullable = false, updatable = false)
  public String tokenHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  public PaperRole role;

  public String note;

  @Column(nullable = false, updatable = false)
  public Long createdBy;

  @Column(nullable = false)
  public Instant expiresAt;

  @Column(nullable = false)
  public int maxUses;

  @Column(nullable = false)
  public int uses;

  public Instant revokedAt;
}
