package org.plenary.identity;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.identity.IdentityRecords.Profile;
import org.plenary.identity.IdentityRecords.ResetPassword;
import org.plenary.identity.IdentityRecords.Session;
import org.plenary.platform.api.PageOf;
import org.plenary.platform.api.Paging;
import org.plenary.platform.config.PlenaryConfig;
import org.plenary.platform.crypto.Digests;
import org.plenary.platform.error.Conflict;
import org.plenary.platform.error.Gone;
import org.plenary.platform.error.Invalid;
import org.plenary.platform.error.NotFound;
import org.plenary.platform.events.EventLog;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.persistence.Rows;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.CurrentActor;

/**
 * Account care: administrators disable and re-enable accounts and hand out one-time password-reset
 * links (email is optional, so a link can be passed on by hand); everyone can download their own
 * data and have themselves erased, which pseudonymises them everywhere while the history stays.
 */
@ApplicationScoped
public class AccountCare {

  @Inject EventLog events;
  @Inject CurrentActor currentActor;
  @Inject AccessTokens tokens;
  @Inject SsoAccounts ssoAccounts;
  @Inject Passwords passwords;
  @Inject LoginThrottle throttle;
  @Inject AuthService auth;
  @Inject PlenaryConfig config;
  @Inject EntityManager em;
  @Inject jakarta.enterprise.event.Event<Erasing> erasing;
  @Inject @Any Instance<PersonalData> parts;

  /** A reset link as the administrator receives it (the secret appears only here). */
  public record ResetLink(long accountId, String token, String link, Instant expiresAt) {}

  @Transactional
  public PageOf<Profile> list(String search, Paging paging) {
    String q = search == null ? "" : search.strip().toLowerCase();
    var query =
        q.isEmpty()
            ? Account.<Account>findAll(Sort.ascending("id"))
            : Account.<Account>find(
                "lower(handle) like ?1 or lower(displayName) like ?1",
                Sort.ascending("id"),
                "%" + q.replace("%", "").replace("_", "") + "%");
    List<Profile> items =
        query.page(Page.of(paging.page(), paging.size())).list().stream().map(Profile::of).toList();
    return new PageOf<>(items, paging.page(), paging.size(), query.count());
  }

  @Transactional
  public Profile setDisabled(long accountId, boolean disabled) {
    Actor admin = currentActor.get();
    Account account = lock(accountId);
    if (disabled && account.id == admin.accountId()) {
      throw new Conflict("You cannot disable your own account; ask another administrator.");
    }
    if (account.erasedAt != null) {
      throw new Conflict("This account was erased; it cannot be enabled again.");
    }
    account.disabledAt = disabled ? BaseEntity.now() : null;
    account.updatedAt = BaseEntity.now();
    events.recordAs(
        admin,
        null,
        disabled ? "account.disabled" : "account.enabled",
        "account",
        account.id,
        Map.of());
    if (disabled) {
      tokens.revokeAll(account.id);
    }
    ssoAccounts.forget(account.id);
    return Profile.of(account);
  }

  @Transactional
  public ResetLink issueReset(long accountId, String linkBase) {
    Actor admin = currentActor.get();
    Account account = lock(accountId);
    if (account.kind != Account.Kind.LOCAL) {
      throw new Conflict(
          "This account signs in through single sign-on or not at all; it has no password here.");
    }
    if (!account.isActive()) {
      throw new Conflict("Enable the account first; a disabled account cannot sign in.");
    }
    String token = Digests.newSecret(24);
    PasswordReset reset = new PasswordReset();
    reset.accountId = account.id;
    reset.tokenHash = Digests.sha256Hex(token);
    reset.createdBy = admin.accountId();
    reset.createdAt = BaseEntity.now();
    reset.expiresAt = reset.createdAt.plus(config.auth().resetLifetime());
    reset.persist();
    events.recordAs(admin, null, "account.reset-issued", "account", account.id, Map.of());
    return new ResetLink(account.id, token, linkBase + token, reset.expiresAt);
  }

