package org.plenary.platform.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The first gate of every {@code /api} endpoint: one without an {@link Authorize} declaration is
 * refused (deny by default, so a forgotten declaration cannot open a hole), and anonymous callers
 * get 401 for everything but {@link Action#PUBLIC}. What a signed-in caller may do in a paper is
 * decided next, by {@link AuthorizeInterceptor} on the worker thread.
 */
public class AuthorizationFilter {

  @Inject CurrentActor currentActor;

  // Runs on the I/O thread, before the body is read and the endpoint is dispatched to a worker: a
  // blocking filter would make the worker read the body through a blocking stream, which stalls
  // the event loop under load. It does not block: authentication has already run (proactively).
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
    if (declared.value() != Action.PUBLIC) {
      currentActor.get(); // 401 for anonymous callers
    }
  }
}
