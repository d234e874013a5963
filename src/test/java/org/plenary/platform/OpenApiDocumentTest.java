package org.plenary.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.plenary.support.LiveOpenApi;

/**
 * The web app's contract test (frontend/src/contract.test.ts) checks every API path it calls
 * against {@code frontend/openapi.json}; this keeps that file equal to the live OpenAPI document,
 * so a backend change that breaks the app fails a test on one side or the other. The frontend build
 * runs before the server is packaged, hence a committed copy rather than the live one.
 */
@QuarkusTest
class OpenApiDocumentTest {

  static final Path SNAPSHOT = Path.of("frontend", "openapi.json");
  static final Path WRITTEN = Path.of("target", "openapi.json");

  @Test
  void the_web_apps_copy_of_the_openapi_document_matches_the_live_one() throws Exception {
    var mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    JsonNode live = LiveOpenApi.document();
    // The test Keycloak listens on a free port: its address is not part of the contract.
    live.findParents("openIdConnectUrl")
        .forEach(
            scheme ->
                ((ObjectNode) scheme)
                    .put(
                        "openIdConnectUrl",
                        "http://127.0.0.1/realms/plenary/.well-known/openid-configuration"));
    Files.writeString(WRITTEN, mapper.writeValueAsString(live) + "\n");
    JsonNode committed =
        Files.exists(SNAPSHOT) ? mapper.readTree(Files.readString(SNAPSHOT)) : mapper.nullNode();
    assertTrue(
        live.equals(committed),
        "frontend/openapi.json is out of date. Regenerate it with: cp "
            + WRITTEN
            + " frontend/openapi.json (this test just wrote "
            + WRITTEN
            + "), then run `npm test` in frontend/ to see what the change breaks in the app");
  }

  @Test
  void an_answers_record_components_are_required_and_only_non_primitive_ones_can_be_null()
      throws Exception {
    JsonNode section = LiveOpenApi.document().at("/components/schemas/SectionView");
    assertEquals(
        section.at("/properties").size(), section.at("/required").size(), section.toString());
    assertEquals("integer", section.at("/properties/id/type").asText());
    assertEquals(
        "[\"integer\",\"null\"]", section.at("/properties/proposalNumber/type").toString());
    assertEquals("null", section.at("/properties/kind/anyOf/1/type").asText());
  }

  @Test
  void a_request_body_requires_only_what_validation_refuses_to_see_missing() throws Exception {
    JsonNode create = LiveOpenApi.document().at("/components/schemas/CreatePaper");
    assertEquals("[\"title\",\"language\"]", create.at("/required").toString());
    assertEquals("string", create.at("/properties/title/type").asText());
    assertEquals("[\"string\",\"null\"]", create.at("/properties/subtitle/type").toString());
  }
}
