package org.plenary.identity;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.plenary.platform.config.PlenaryConfig;
import org.plenary.platform.error.TooManyRequests;

/**
 * Failed sign-ins, counted per account and per address in PostgreSQL, so every instance agrees:
 * after {@code plenary.auth.max-failures} failures within {@code plenary.auth.throttle-window} that
 * account (or address) is locked for one window, and hears 429 with {@code Retry-After}.
 */
@ApplicationScoped
public class LoginThrottle {

  private static final String LOCKED =
      "SELECT ceil(extract(epoch FROM locked_until - now())) FROM login_throttle"
          + " WHERE key = ? AND locked_until > now()";
  private static final String FAIL =
      "INSERT INTO login_throttle AS t (key, failures, window_start) VALUES (?, 1, now())"
          + " ON CONFLICT (key) DO UPDATE SET"
          + " failures = CASE WHEN t.window_start < now() - make_interval(secs => ?)"
          + " THEN 1 ELSE t.failures + 1 END,"
          + " window_start = CASE WHEN t.window_start < now() - make_interval(secs => ?)"
          + " THEN now() ELSE t.window_start END"
          + " RETURNING failures";
  private static final String LOCK =
      "UPDATE login_throttle SET locked_until = now() + make_interval(secs => ?) WHERE key = ?";
  private static final String CLEAR = "DELETE FROM login_throttle WHERE key = ?";

  @Inject AgroalDataSource dataSource;
  @Inject PlenaryConfig config;

  static String accountKey(String handle) {
    return "account:" + handle.strip().toLowerCase(Locale.ROOT);
  }

  static String addressKey(String address) {
    return "address:" + address;
  }

  /** 429 when any of the keys is locked. */
  public void requireOpen(String... keys) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(LOCKED)) {
      long wait = 0;
      for (String key : keys) {
        s.setString(1, key);
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            wait = Math.max(wait, Math.max(1, rs.getLong(1)));
          }
        }
      }
      if (wait > 0) {
        throw new TooManyRequests(
            "Too many failed sign-ins. Wait "
                + (wait >= 120 ? (wait + 59) / 60 + " minutes" : wait + " seconds")
                + " and try again, or ask an administrator for a password-reset link.",
            wait);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read sign-in attempts", e);
    }
  }

  /** Counts one failure against each key, locking those that reached the limit. */
  public void failed(String... keys) {
    long window = config.auth().throttleWindow().toSeconds();
    try (Connection c = dataSource.getConnection();
        PreparedStatement fail = c.prepareStatement(FAIL);
        PreparedStatement lock = c.prepareStatement(LOCK)) {
      for (String key : keys) {
        fail.setString(1, key);
        fail.setLong(2, window);
        fail.setLong(3, window);
        int failures;
        try (ResultSet rs = fail.executeQuery()) {
          rs.next();
          failures = rs.getInt(1);
        }
        int max =
            key.startsWith("address:")
                ? config.auth().maxFailuresPerAddress()
                : config.auth().maxFailures();
        if (failures >= max) {
          lock.setLong(1, window);
          lock.setString(2, key);
          lock.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count a failed sign-in", e);
    }
  }

  /** Forgets the failures of a key (after a successful sign-in or a password reset). */
  public void clear(String key) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(CLEAR)) {
      s.setString(1, key);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not clear sign-in attempts", e);
    }
  }
}
