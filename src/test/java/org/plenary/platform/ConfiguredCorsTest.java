package org.plenary.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A separately hosted frontend works once its origin is configured. */
@QuarkusTest
@TestProfile(ConfiguredCorsTest.FrontendElsewhere.class)
class ConfiguredCorsTest {

  public static class FrontendElsewhere implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.http.cors.origins", "https://app.example.org");
    }
  }

  @Test
  void a_configured_origin_may_call_the_api_and_read_the_etag() {
    given()
        .header("Origin", "https://app.example.org")
        .get("/api/papers")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", equalTo("https://app.example.org"));
    given()
        .header("Origin", "https://app.example.org")
        .header("Access-Control-Request-Method", "PUT")
        .header("Access-Control-Request-Headers", "if-match,content-type")
        .options("/api/papers/1/sections/1/content")
        .then()
        .header("Access-Control-Allow-Origin", equalTo("https://app.example.org"));
  }
}
