package org.plenary.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;

/**
 * Behind a trusted proxy (forwarding on, 127.0.0.1 trusted, as with the nginx example), the client
 * is the address that proxy appended, not what the client wrote in front of it; a peer that is not
 * a trusted proxy is counted itself. Here with a limit of 3 failures per address.
 */
@QuarkusTest
@TestProfile(ForwardedAddressTest.BehindProxy.class)
class ForwardedAddressTest {

  public static class BehindProxy implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.http.proxy.proxy-address-forwarding", "true",
          "quarkus.http.proxy.allow-x-forwarded", "true",
          "quarkus.http.proxy.trusted-proxies", "127.0.0.1",
          "plenary.auth.max-failures-per-address", "3");
    }
  }

  @Inject io.agroal.api.AgroalDataSource dataSource;

  @BeforeEach
  @AfterEach
  void forgetAddresses() throws Exception {
    AddressThrottleTest.forgetAddresses(dataSource);
  }

  /** A failed sign-in through the trusted proxy (this machine) with this X-Forwarded-For. */
  private static int failViaProxy(String xForwardedFor, String handle) {
    var request = Personas.anonymous();
    if (xForwardedFor != null) {
      request = request.header("X-Forwarded-For", xForwardedFor);
    }
    return request
        .contentType(ContentType.JSON)
        .body(Map.of("handle", handle, "password", "wrong password"))
        .post("/api/auth/sign-in")
        .then()
        .extract()
        .statusCode();
  }

  @Test
  void a_spoofed_leftmost_entry_is_not_the_address_and_does_not_escape_the_limit() {
    for (int i = 1; i <= 3; i++) {
      assertEquals(401, failViaProxy("203.0.113." + i + ", 198.51.100.7", "unknown-" + i));
    }
    assertEquals(
        429,
        failViaProxy("203.0.113.99, 198.51.100.7", "unknown-99"),
        "the client the proxy saw is locked, whatever it wrote in front");
    assertEquals(429, failViaProxy("198.51.100.7", "unknown-100"));
    assertEquals(
        401, failViaProxy("198.51.100.7, 198.51.100.8", "unknown-101"), "another client is not");
  }

  @Test
  void the_audit_log_records_the_address_the_proxy_saw() {
    Person person = Personas.member(Fixture.paper().create(), "OBSERVER");
    assertEquals(401, failViaProxy("6.6.6.6, 198.51.100.9", person.handle()));
    List<String> addresses =
        person
            .as()
            .get("/api/me/data")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("events.findAll { it.type == 'auth.sign-in-failed' }.address");
    assertEquals(List.of("198.51.100.9"), addresses);
  }

  @Test
  void a_peer_that_is_not_a_trusted_proxy_is_counted_itself_whatever_it_forwards() {
    for (int i = 1; i <= 3; i++) {
      assertEquals(401, signInFrom("127.0.0.2", "203.0.113." + i + ", 198.51.100." + i));
    }
    assertEquals(429, signInFrom("127.0.0.2", "198.51.100.99"), "127.0.0.2 itself is locked");
    assertFalse(
        failViaProxy(null, "unknown-200") == 429, "the trusted proxy's own address is not locked");
    assertEquals(401, failViaProxy("198.51.100.1", "unknown-201"), "nor the address it forwarded");
  }

  /** A failed sign-in sent from {@code local} (a loopback address) with an X-Forwarded-For. */
  private static int signInFrom(String local, String xForwardedFor) {
    byte[] body =
        "{\"handle\":\"unknown-raw\",\"password\":\"wrong password\"}"
            .getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(local, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/auth/sign-in HTTP/1.1\r\n"
                  + "Host: 127.0.0.1:"
                  + RestAssured.port
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\nX-Forwarded-For: "
                  + xForwardedFor
                  + "\r\nForwarded: for=192.0.2.1\r\nX-Real-IP: 192.0.2.2"
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      String status =
          new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      return Integer.parseInt(status.split(" ")[1]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
