package org.plenary.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The web app's contract test (frontend/src/contract.test.ts) checks every API path the app calls
 * against {@code frontend/openapi-paths.txt}; this keeps that file equal to the live OpenAPI
 * document, so a path the server drops or renames fails a test on one side or the other.
 */
@QuarkusTest
class OpenApiPathsTest {

  static final Path SNAPSHOT = Path.of("frontend", "openapi-paths.txt");

  @Test
  void the_web_apps_list_of_api_paths_matches_the_openapi_document() throws Exception {
    var doc =
        new ObjectMapper()
            .readTree(RestAssured.given().accept("application/json").get("/q/openapi").asString());
    List<String> paths = new ArrayList<>();
    doc.get("paths").fieldNames().forEachRemaining(paths::add);
    paths.sort(String::compareTo);
    String expected = String.join("\n", paths) + "\n";
    Path written = Path.of("target", "openapi-paths.txt");
    Files.writeString(written, expected);
    assertEquals(
        expected,
        Files.exists(SNAPSHOT) ? Files.readString(SNAPSHOT) : "",
        "frontend/openapi-paths.txt is out of date: copy " + written + " over it");
  }
}
