package org.plenary.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * A token that is malformed, forged, expired or revoked fails authentication before any endpoint
 * runs (authentication is proactive), so the exception mappers never see it. This answers it the
 * way every other error is answered: an RFC 9457 problem document, never revealing which of those
 * it was.
 */
@Singleton
public class AuthFailures {

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE)
        .failureHandler(
            context -> {
              if (!(context.failure() instanceof AuthenticationFailedException)
                  || context.response().headWritten()) {
                context.next();
                return;
              }
              JsonObject problem =
                  new JsonObject()
                      .put("type", "urn:plenary:problem:unauthenticated")
                      .put("title", "Sign-in required")
                      .put("status", 401)
                      .put(
                          "detail",
                          "Your sign-in is not valid (it may have expired or been signed out)."
                              + " Sign in again.")
                      .put("instance", context.request().path());
              context
                  .response()
                  .setStatusCode(401)
                  .putHeader("Content-Type", "application/problem+json")
                  .putHeader("WWW-Authenticate", "Bearer realm=\"plenary\"")
                  .end(problem.encode());
            });
  }
}
