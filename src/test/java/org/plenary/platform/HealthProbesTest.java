package org.plenary.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plenary.support.SignedIn;

/** The paths the Kubernetes probes and the compose health check ask (deploy/). */
@QuarkusTest
class HealthProbesTest {

  @ParameterizedTest
  @ValueSource(strings = {"/q/health/started", "/q/health/ready", "/q/health/live"})
  void probe_paths_answer_up_without_sign_in(String path) {
    given()
        .header(SignedIn.AS, "anonymous")
        .get(path)
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"));
  }
}
