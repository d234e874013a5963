package org.plenary.platform.security;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Resolves who the caller is. Until identity lands (sign-in with Keycloak or a local account),
 * every request acts as the {@code open-access} account created by the first migration; this is the
 * one place where authentication will be switched on.
 *
 * <p>Work that Plenary does on someone's behalf (seeding the demo paper with its authors' history)
 * runs inside {@link #runAs}.
 */
@ApplicationScoped
public class CurrentActor {

  private final AtomicReference<Actor> openAccess = new AtomicReference<>();
  private final ThreadLocal<Actor> onBehalfOf = new ThreadLocal<>();

  /** Looks up the open-access account once, so that resolving the actor never blocks. */
  @jakarta.transaction.Transactional
  void onStart(
      @jakarta.enterprise.event.Observes @jakarta.annotation.Priority(1)
          io.quarkus.runtime.StartupEvent start) {
    Long id =
        Panache.getEntityManager()
            .createQuery("select a.id from Account a where a.handle = 'open-access'", Long.class)
            .getSingleResult();
    openAccess.set(new Actor(id, "open-access"));
  }

  public Actor get() {
    Actor behalf = onBehalfOf.get();
    if (behalf != null) {
      return behalf;
    }
    Actor actor = openAccess.get();
    if (actor == null) {
      throw new IllegalStateException("Plenary has not finished starting");
    }
    return actor;
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
