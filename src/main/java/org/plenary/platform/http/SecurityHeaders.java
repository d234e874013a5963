package org.plenary.platform.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.plenary.platform.config.PlenaryConfig;

/**
 * Security headers on every answer that passes the router: the web app (index.html, its assets),
 * every API answer (edition files and problem documents included) and the {@code /q} endpoints. Set
 * just before the headers go out, so an answer that failed late still carries them.
 *
 * <ul>
 *   <li>The web app's Content-Security-Policy allows scripts from Plenary's own origin only (no
 *       inline script, no eval), connections to its own origin and, with single sign-on on, to the
 *       Keycloak realm's origin (the token request). Styles may also be inline: CodeMirror 6 adds
 *       {@code <style>} elements for its themes (docs/security.md says why that is accepted).
 *       Images from Plenary itself or {@code data:} only, so reading a text never makes the browser
 *       fetch a stranger's URL.
 *   <li>API answers are data, never pages: {@code default-src 'none'}.
 *   <li>Everything: {@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY} (no framing,
 *       so no clickjacking), {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy:
 *       no-referrer} (the app's addresses can carry share-link and invitation secrets).
 * </ul>
 *
 * The Swagger UI ({@code /q/swagger-ui}) and, in dev mode, the Dev UI ({@code /q/dev-ui}) get no
 * Content-Security-Policy: their pages run inline scripts. They get the other headers.
 */
@Singleton
public class SecurityHeaders {

  public static final String APP_POLICY_BASE =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  /** What API answers get: nothing may load, nothing may frame them. */
  public static final String API_POLICY =
      "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final Pattern ORIGIN = Pattern.compile("(https?|wss?)://[A-Za-z0-9.\\-\\[\\]:]+");

  @Inject PlenaryConfig config;

  @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false")
  boolean singleSignOn;

  @ConfigProperty(name = "quarkus.oidc.auth-server-url")
  Optional<String> issuer;

  private String appPolicy;

  /** Before every other route, so even answers those routes give at once carry the headers. */
  void install(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Router router) {
    appPolicy = appPolicy();
    router.route().order(Integer.MIN_VALUE).handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    String path = ctx.request().path();
    ctx.addHeadersEndHandler(v -> apply(ctx.response().headers(), path == null ? "/" : path));
    ctx.next();
  }

  private void apply(MultiMap headers, String path) {
    String policy = policyFor(path, appPolicy);
    if (policy != null && !headers.contains("Content-Security-Policy")) {
      headers.set("Content-Security-Policy", policy);
    }
    others(headers);
  }

  private static void others(MultiMap headers) {
    headers.set("X-Frame-Options", "DENY");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
  }

  /**
   * The headers of an answer given before this class's route ran (a request the router failed to
   * take): a problem document, so the API's policy.
   */
  static void forProblem(MultiMap headers) {
    if (!headers.contains("Content-Security-Policy")) {
      headers.set("Content-Security-Policy", API_POLICY);
    }
    others(headers);
  }

  /** The policy for a path: the API's, none for the Swagger and Dev UIs, else the web app's. */
  static String policyFor(String path, String appPolicy) {
    if (path.startsWith("/api/") || path.equals("/api")) {
      return API_POLICY;
    }
    if (path.startsWith("/q/swagger-ui") || path.startsWith("/q/dev")) {
      return null;
    }
    if (path.startsWith("/q/")) {
      return API_POLICY;
    }
    return appPolicy;
  }

  private String appPolicy() {
    Set<String> connect = new LinkedHashSet<>();
    connect.add("'self'");
    if (singleSignOn && issuer.isPresent()) {
      connect.add(originOf(issuer.get(), "quarkus.oidc.auth-server-url"));
    }
    for (String extra : config.http().connectSources().orElse(List.of())) {
      connect.add(originOf(extra, "plenary.http.connect-sources"));
    }
    return APP_POLICY_BASE + "; connect-src " + String.join(" ", connect);
  }

  /** {@code scheme://host[:port]} of a URL, checked so it cannot end or add a directive. */
  static String originOf(String url, String setting) {
    try {
      URI uri = URI.create(url.strip());
      String origin = uri.getScheme() + "://" + uri.getRawAuthority();
      if (uri.getRawAuthority() != null && ORIGIN.matcher(origin).matches()) {
        return origin.toLowerCase(java.util.Locale.ROOT);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new IllegalStateException(
        setting
            + ": '"
            + url
            + "' is not an http(s) or ws(s) origin such as https://auth.example.org");
  }
}
