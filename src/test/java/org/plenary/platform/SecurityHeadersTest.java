package org.plenary.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.plenary.support.Personas;

/** Every answer carries the security headers: the web app, the API, its errors, /q. */
@QuarkusTest
class SecurityHeadersTest {

  static ValidatableResponse framingSniffingAndReferrerAreRefused(ValidatableResponse r) {
    return r.header("X-Frame-Options", equalTo("DENY"))
        .header("X-Content-Type-Options", equalTo("nosniff"))
        .header("Referrer-Policy", equalTo("no-referrer"));
  }

  /** The policy's directives by name. */
  static Map<String, String> directives(String policy) {
    return Arrays.stream(policy.split(";"))
        .map(String::strip)
        .filter(d -> !d.isEmpty())
        .collect(Collectors.toMap(d -> d.split("\\s+", 2)[0], d -> d + " "));
  }

  @Test
  void the_web_app_may_run_only_its_own_scripts_and_cannot_be_framed() {
    // index.html, an asset, and a route of the app (with -Dfrontend.skip=true these are 404s,
    // which must carry the headers just the same).
    for (String path : new String[] {"/", "/index.html", "/assets/missing.js", "/papers/7"}) {
      String policy =
          framingSniffingAndReferrerAreRefused(Personas.anonymous().get(path).then())
              .extract()
              .header("Content-Security-Policy");
      Map<String, String> d = directives(policy);
      assertTrue(d.get("script-src").equals("script-src 'self' "), policy);
      assertTrue(d.get("default-src").equals("default-src 'self' "), policy);
      assertTrue(d.get("frame-ancestors").equals("frame-ancestors 'none' "), policy);
      assertTrue(d.get("object-src").equals("object-src 'none' "), policy);
      assertTrue(d.get("base-uri").equals("base-uri 'none' "), policy);
      assertTrue(d.get("connect-src").startsWith("connect-src 'self' "), policy);
      assertFalse(d.get("img-src").contains("http"), "no remote images: " + policy);
      assertFalse(policy.contains("unsafe-eval"), policy);
    }
  }

  @Test
  void api_answers_and_their_errors_carry_a_policy_that_loads_nothing() {
    for (ValidatableResponse r :
        new ValidatableResponse[] {
          given().get("/api/papers").then().statusCode(200),
          given().get("/api/papers/999999999").then().statusCode(404),
          given().get("/api/papers/not-a-number").then().statusCode(404),
          Personas.anonymous().get("/api/me").then().statusCode(401),
          given()
              .contentType("application/json")
              .body("{\"title\":")
              .post("/api/papers")
              .then()
              .statusCode(400),
          given()
              .contentType("application/json")
              .body(new byte[(int) org.plenary.platform.http.BodyLimit.MAX_BYTES + 1])
              .post("/api/papers")
              .then()
              .statusCode(413),
          given().get("/q/health").then(),
          given().get("/q/openapi").then().statusCode(200)
        }) {
      framingSniffingAndReferrerAreRefused(r)
          .header("Content-Security-Policy", containsString("default-src 'none'"))
          .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
          .header("Content-Security-Policy", not(containsString("unsafe")));
    }
  }

  @Test
  void the_swagger_ui_keeps_the_other_headers_but_no_policy_that_breaks_its_inline_script() {
    framingSniffingAndReferrerAreRefused(given().get("/q/swagger-ui/").then())
        .header("Content-Security-Policy", nullValue());
  }
}
