package org.plenary.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.plenary.identity.IdentityRecords.ChangePassword;
import org.plenary.identity.IdentityRecords.Profile;
import org.plenary.identity.IdentityRecords.Session;
import org.plenary.identity.IdentityRecords.SignIn;
import org.plenary.identity.IdentityRecords.SignUp;
import org.plenary.identity.IdentityRecords.UpdateProfile;
import org.plenary.platform.error.Conflict;
import org.plenary.platform.error.Invalid;
import org.plenary.platform.error.NotFound;
import org.plenary.platform.error.Unauthenticated;
import org.plenary.platform.events.EventLog;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.CurrentActor;

/** Local sign-in, sign-out, passwords and one's own profile. */
@ApplicationScoped
public class AuthService {

  static final String WRONG = "The handle or password is not right.";

  @Inject AccessTokens tokens;
  @Inject Passwords passwords;
  @Inject LoginThrottle throttle;
  @Inject EventLog events;
  @Inject CurrentActor currentActor;
  @Inject Handles handles;
  @Inject SsoAccounts ssoAccounts;
  @Inject org.plenary.platform.config.PlenaryConfig config;

  @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.oidc.tenant-enabled")
  boolean singleSignOn;

  @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.oidc.auth-server-url")
  java.util.Optional<String> issuer;

  /**
   * Signs in with handle and password. Every failure reads the same and costs the same time,
   * whether the account exists or not; failures count per account and per address (429).
   */
  public Session signIn(SignIn request) {
    String accountKey = LoginThrottle.accountKey(request.handle());
    String addressKey = addressKey();
    throttle.requireOpen(accountKey, addressKey);
    Optional<Account> found =
        Account.byHandle(request.handle().strip())
            .filter(a -> a.kind == Account.Kind.LOCAL && a.passwordHash != null);
    boolean matches;
    if (found.isPresent()) {
      matches = passwords.matches(request.password(), found.get().passwordHash);
    } else {
      passwords.burn(request.password());
      matches = false;
    }
    if (!matches || !found.get().isActive()) {
      throttle.failed(accountKey, addressKey);
      events.audit(
          found.map(AuthService::actorOf).orElse(null),
          null,
          "auth.sign-in-failed",
          "account",
          found.map(a -> a.id).orElse(null),
          // No handle in the payload: events are append-only, and an erased person's handle
          // must not survive in them. The object id names the account when there is one.
          Map.of("knownAccount", found.isPresent()));
      throw new Unauthenticated(WRONG);
    }
    Account account = found.get();
    throttle.clear(accountKey);
    AccessTokens.Issued issued = tokens.issue(account.id);
    events.audit(actorOf(account), null, "auth.signed-in", "account", account.id, Map.of());
    return new Session(issued.token(), "Bearer", issued.expiresAt(), Profile.of(account));
  }

  /** Signs the presented token out. */
  public void signOut(String token) {
    Actor actor = currentActor.get();
    if (token != null && token.startsWith(AccessTokens.PREFIX)) {
      tokens.revoke(token);
    }
    events.audit(actor, null, "auth.signed-out", "account", actor.accountId(), Map.of());
  }

  @Transactional
  public Profile me() {
    return Profile.of(account(currentActor.get().accountId()));
  }

  @Transactional
  public Profile updateProfile(UpdateProfile request) {
    Actor actor = currentActor.get();
    Account account = account(actor.accountId());
    Map<String, Object> changed = new LinkedHashMap<>();
    if (request.displayName() != null && !request.displayName().isBlank()) {
      account.displayName = request.displayName().strip();
      changed.put("displayName", true);
    }
    if (request.handle() != null) {
      account.handle = handles.requireAvailable("handle", request.handle(), account.id);
      changed.put("handle", true); // which fields changed, never the personal values
    }
    if (request.organisation() != null) {
      account.organisation = request.organisation().isBlank() ? null : request.organisation();
      changed.put("organisation", true);
    }
    if (request.stakeholderGroup() != null) {
      account.stakeholderGroup = request.stakeholderGroup();
      changed.put("stakeholderGroup", account.stakeholderGroup.name());
    }
    if (request.country() != null) {
      account.country = request.country().isBlank() ? null : request.country().strip();
      changed.put("country", true);
    }
    if (request.attribution() != null) {
      account.attribution = request.attribution();
      changed.put("attribution", account.attribution.name());
    }
    if (request.email() != null) {
      account.email = request.email().isBlank() ? null : request.email().strip();
      changed.put("email", true);
    }
    if (request.emailNotifications() != null) {
      account.emailNotifications = request.emailNotifications();
      changed.put("emailNotifications", account.emailNotifications);
    }
    if (!changed.isEmpty()) {
      account.updatedAt = BaseEntity.now();
      events.recordAs(actor, null, "account.updated", "account", account.id, changed);
      tokens.forget(account.id);
      ssoAccounts.forget(account.id);
    }
    return Profile.of(account);
  }

