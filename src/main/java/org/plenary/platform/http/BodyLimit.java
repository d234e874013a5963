package org.plenary.platform.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.plenary.platform.error.ProblemMapper;

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
                    ProblemMapper.detailOf(413, ctx.request().path()),
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
