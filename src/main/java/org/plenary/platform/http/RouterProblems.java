package org.plenary.platform.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.plenary.platform.error.ProblemMapper;

/**
 * Problem documents (RFC 9457) for the answers Plenary gives on the router, before RESTEasy runs:
 * the same members and titles as {@link ProblemMapper}'s, written with Vert.x's own JSON encoder.
 */
final class RouterProblems {

  private RouterProblems() {}

  /** Answers with a problem document; {@code field} may be null. The connection stays open. */
  static void send(RoutingContext ctx, int status, String slug, String detail, String field) {
    send(ctx, status, slug, detail, field, false);
  }

  /**
   * Answers with a problem document and, with {@code close}, ends the connection afterwards (for
   * answers given before the request's body was read).
   */
  static void send(
      RoutingContext ctx, int status, String slug, String detail, String field, boolean close) {
    JsonObject problem =
        new JsonObject()
            .put("type", "urn:plenary:problem:" + slug)
            .put("title", ProblemMapper.titleOf(status))
            .put("status", status)
            .put("detail", detail);
    String path = ctx.request().path();
    if (path != null && path.length() <= RequestGuard.MAX_TARGET_LENGTH) {
      problem.put("instance", path);
    }
    if (field != null) {
      problem.put(
          "errors",
          new JsonArray().add(new JsonObject().put("field", field).put("message", detail)));
    }
    var response = ctx.response().setStatusCode(status);
    response.headers().set(HttpHeaders.CONTENT_TYPE, "application/problem+json");
    SecurityHeaders.forProblem(response.headers());
    if (close) {
      response.headers().set(HttpHeaders.CONNECTION, "close");
    }
    response.end(problem.encode());
  }
}
