package org.plenary.platform.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;
import org.plenary.platform.error.ProblemMapper;

/**
 * Answers requests that announce a body over 2 MiB with a 413 problem document before reading the
 * body; document imports ({@code /api/papers/…/imports}, a Word file with its images) may send up
 * to 20 MiB. (Quarkus enforces the larger limit through {@code quarkus.http.limits.max-body-size},
 * but answers with an empty body.)
 */
@Singleton
public class BodyLimit {

  public static final long MAX_BYTES = 2L * 1024 * 1024;

  /** What a document import may send (the importing package checks the same limit). */
  public static final long MAX_IMPORT_BYTES = 20L * 1024 * 1024;

  private static final Pattern IMPORT = Pattern.compile("^/api/papers/(\\d+/)?imports(/preview)?$");

  /** The most a request to {@code path} may send. */
  public static long limitFor(String path) {
    return path != null && IMPORT.matcher(path).matches() ? MAX_IMPORT_BYTES : MAX_BYTES;
  }

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            ctx -> {
              String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
              if (length != null && tooLarge(length, limitFor(ctx.request().path()))) {
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

  private static boolean tooLarge(String length, long limit) {
    try {
      return Long.parseLong(length.strip()) > limit;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
