package org.plenary.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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

  /** The accounts among {@code ids} that were not erased, in no particular order. */
  public static List<Account> notErasedAmong(Collection<Long> ids) {
    return ids.isEmpty() ? List.of() : list("id in ?1 and erasedAt is null", ids);
  }

  /**
   * The active accounts among {@code ids} whose handle starts with {@code start}, or whose name or
   * one of its words does (case-insensitive), by handle; at most {@code limit}.
   */
  public static List<Account> activeStartingWith(Collection<Long> ids, String start, int limit) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String like =
        start
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return Account.<Account>find(
            "id in ?1 and erasedAt is null and disabledAt is null and (lower(handle) like ?2"
                + " or lower(displayName) like ?2 or lower(displayName) like ?3)"
                + " order by lower(handle)",
            ids,
            like + "%",
            "% " + like + "%")
        .page(0, limit)
        .list();
  }

  /** Whether any account was erased at or after {@code since}. */
  public static boolean anyErasedSince(Instant since) {
    return count("erasedAt >= ?1", since) > 0;
  }
}