  /** Sets a new password through a reset link, signs out everywhere else, and signs in. */
  @Transactional
  public Session useReset(ResetPassword request) {
    PasswordReset reset =
        request.token().length() > 100
            ? null
            : PasswordReset.<PasswordReset>find("tokenHash", Digests.sha256Hex(request.token()))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    if (reset == null) {
      throw new NotFound("password-reset link", "given");
    }
    if (reset.usedAt != null || reset.expiresAt.isBefore(BaseEntity.now())) {
      throw new Gone(
          "This password-reset link was already used or has expired. Ask an administrator for"
              + " a new one.");
    }
    Account account = lock(reset.accountId);
    if (!account.isActive()) {
      throw new Gone("This account is disabled. Ask an administrator.");
    }
    passwords.requireAcceptable("newPassword", request.newPassword(), account.handle);
    account.passwordHash = passwords.hash(request.newPassword());
    account.updatedAt = BaseEntity.now();
    reset.usedAt = BaseEntity.now();
    events.recordAs(
        AuthService.actorOf(account),
        null,
        "account.password-reset",
        "account",
        account.id,
        Map.of());
    tokens.revokeAll(account.id);
    throttle.clear(LoginThrottle.accountKey(account.handle));
    return auth.sessionFor(account);
  }

  /**
   * Everything Plenary holds about the caller, as one JSON document: the profile, each part another
   * feature holds ({@link PersonalData}), what they did (the event log, published to every feature)
   * and their sign-ins.
   */
  @Transactional
  public Map<String, Object> export() {
    Actor me = currentActor.get();
    Account account = AuthService.account(me.accountId());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("exportedAt", BaseEntity.now());
    data.put("profile", Profile.of(account));
    parts.stream()
        .map(p -> p.of(me.accountId()))
        .sorted(Comparator.comparingInt(PersonalData.Part::place))
        .forEach(part -> data.put(part.name(), part.rows()));
    data.put(
        "events",
        rows(
            "SELECT id, paper_id, type, object_type, object_id, created_at, address FROM event"
                + " WHERE actor_id = ?1 ORDER BY id",
            me.accountId(),
            "id",
            "paperId",
            "type",
            "objectType",
            "objectId",
            "at",
            "address"));
    data.put(
        "signIns",
        rows(
            "SELECT created_at, expires_at, revoked_at FROM access_token WHERE account_id = ?1"
                + " ORDER BY id",
            me.accountId(),
            "createdAt",
            "expiresAt",
            "revokedAt"));
    return data;
  }

  /**
   * Erases the caller: name, handle, organisation and country go; what they wrote stays in the
   * history, attributed to "Former participant". Signs them out everywhere. Cannot be undone.
   */
  @Transactional
  public void erase(String confirm) {
    if (!"ERASE".equals(confirm)) {
      throw new Invalid("confirm", "must be ERASE, to show you mean it: this cannot be undone");
    }
    Actor me = currentActor.get();
    Account account = lock(me.accountId());
    String newHandle = "former-" + account.id;
    if (account.erasedAt == null) {
      // Editions, comment text and endorsement rows carry the name too: redact them first, while
      // it is still known, in this same transaction.
      erasing.fire(
          new Erasing(
              account.id,
              account.handle,
              newHandle,
              People.present(account, People.Audience.OUTSIDE),
              account.attribution));
    }
    account.displayName = "Former participant";
    account.handle = newHandle;
    account.organisation = null;
    account.country = null;
    account.email = null;
    account.attribution = Attribution.ANONYMOUS;
    account.passwordHash = null;
    account.ssoSubject = null;
    account.erasedAt = BaseEntity.now();
    account.updatedAt = account.erasedAt;
    events.recordAs(me, null, "account.erased", "account", account.id, Map.of());
    tokens.revokeAll(account.id);
    ssoAccounts.forget(account.id);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> rows(String sql, long accountId, String... names) {
    return Rows.named(em.createNativeQuery(sql).setParameter(1, accountId).getResultList(), names);
  }

  private static Account lock(long accountId) {
    return Account.<Account>findByIdOptional(accountId, LockModeType.PESSIMISTIC_WRITE)
        .orElseThrow(() -> new NotFound("account", String.valueOf(accountId)));
  }
}
