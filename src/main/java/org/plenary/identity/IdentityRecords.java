package org.plenary.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The API bodies of sign-in and profiles. */
public final class IdentityRecords {
  private IdentityRecords() {}

  /** Sign in with a local account. */
  public record SignIn(
      @NotBlank @Size(max = 64) String handle, @NotNull @Size(max = 1024) String password) {}

  /** A signed-in session: send {@code token} as {@code Authorization: Bearer …}. */
  public record Session(String token, String tokenType, Instant expiresAt, Profile account) {}

  /** A person's own profile. */
  public record Profile(
      long id,
      String handle,
      String displayName,
      Account.Kind kind,
      String organisation,
      StakeholderGroup stakeholderGroup,
      String country,
      Attribution attribution,
      String email,
      boolean emailNotifications,
      boolean platformAdmin,
      boolean disabled,
      Instant createdAt) {
    static Profile of(Account a) {
      return new Profile(
          a.id,
          a.handle,
          a.displayName,
          a.kind,
          a.organisation,
          a.stakeholderGroup,
          a.country,
          a.attribution,
          a.email,
          a.emailNotifications,
          a.platformAdmin,
          a.disabledAt != null,
          a.createdAt);
    }
  }

  /** Profile changes; fields left out stay as they are. */
  public record UpdateProfile(
      @Size(min = 1, max = 100) String displayName,
      @Size(min = 2, max = 31) String handle,
      @Size(max = 200) String organisation,
      StakeholderGroup stakeholderGroup,
      @Size(max = 100) String country,
      Attribution attribution,
      @Size(max = 254) @jakarta.validation.constraints.Email String email,
      Boolean emailNotifications) {}

  /** A new password, proven by the current one. */
  public record ChangePassword(
      @NotNull @Size(max = 1024) String currentPassword,
      @NotNull @Size(max = 1024) String newPassword) {}

  /** A new local account, created through an invitation. */
  public record SignUp(
      @NotBlank @Size(max = 31) String handle,
      @NotBlank @Size(max = 100) String displayName,
      @NotNull @Size(max = 1024) String password,
      @Size(max = 200) String organisation,
      StakeholderGroup stakeholderGroup,
      @Size(max = 100) String country,
      Attribution attribution,
      @Size(max = 254) @jakarta.validation.constraints.Email String email,
      Boolean emailNotifications) {}

  /** A new password set through a one-time reset link. */
  public record ResetPassword(
      @NotBlank @Size(max = 200) String token, @NotNull @Size(max = 1024) String newPassword) {}

  /** Confirms an erasure: {@code confirm} must be {@code ERASE}. */
  public record Erase(@NotNull String confirm) {}

  /**
   * How people may sign in here, for sign-in pages: local accounts always; single sign-on when
   * configured, with the OpenID Connect issuer and the public client to use (authorization code +
   * PKCE).
   */
  public record SignInMethods(boolean localAccounts, SingleSignOn singleSignOn) {}

  /** A Keycloak realm (its issuer URL) and the web app's public client in it. */
  public record SingleSignOn(String issuer, String clientId) {}
}
