package org.plenary.platform.http;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.plenary.platform.error.ProblemMapper;

/**
 * Failures on the router that never reach RESTEasy's exception mappers (a request Vert.x-web cannot
 * route, a body over the limit sent in chunks, a handler that failed) are answered with a problem
 * document instead of Quarkus's plain-text error page. A 5xx says only that something went wrong,
 * with a reference that is also in the log beside the cause.
 *
 * <p>An HTTP/1.1 request without a {@code Host} header is one of these: Vert.x-web fails it before
 * any route runs, so it is answered here, naming {@code Host}.
 *
 * <p>Security failures go on to Quarkus, which answers them with its challenge.
 */
@Singleton
public class RouterFailures {

  private static final Logger LOG = Logger.getLogger(RouterFailures.class);

  void install(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 2) Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
  }

  private void answer(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (ctx.response().headWritten() || ctx.response().ended() || isSecurity(failure)) {
      ctx.next();
      return;
    }
    int status = ctx.statusCode();
    if (status < 400 || status > 599) {
      status = 500;
    }
    if (status >= 500) {
      String reference = UUID.randomUUID().toString();
      LOG.errorf(
          failure, "Unexpected failure on %s (reference %s)", ctx.request().path(), reference);
      RouterProblems.send(ctx, status, "internal", ProblemMapper.internalDetail(reference), null);
      return;
    }
    if (status == 400 && ctx.request().headers().get("Host") == null) {
      RouterProblems.send(
          ctx, 400, "malformed-request", "The request needs a Host header.", "Host", true);
      return;
    }
    String detail = ProblemMapper.detailOf(status, ctx.request().path());
    if (detail == null) {
      detail =
          status == 400
              ? "Plenary could not read this request."
              : "The request was not accepted (" + status + ").";
    }
    RouterProblems.send(ctx, status, "http-" + status, detail, null, true);
  }

  private static boolean isSecurity(Throwable failure) {
    return failure instanceof AuthenticationException
        || failure instanceof UnauthorizedException
        || failure instanceof ForbiddenException;
  }
}
