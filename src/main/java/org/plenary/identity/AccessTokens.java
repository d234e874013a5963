package org.plenary.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.plenary.platform.config.PlenaryConfig;
import org.plenary.platform.crypto.Digests;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.security.Actor;

/**
 * Bearer tokens of local sign-ins: 256 random bits, shown once, stored only as a SHA-256. A token
 * is checked against PostgreSQL (so sign-out, password change and disabling reach every instance)
 * and then trusted for {@code plenary.auth.token-check-interval}; this instance forgets a revoked
 * token at once.
 */
@ApplicationScoped
public class AccessTokens {

  /** Every local token starts with this, so it is told apart from a Keycloak JWT at a glance. */
  public static final String PREFIX = "plt_";

  private static final String CHECK =
      "SELECT a.id, a.handle, a.platform_admin, t.expires_at FROM access_token t"
          + " JOIN account a ON a.id = t.account_id"
          + " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > now()"
          + " AND a.disabled_at IS NULL AND a.erased_at IS NULL";

  @Inject AgroalDataSource dataSource;
  private final PlenaryConfig config;
  private final Cache<String, Checked> checked;

  private record Checked(Actor actor, Instant expiresAt) {}

  /** A token as handed to the person who signed in. */
  public record Issued(String token, Instant expiresAt) {}

  @Inject
  AccessTokens(PlenaryConfig config) {
    this.config = config;
    this.checked =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(config.auth().tokenCheckInterval())
            .build();
  }

  /** A new token for the account, valid for {@code plenary.auth.token-lifetime}. */
  public Issued issue(long accountId) {
    String token = PREFIX + Digests.newSecret(32);
    Instant now = BaseEntity.now();
    Instant expires = now.plus(config.auth().tokenLifetime());
    update(
        "INSERT INTO access_token (account_id, token_hash, created_at, expires_at)"
            + " VALUES (?, ?, ?, ?)",
        s -> {
          s.setLong(1, accountId);
          s.setString(2, hash(token));
          s.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
          s.setObject(4, OffsetDateTime.ofInstant(expires, ZoneOffset.UTC));
        });
    return new Issued(token, expires);
  }

  /** Who the token belongs to, from memory when it was checked recently. */
  public Optional<Actor> cached(String token) {
    Checked c = checked.getIfPresent(hash(token));
    return c == null || c.expiresAt().isBefore(Instant.now())
        ? Optional.empty()
        : Optional.of(c.actor());
  }

  /** Who the token belongs to, asking the database (blocking). Empty for any invalid token. */
  public Optional<Actor> check(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
      return Optional.empty();
    }
    String hash = hash(token);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(CHECK)) {
      s.setString(1, hash);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          checked.invalidate(hash);
          return Optional.empty();
        }
        Actor actor = new Actor(rs.getLong(1), rs.getString(2), rs.getBoolean(3));
        checked.put(hash, new Checked(actor, rs.getObject(4, OffsetDateTime.class).toInstant()));
        return Optional.of(actor);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not check a sign-in token", e);
    }
  }

  /** Signs this token out. */
  public void revoke(String token) {
    String hash = hash(token);
    checked.invalidate(hash);
    update(
        "UPDATE access_token SET revoked_at = now() WHERE token_hash = ? AND revoked_at IS NULL",
        s -> s.setString(1, hash));
  }

  /** Signs the account out everywhere (password change, disabling, erasure). */
  public void revokeAll(long accountId) {
    checked.asMap().entrySet().removeIf(e -> e.getValue().actor().accountId() == accountId);
    update(
        "UPDATE access_token SET revoked_at = now() WHERE account_id = ? AND revoked_at IS NULL",
        s -> s.setLong(1, accountId));
  }

  /** Forgets what this instance remembers of the account's tokens (a role or flag changed). */
  public void forget(long accountId) {
    checked.asMap().entrySet().removeIf(e -> e.getValue().actor().accountId() == accountId);
  }

  static String hash(String secret) {
    return Digests.sha256Hex(secret);
  }

  private interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  private void update(String sql, Binder binder) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not update sign-in tokens", e);
    }
  }
}
