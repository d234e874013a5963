package org.plenary.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.plenary.platform.config.PlenaryConfig;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.Credential;

/**
 * Keycloak says who someone is; Plenary keeps its own account for them (profile, roles in papers,
 * attribution). The first time a Keycloak subject signs in, its account is created from the token's
 * claims; a Keycloak realm role ({@code plenary.auth.admin-role}) marks platform administrators. A
 * disabled or erased account is refused even with a valid Keycloak token.
 */
@ApplicationScoped
public class SsoAccounts implements SecurityIdentityAugmentor {

  @Inject PlenaryConfig config;
  @Inject Handles handles;

  private final Cache<String, Actor> bySubject =
      Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(Duration.ofSeconds(10)).build();

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.isAnonymous()
        || identity.getAttribute(TokenAuthentication.ACTOR) != null
        || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
      return Uni.createFrom().item(identity);
    }
    boolean admin = identity.hasRole(config.auth().adminRole());
    Actor known = bySubject.getIfPresent(jwt.getSubject());
    if (known != null && known.platformAdmin() == admin) {
      return Uni.createFrom().item(withActor(identity, jwt, known));
    }
    return context.runBlocking(() -> withActor(identity, jwt, resolve(jwt, admin)));
  }

  /** Forgets what this instance remembers of an account (disabled, erased, renamed). */
  public void forget(long accountId) {
    bySubject.asMap().values().removeIf(a -> a.accountId() == accountId);
  }

  private Actor resolve(JsonWebToken jwt, boolean admin) {
    Actor actor =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Account account =
                      Account.bySsoSubject(jwt.getSubject()).orElseGet(() -> create(jwt));
                  if (!account.isActive()) {
                    return null;
                  }
                  if (account.platformAdmin != admin) {
                    account.platformAdmin = admin;
                    account.updatedAt = BaseEntity.now();
                  }
                  return new Actor(account.id, account.handle, account.platformAdmin);
                });
    if (actor == null) {
      throw new AuthenticationFailedException("This account is disabled");
    }
    bySubject.put(jwt.getSubject(), actor);
    return actor;
  }

  private Account create(JsonWebToken jwt) {
    Account account = new Account();
    account.kind = Account.Kind.SSO;
    account.ssoSubject = jwt.getSubject();
    String username = jwt.getClaim("preferred_username");
    account.handle = handles.free(username == null ? "member" : username);
    String name = jwt.getClaim("name");
    account.displayName = name == null || name.isBlank() ? account.handle : name.strip();
    account.createdAt = BaseEntity.now();
    account.updatedAt = account.createdAt;
    account.persist();
    return account;
  }

  private static SecurityIdentity withActor(
      SecurityIdentity identity, JsonWebToken jwt, Actor actor) {
    QuarkusSecurityIdentity.Builder builder =
        QuarkusSecurityIdentity.builder(identity)
            .addAttribute(TokenAuthentication.ACTOR, actor)
            .addAttribute(
                Credential.ATTRIBUTE,
                Credential.singleSignOn(
                    actor.accountId(), Instant.ofEpochSecond(jwt.getExpirationTime())));
    if (actor.platformAdmin()) {
      builder.addRole("platform-admin");
    }
    return builder.build();
  }
}
