package org.plenary.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.Map;

/**
 * Every test request is signed in as the test administrator (the first administrator, whose
 * password the test profile sets) unless it says otherwise: a request with its own {@code
 * Authorization} header keeps it, and one with {@code X-Test-As: anonymous} goes without any.
 * Installed before each {@code @QuarkusTest} method (see META-INF/services).
 */
public class SignedIn implements QuarkusTestBeforeEachCallback, Filter {

  public static final String ADMIN_HANDLE = "admin";
  public static final String ADMIN_PASSWORD = "test-admin-password-1";

  /** The header that makes a test request anonymous. */
  public static final String AS = "X-Test-As";

  private static volatile String adminToken;

  @Override
  public void beforeEach(QuarkusTestMethodContext context) {
    if (RestAssured.filters().stream().noneMatch(f -> f instanceof SignedIn)) {
      RestAssured.filters(new SignedIn());
    }
  }

  /** The test administrator's token (signed in once per test run). */
  public static synchronized String adminToken() {
    if (adminToken == null) {
      adminToken = signIn(ADMIN_HANDLE, ADMIN_PASSWORD);
    }
    return adminToken;
  }

  /** Signs in with a local account and returns the token. */
  public static String signIn(String handle, String password) {
    return RestAssured.given()
        .header(AS, "anonymous")
        .contentType(ContentType.JSON)
        .body(Map.of("handle", handle, "password", password))
        .post("/api/auth/sign-in")
        .then()
        .statusCode(200)
        .extract()
        .path("token");
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification response,
      FilterContext context) {
    String as = request.getHeaders().getValue(AS);
    if (as != null) {
      request.removeHeader(AS);
    } else if (!request.getHeaders().hasHeaderWithName("Authorization")) {
      request.header("Authorization", "Bearer " + adminToken());
    }
    return context.next(request, response);
  }
}
