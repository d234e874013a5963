package org.plenary.platform.security;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;
import org.plenary.platform.error.Unauthenticated;
import org.plenary.platform.http.ClientAddress;

/**
 * Who the caller is: the {@link Actor} that authentication attached to the request (a local token
 * or a Keycloak token, see {@code identity}). Work that Plenary does on someone's behalf outside a
 * request (seeding the demo paper with its authors' history) runs inside {@link #runAs}.
 */
@ApplicationScoped
public class CurrentActor {

  /** The security identity attribute that carries the {@link Actor} (set by authentication). */
  public static final String ACTOR = "plenary.actor";

  private final ThreadLocal<Actor> onBehalfOf = new ThreadLocal<>();

  @Inject CurrentIdentityAssociation identities;
  @Inject CurrentVertxRequest request;
  @Inject ClientAddress clientAddress;

  /** The caller; 401 when nobody signed in. */
  public Actor get() {
    return find()
        .orElseThrow(
            () ->
                new Unauthenticated(
                    "Sign in first: send a token in the Authorization header (Bearer …)."));
  }

  /** The caller, if someone signed in. */
  public Optional<Actor> find() {
    Actor behalf = onBehalfOf.get();
    if (behalf != null) {
      return Optional.of(behalf);
    }
    if (!Arc.container().requestContext().isActive()) {
      return Optional.empty();
    }
    SecurityIdentity identity = identities.getIdentity();
    if (identity == null || identity.isAnonymous()) {
      return Optional.empty();
    }
    return Optional.ofNullable(identity.getAttribute(ACTOR));
  }

  /** What the caller signed in with, if someone did (not for work done on someone's behalf). */
  public Optional<Credential> credential() {
    if (!Arc.container().requestContext().isActive()) {
      return Optional.empty();
    }
    SecurityIdentity identity = identities.getIdentity();
    if (identity == null || identity.isAnonymous()) {
      return Optional.empty();
    }
    return Optional.ofNullable(identity.getAttribute(Credential.ATTRIBUTE));
  }

  /**
   * The address the request came from, if any: the connection's peer, or behind trusted proxies the
   * client they name (see {@link ClientAddress}).
   */
  public Optional<String> address() {
    if (!Arc.container().requestContext().isActive()) {
      return Optional.empty();
    }
    RoutingContext context = request.getCurrent();
    if (context == null) {
      return Optional.empty();
    }
    return clientAddress.of(context.request());
  }

  /** Runs {@code work} with {@code actor} as the one changes are attributed to. */
  public <T> T runAs(Actor actor, Supplier<T> work) {
    Actor previous = onBehalfOf.get();
    onBehalfOf.set(actor);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        onBehalfOf.remove();
      } else {
        onBehalfOf.set(previous);
      }
    }
  }
}
