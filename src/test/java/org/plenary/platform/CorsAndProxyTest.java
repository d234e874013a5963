package org.plenary.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** By default no other origin may call the API from a browser. */
@QuarkusTest
class CorsAndProxyTest {

  @Test
  void other_origins_are_not_allowed_by_default() {
    given()
        .header("Origin", "https://elsewhere.example")
        .get("/api/papers")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void forwarded_headers_are_ignored_unless_a_trusted_proxy_is_configured() {
    // The Location of a new paper is built from the request; a spoofed host must not leak into it.
    given()
        .header("X-Forwarded-Host", "evil.example")
        .header("Forwarded", "host=evil.example")
        .contentType("application/json")
        .body("{\"title\":\"Proxy\",\"language\":\"en\"}")
        .post("/api/papers")
        .then()
        .statusCode(201)
        .header(
            "Location",
            org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("evil.example")));
  }
}
