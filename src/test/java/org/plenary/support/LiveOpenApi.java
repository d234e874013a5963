package org.plenary.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;

/** The running server's OpenAPI document, as tests read it. */
public final class LiveOpenApi {
  private LiveOpenApi() {}

  /** {@code /q/openapi} as JSON. */
  public static JsonNode document() throws java.io.IOException {
    return new ObjectMapper()
        .readTree(RestAssured.given().accept("application/json").get("/q/openapi").asString());
  }
}
