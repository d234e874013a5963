package org.plenary.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.plenary.support.LiveOpenApi;
import org.plenary.support.SignedIn;

/**
 * Walks the live OpenAPI document and sends every operation hostile values in each of its string
 * path and query parameters (a NUL character, a lone surrogate, 5,000 characters) and a
 * 9,000-character path, signed in as the administrator so that nothing stops the request early for
 * lack of rights. Every answer must be a problem document below 500. An endpoint added later is
 * walked too, so this fails when a new endpoint breaks the rule.
 */
@QuarkusTest
class HostileParametersTest {

  private static final Map<String, String> HOSTILE =
      Map.of(
          "NUL", "%00",
          "lone surrogate", "%ED%A0%80",
          "5,000 characters", "a".repeat(5000));

  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void every_string_parameter_of_every_operation_refuses_hostile_values_with_a_problem()
      throws Exception {
    JsonNode paths = LiveOpenApi.document().path("paths");
    List<String> failures = new ArrayList<>();
    int requests = 0;
    int operations = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        operations++;
        String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
        List<JsonNode> parameters = new ArrayList<>();
        path.getValue().path("parameters").forEach(parameters::add);
        op.getValue().path("parameters").forEach(parameters::add);
        for (JsonNode parameter : parameters) {
          String name = parameter.path("name").asText();
          String in = parameter.path("in").asText();
          if (!"string".equals(parameter.path("schema").path("type").asText())
              || !Set.of("path", "query").contains(in)) {
            continue;
          }
          for (Map.Entry<String, String> hostile : HOSTILE.entrySet()) {
            String target =
                "path".equals(in)
                    ? fill(path.getKey(), name, hostile.getValue())
                    : fill(path.getKey(), null, null) + "?" + name + "=" + hostile.getValue();
            requests++;
            check(
                method,
                target,
                method + " " + path.getKey() + " " + in + " " + name + " = " + hostile.getKey(),
                failures);
          }
        }
        String longPath = fill(path.getKey(), null, null) + "/" + "x".repeat(9000);
        requests++;
        check(
            method,
            longPath,
            method + " " + path.getKey() + " with a 9,000-character path",
            failures);
      }
    }
    assertTrue(operations > 100, "the OpenAPI document lists the API (" + operations + " ops)");
    assertTrue(requests > operations, "hostile requests sent: " + requests);
    assertEquals(List.of(), failures, "answers that were a 5xx or not a problem document");
  }

  /** The path with {@code name} replaced by {@code value} and every other parameter by 1. */
  private static String fill(String template, String name, String value) {
    String filled = template;
    if (name != null) {
      filled = filled.replace("{" + name + "}", value);
    }
    return filled.replaceAll("\\{[^}]+}", "1");
  }

  private void check(String method, String target, String what, List<String> failures)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + target))
            .header("Authorization", "Bearer " + SignedIn.adminToken())
            .header("Accept", "application/json")
            .header("If-Match", "\"1\"");
    if (Set.of("POST", "PUT", "PATCH").contains(method)) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString("{}"));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String type = response.headers().firstValue("Content-Type").orElse("(none)");
    if (response.statusCode() >= 500
        || (response.statusCode() >= 400 && !type.startsWith("application/problem+json"))) {
      failures.add(what + " -> " + response.statusCode() + " " + type);
    }
  }
}
