package org.plenary.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What the HTTP layer answers before any resource runs, sent over a plain socket so that no client
 * library tidies the request: every refusal is a problem document with Plenary's security headers.
 */
@QuarkusTest
class HostileRequestsTest {

  @Test
  void a_9000_character_path_is_a_414_problem() throws IOException {
    String answer = send("GET /api/papers/" + "x".repeat(9000) + " HTTP/1.1\r\nHost: t\r\n\r\n");
    assertProblem(answer, 414, "address-too-long");
  }

  @Test
  void a_5000_character_query_value_is_a_414_problem() throws IOException {
    String answer =
        send("GET /api/admin/accounts?q=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: t\r\n\r\n");
    assertProblem(answer, 414, "address-too-long");
  }

  @Test
  void headers_over_20_kib_are_a_431_problem() throws IOException {
    String answer =
        send("GET /api/papers HTTP/1.1\r\nHost: t\r\nX-Big: " + "a".repeat(30_000) + "\r\n\r\n");
    assertProblem(answer, 431, "headers-too-large");
  }

  @Test
  void an_http_1_1_request_without_host_is_a_400_problem_naming_host() throws IOException {
    String answer = send("GET /api/papers HTTP/1.1\r\n\r\n");
    assertProblem(answer, 400, "malformed-request");
    assertTrue(answer.contains("\"field\":\"Host\""), answer);
  }

  @Test
  void a_body_sent_in_chunks_is_a_411_problem_before_it_is_read() throws IOException {
    String answer =
        send(
            "POST /api/papers HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n0\r\n\r\n");
    assertProblem(answer, 411, "length-required");
  }

  @Test
  void a_nul_in_a_query_parameter_is_a_400_problem_naming_it() throws IOException {
    String answer =
        send(
            "GET /api/admin/accounts?q=%00 HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer x\r\n\r\n");
    assertProblem(answer, 400, "malformed-request");
    assertTrue(answer.contains("\"field\":\"q\""), answer);
  }

  @Test
  void a_wrong_method_and_an_unacceptable_media_type_are_problems() throws IOException {
    String auth = "Authorization: Bearer " + org.plenary.support.SignedIn.adminToken() + "\r\n";
    assertProblem(
        send("DELETE /api/papers HTTP/1.1\r\nHost: t\r\n" + auth + "\r\n"), 405, "http-405");
    assertProblem(
        send("GET /api/papers HTTP/1.1\r\nHost: t\r\nAccept: image/png\r\n" + auth + "\r\n"),
        406,
        "http-406");
  }

  private static void assertProblem(String answer, int status, String slug) {
    String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase();
    assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
    assertTrue(head.contains("content-type: application/problem+json"), answer);
    assertTrue(head.contains("x-content-type-options: nosniff"), answer);
    assertTrue(answer.contains("\"type\":\"urn:plenary:problem:" + slug + "\""), answer);
    assertEquals(-1, answer.indexOf("at org."), "no stack trace");
  }

  /** Sends {@code request} as it is and reads the answer until the server closes or pauses. */
  private static String send(String request) throws IOException {
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      socket.setSoTimeout(3000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) > 0; ) {
          answer.write(buffer, 0, n);
          if (complete(answer.toString(StandardCharsets.UTF_8))) {
            break;
          }
        }
      } catch (SocketTimeoutException e) {
        // what arrived is the answer
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  private static boolean complete(String answer) {
    int end = answer.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    var length =
        java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
            .matcher(answer.substring(0, end));
    return length.find() && answer.length() - end - 4 >= Integer.parseInt(length.group(1));
  }
}
