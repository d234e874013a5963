package org.plenary.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.plenary.support.SignedIn;

/** Prometheus scrapes each instance at /q/metrics, without signing in. */
@QuarkusTest
class MetricsTest {

  @Test
  void metrics_show_http_requests_jvm_pool_and_compile_jobs_to_anyone() {
    given().get("/api/papers").then().statusCode(200);

    given()
        .header(SignedIn.AS, "anonymous")
        .accept("text/plain")
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/plain"))
        .body(containsString("http_server_requests_seconds_count{"))
        .body(containsString("uri=\"/api/papers\""))
        .body(containsString("jvm_memory_used_bytes{"))
        .body(containsString("jvm_threads_live_threads"))
        .body(containsString("agroal_active_count"))
        .body(containsString("plenary_compile_jobs_running"))
        .body(containsString("plenary_live_streams"))
        .body(containsString("plenary_live_listening 1.0"));
  }

  @Test
  void no_meter_is_labelled_with_a_raw_path() {
    given().get("/api/papers/987654321").then().statusCode(404);

    given()
        .header(SignedIn.AS, "anonymous")
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.not(containsString("987654321")));
  }
}
