package org.plenary.identity;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.plenary.platform.security.Credential;

/**
 * Whether sign-ins still hold, for work that outlives its request (live streams): a local token
 * that was signed out, revoked (password change, disabling, erasure) or expired no longer holds,
 * nor does a single sign-on token past its expiry, nor any sign-in of a disabled or erased account.
 * Asks PostgreSQL, so a sign-out through any instance counts; two queries for any number of
 * credentials.
 */
@ApplicationScoped
public class Credentials {

  private static final String LOCAL =
      "SELECT t.token_hash FROM access_token t JOIN account a ON a.id = t.account_id"
          + " WHERE t.token_hash = ANY(?) AND t.revoked_at IS NULL AND t.expires_at > now()"
          + " AND a.disabled_at IS NULL AND a.erased_at IS NULL";
  private static final String ACTIVE =
      "SELECT id FROM account WHERE id = ANY(?) AND disabled_at IS NULL AND erased_at IS NULL";

  @Inject AgroalDataSource dataSource;

  /** Those of {@code credentials} that still hold. */
  public Set<Credential> stillValid(Collection<Credential> credentials) {
    Set<String> hashes = new HashSet<>();
    Set<Long> ssoAccounts = new HashSet<>();
    Instant now = Instant.now();
    for (Credential c : credentials) {
      if (c.tokenHash() != null) {
        hashes.add(c.tokenHash());
      } else if (c.expiresAt() != null && c.expiresAt().isAfter(now)) {
        ssoAccounts.add(c.accountId());
      }
    }
    Set<String> validHashes = new HashSet<>();
    Set<Long> activeAccounts = new HashSet<>();
    try (Connection c = dataSource.getConnection()) {
      if (!hashes.isEmpty()) {
        try (PreparedStatement s = c.prepareStatement(LOCAL)) {
          s.setArray(1, c.createArrayOf("text", hashes.toArray()));
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              validHashes.add(rs.getString(1));
            }
          }
        }
      }
      if (!ssoAccounts.isEmpty()) {
        try (PreparedStatement s = c.prepareStatement(ACTIVE)) {
          s.setArray(1, c.createArrayOf("bigint", ssoAccounts.toArray()));
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              activeAccounts.add(rs.getLong(1));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not check sign-ins", e);
    }
    Set<Credential> valid = new HashSet<>();
    for (Credential c : credentials) {
      boolean holds =
          c.tokenHash() != null
              ? validHashes.contains(c.tokenHash())
              : c.expiresAt() != null
                  && c.expiresAt().isAfter(now)
                  && activeAccounts.contains(c.accountId());
      if (holds) {
        valid.add(c);
      }
    }
    return valid;
  }
}
