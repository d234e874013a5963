package org.plenary.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.Credential;
import org.plenary.platform.security.CurrentActor;

/**
 * Reads local sign-in tokens ({@code Authorization: Bearer plt_…}). Any other bearer token is left
 * to quarkus-oidc (Keycloak); this mechanism runs first. A recently checked token is answered from
 * memory on the I/O thread; otherwise the database is asked on a worker thread.
 */
@ApplicationScoped
public class TokenAuthentication implements HttpAuthenticationMechanism {

  /** The identity attribute that carries the {@link Actor}. */
  public static final String ACTOR = CurrentActor.ACTOR;

  @Inject AccessTokens tokens;

  /** A local token to check. */
  public static final class LocalTokenRequest extends BaseAuthenticationRequest {
    final String token;

    LocalTokenRequest(String token) {
      this.token = token;
    }
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    String token = bearer(context);
    if (token == null || !token.startsWith(AccessTokens.PREFIX)) {
      return Uni.createFrom().optional(Optional.empty());
    }
    Optional<Actor> known = tokens.cached(token);
    if (known.isPresent()) {
      return Uni.createFrom().item(identityOf(known.get(), token));
    }
    return identityProviderManager.authenticate(new LocalTokenRequest(token));
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(LocalTokenRequest.class);
  }

  @Override
  public int getPriority() {
    // Before quarkus-oidc's bearer mechanism (default priority), which would refuse our tokens.
    return DEFAULT_PRIORITY + 100;
  }

  static String bearer(RoutingContext context) {
    String header = context.request().getHeader("Authorization");
    if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return header.substring(7).strip();
  }

  /** The security identity of an actor signed in with a local token. */
  static SecurityIdentity identityOf(Actor actor, String token) {
    QuarkusSecurityIdentity.Builder builder =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal(actor.handle()))
            .addAttribute(ACTOR, actor)
            .addAttribute(
                Credential.ATTRIBUTE,
                Credential.local(actor.accountId(), AccessTokens.hash(token)));
    if (actor.platformAdmin()) {
      builder.addRole("platform-admin");
    }
    return builder.build();
  }

  /** Checks local tokens against the database, off the I/O thread. */
  @ApplicationScoped
  public static class LocalTokenProvider implements IdentityProvider<LocalTokenRequest> {
    @Inject AccessTokens tokens;

    @Override
    public Class<LocalTokenRequest> getRequestType() {
      return LocalTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
        LocalTokenRequest request, AuthenticationRequestContext context) {
      return context.runBlocking(
          () ->
              tokens
                  .check(request.token)
                  .map(actor -> identityOf(actor, request.token))
                  .orElseThrow(AuthenticationFailedException::new));
    }
  }
}
