package org.plenary.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Personas;

/**
 * Failed sign-ins from one address lock that address, whichever accounts they tried (here with a
 * limit of 3; the default is 50, since a workshop venue shares one address).
 */
@QuarkusTest
@TestProfile(AddressThrottleTest.LowLimit.class)
class AddressThrottleTest {

  public static class LowLimit implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("plenary.auth.max-failures-per-address", "3");
    }
  }

  @Inject io.agroal.api.AgroalDataSource dataSource;

  @BeforeEach
  @AfterEach
  void forgetAddresses() throws Exception {
    forgetAddresses(dataSource);
  }

  /** Every test signs in from this machine; do not let one test's lock reach the others. */
  static void forgetAddresses(io.agroal.api.AgroalDataSource dataSource) throws Exception {
    try (var c = dataSource.getConnection();
        var s = c.createStatement()) {
      s.executeUpdate("DELETE FROM login_throttle WHERE key LIKE 'address:%'");
    }
  }

  private static int signIn(String handle, String password) {
    return Personas.anonymous()
        .contentType(ContentType.JSON)
        .body(Map.of("handle", handle, "password", password))
        .post("/api/auth/sign-in")
        .then()
        .extract()
        .statusCode();
  }

  @Test
  void failures_for_different_accounts_from_one_address_lock_the_address() {
    Personas.Person person = Personas.member(Fixture.paper().create(), "OBSERVER");
    assertEquals(401, signIn("first-unknown", "wrong password"));
    assertEquals(401, signIn("second-unknown", "wrong password"));
    assertEquals(401, signIn("third-unknown", "wrong password"));

    var locked =
        Personas.anonymous()
            .contentType(ContentType.JSON)
            .body(Map.of("handle", person.handle(), "password", Personas.PASSWORD))
            .post("/api/auth/sign-in")
            .then()
            .extract();

    assertEquals(429, locked.statusCode(), "even the right password waits");
    assertTrue(Long.parseLong(locked.header("Retry-After")) > 60);
  }

  @Test
  void forwarding_headers_do_not_spread_one_address_over_many_when_forwarding_is_off() {
    // The default: no proxy forwarding, so whatever a client claims, its failures are its own.
    for (int i = 1; i <= 3; i++) {
      assertEquals(
          401,
          Personas.anonymous()
              .header("X-Forwarded-For", "203.0.113." + i)
              .header("Forwarded", "for=198.51.100." + i)
              .header("X-Real-IP", "192.0.2." + i)
              .contentType(ContentType.JSON)
              .body(Map.of("handle", "unknown-" + i, "password", "wrong password"))
              .post("/api/auth/sign-in")
              .then()
              .extract()
              .statusCode());
    }
    assertEquals(
        429,
        Personas.anonymous()
            .header("X-Forwarded-For", "203.0.113.99")
            .header("Forwarded", "for=198.51.100.99")
            .header("X-Real-IP", "192.0.2.99")
            .contentType(ContentType.JSON)
            .body(Map.of("handle", "unknown-99", "password", "wrong password"))
            .post("/api/auth/sign-in")
            .then()
            .extract()
            .statusCode(),
        "the fourth failure from this machine is locked out, whatever it said it was");
  }
}