  /** The caller's address as the throttle counts it. */
  private String addressKey() {
    return LoginThrottle.addressKey(currentActor.address().orElse("unknown"));
  }

  /**
   * Changes a local account's password and signs it out everywhere else. Throttled like signing in:
   * whoever holds a stolen token must not be able to guess the password here without limit.
   */
  public Session changePassword(ChangePassword request) {
    Actor actor = currentActor.get();
    Account account = QuarkusTransaction.requiringNew().call(() -> account(actor.accountId()));
    if (account.kind != Account.Kind.LOCAL || account.passwordHash == null) {
      throw new Conflict(
          "This account signs in through single sign-on; change the password there.");
    }
    String accountKey = LoginThrottle.accountKey(account.handle);
    String addressKey = addressKey();
    throttle.requireOpen(accountKey, addressKey);
    if (!passwords.matches(request.currentPassword(), account.passwordHash)) {
      throttle.failed(accountKey, addressKey);
      throw new Invalid("currentPassword", "is not your current password");
    }
    throttle.clear(accountKey);
    passwords.requireAcceptable("newPassword", request.newPassword(), account.handle);
    String hash = passwords.hash(request.newPassword());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Account a = account(actor.accountId());
              a.passwordHash = hash;
              a.updatedAt = BaseEntity.now();
              events.recordAs(actor, null, "account.password-changed", "account", a.id, Map.of());
            });
    tokens.revokeAll(account.id);
    AccessTokens.Issued issued = tokens.issue(account.id);
    return new Session(issued.token(), "Bearer", issued.expiresAt(), Profile.of(account));
  }

  /**
   * Creates a local account (called by an invitation's acceptance, in its transaction) and returns
   * it; the caller signs it in.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Account createLocal(SignUp request) {
    String handle = handles.requireAvailable("handle", request.handle(), null);
    passwords.requireAcceptable("password", request.password(), handle);
    Account account = new Account();
    account.kind = Account.Kind.LOCAL;
    account.handle = handle;
    account.displayName = request.displayName().strip();
    account.organisation = blankToNull(request.organisation());
    if (request.stakeholderGroup() != null) {
      account.stakeholderGroup = request.stakeholderGroup();
    }
    account.country = blankToNull(request.country());
    if (request.attribution() != null) {
      account.attribution = request.attribution();
    }
    account.passwordHash = passwords.hash(request.password());
    account.createdAt = BaseEntity.now();
    account.updatedAt = account.createdAt;
    account.persist();
    events.recordAs(actorOf(account), null, "account.created", "account", account.id, Map.of());
    return account;
  }

  /** A new session for an account (after sign-up or a password reset). */
  public Session sessionFor(Account account) {
    AccessTokens.Issued issued = tokens.issue(account.id);
    return new Session(issued.token(), "Bearer", issued.expiresAt(), Profile.of(account));
  }

  public static Actor actorOf(Account account) {
    return new Actor(account.id, account.handle, account.platformAdmin);
  }

  public static Account account(long id) {
    return Account.<Account>findByIdOptional(id)
        .orElseThrow(() -> new NotFound("account", String.valueOf(id)));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** How people may sign in here (the sign-in page asks before it shows its buttons). */
  public IdentityRecords.SignInMethods methods() {
    return new IdentityRecords.SignInMethods(
        true,
        singleSignOn && issuer.isPresent()
            ? new IdentityRecords.SingleSignOn(issuer.get(), config.auth().webClientId())
            : null);
  }
}
