package org.plenary.platform.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Answers requests that announce a body over 2 MiB with a 413 problem document before reading the
 * body. (Quarkus enforces the same limit through {@code quarkus.http.limits.max-body-size}, but
 * answers with an empty body.)
 */
@Singleton
public class BodyLimit {

  public static final long MAX_BYTES = 2L * 1024 * 1024;

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            ctx -> {
              String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
              if (length != null && tooLarge(length)) {
                RouterProblems.send(
                    ctx,
                    413,
                    "too-large",
                    "The request body is larger than Plenary accepts (2 MiB). A section's text can"
                        + " be at most 1 MiB.",
                    null,
                    true);
              } else {
                ctx.next();
              }
            });
  }

  private static boolean tooLarge(String length) {
    try {
      return Long.parseLong(length.strip()) > MAX_BYTES;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
