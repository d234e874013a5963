package org.plenary.platform.security;

import java.time.Instant;

/**
 * What a caller signed in with, kept by work that outlives the request (a live stream) to ask later
 * whether that sign-in still holds: not signed out, not expired, the account not disabled.
 *
 * @param accountId the account the sign-in is for
 * @param tokenHash the SHA-256 of a local token, or {@code null} for a single sign-on token
 * @param expiresAt when a single sign-on token expires ({@code null} for a local token, whose
 *     expiry the database keeps)
 */
public record Credential(long accountId, String tokenHash, Instant expiresAt) {

  /** The security identity attribute that carries the credential (set by authentication). */
  public static final String ATTRIBUTE = "plenary.credential";

  /** A local sign-in token, by its hash. */
  public static Credential local(long accountId, String tokenHash) {
    return new Credential(accountId, tokenHash, null);
  }

  /** A single sign-on token that expires at {@code expiresAt}. */
  public static Credential singleSignOn(long accountId, Instant expiresAt) {
    return new Credential(accountId, null, expiresAt);
  }
}
