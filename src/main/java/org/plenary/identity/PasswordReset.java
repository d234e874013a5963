package org.plenary.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.plenary.platform.persistence.BaseEntity;

/** A one-time password-reset link issued by an administrator; only a SHA-256 of its secret. */
@Entity
@Table(name = "password_reset")
public class PasswordReset extends BaseEntity {
  @Column(nullable = false, updatable = false)
  public Long accountId;

  @Column(nullable = false, updatable = false)
  public String tokenHash;

  @Column(nullable = false, updatable = false)
  public Long createdBy;

  @Column(nullable = false)
  public Instant expiresAt;

  public Instant usedAt;
}
