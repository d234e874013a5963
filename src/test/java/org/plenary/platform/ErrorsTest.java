package org.plenary.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Anything a client sends gets a problem document, never a stack trace or a 500. */
@QuarkusTest
class ErrorsTest {

  @Test
  void an_unknown_api_address_is_a_404_problem() {
    given()
        .get("/api/nothing-here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404))
        .body("instance", equalTo("/api/nothing-here"));
  }

  @Test
  void a_wrong_method_is_a_405_problem() {
    given().delete("/api/papers").then().statusCode(405).contentType("application/problem+json");
  }

  @Test
  void a_wrong_media_type_is_a_415_problem() {
    given()
        .contentType(ContentType.XML)
        .body("<paper/>")
        .post("/api/papers")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
  }

  @Test
  void a_body_of_the_wrong_json_type_is_a_400_problem() {
    given()
        .contentType(ContentType.JSON)
        .body("[1, 2, 3]")
        .post("/api/papers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", not(containsString("com.fasterxml")));
  }

  @Test
  void an_out_of_range_number_in_the_path_is_a_404_not_a_500() {
    given().get("/api/papers/99999999999999999999999").then().statusCode(404);
  }

  @Test
  void health_and_the_openapi_document_are_served() {
    given().get("/q/health/ready").then().statusCode(200);
    given()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(containsString("/api/papers/{paperId}/sections/{sectionId}/content"));
  }
}
