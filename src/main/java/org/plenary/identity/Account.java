package org.plenary.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.plenary.platform.persistence.BaseEntity;

/**
 * A person changes belong to: signed in locally (password) or through Keycloak, or a system account
 * that nobody signs in as (the writer of changes made before sign-in existed).
 */
@Entity
@Table(name = "account")
public class Account extends BaseEntity {

  /** How an account signs in. */
  public enum Kind {
    SYSTEM,
    LOCAL,
    SSO
  }

  /** Unique regardless of case; used for mentions. */
  public String handle;

  public String displayName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Kind kind = Kind.LOCAL;

  public String organisation;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public StakeholderGroup stakeholderGroup = StakeholderGroup.OTHER;

  public String country;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Attribution attribution = Attribution.NAMED;

  @Column(nullable = false)
  public boolean platformAdmin;

  /** Where notification emails go (only when SMTP is configured); optional. */
  public String email;

  @Column(nullable = false)
  public boolean emailNotifications = true;

  public Instant disabledAt;
  public Instant erasedAt;

  /** The Keycloak subject ({@code sub}) of an SSO account. */
  public String ssoSubject;

  /** Argon2id hash (PHC string) of a local account's password. */
  public String passwordHash;

  @Column(nullable = false)
  public Instant updatedAt = BaseEntity.now();

  public boolean isActive() {
    return disabledAt == null && erasedAt == null;
  }

  public static Optional<Account> byHandle(String handle) {
    return find("lower(handle) = lower(?1)", handle).firstResultOptional();
  }

  public static Optional<Account> bySsoSubject(String subject) {
    return find("ssoSubject", subject).firstResultOptional();
  }
}
