package org.plenary.platform.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies each endpoint's {@link Authorize} declaration before the endpoint runs. An {@code /api}
 * endpoint without one is refused (deny by default), so a forgotten declaration cannot open a hole.
 */
public class AuthorizationFilter {

  @Inject CurrentActor currentActor;
  @Inject PermissionService permissions;

  // Runs on the I/O thread, before the body is read and the endpoint is dispatched to a worker: a
  // blocking filter would make the worker read the body through a blocking stream, which stalls
  // the event loop under load. So it must not block (the actor is resolved at startup).
  @ServerRequestFilter(nonBlocking = true)
  public void authorize(ContainerRequestContext request, ResourceInfo resource) {
    if (resource.getResourceMethod() == null
        || !request.getUriInfo().getPath().startsWith("/api")) {
      return;
    }
    Authorize declared = resource.getResourceMethod().getAnnotation(Authorize.class);
    if (declared == null) {
      throw new IllegalStateException(
          "Endpoint " + resource.getResourceMethod() + " declares no @Authorize");
    }
    String paperId = request.getUriInfo().getPathParameters().getFirst("paperId");
    permissions.require(
        currentActor.get(), declared.value(), paperId == null ? null : parseId(paperId));
  }

  private static Long parseId(String raw) {
    try {
      return Long.valueOf(raw);
    } catch (NumberFormatException e) {
      throw new org.plenary.platform.error.NotFound("paper", raw);
    }
  }
}
