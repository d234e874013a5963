package org.plenary.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;

@QuarkusTest
class SignInApiTest {

  private static ExtractableResponse<Response> signIn(String handle, String password) {
    return Personas.anonymous()
        .contentType(ContentType.JSON)
        .body(Map.of("handle", handle, "password", password))
        .post("/api/auth/sign-in")
        .then()
        .extract();
  }

  @Test
  void anonymous_callers_get_401_problem_documents_and_health_stays_open() {
    Personas.anonymous()
        .get("/api/papers")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("type", equalTo("urn:plenary:problem:unauthenticated"));
    Personas.anonymous().get("/q/health/live").then().statusCode(200);
    Personas.anonymous().get("/q/openapi").then().statusCode(200);
  }

  @Test
  void forged_malformed_and_unknown_tokens_get_the_same_401_problem_document() {
    for (String token :
        new String[] {
          "plt_forged-forged-forged-forged-forged-forged-forg",
          "plt_",
          "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl",
          "not-a-token"
        }) {
      given()
          .header("Authorization", "Bearer " + token)
          .get("/api/papers")
          .then()
          .statusCode(401)
          .contentType("application/problem+json")
          .body("status", equalTo(401));
    }
  }

  @Test
  void a_member_signs_in_with_handle_and_password_and_reads_their_profile() {
    Person person = Personas.member(Fixture.paper().create(), "CONTRIBUTOR");

    var session = signIn(person.handle().toUpperCase(), Personas.PASSWORD);

    assertEquals(200, session.statusCode());
    String token = session.path("token");
    assertTrue(token.startsWith("plt_"), token);
    given()
        .header("Authorization", "Bearer " + token)
        .get("/api/me")
        .then()
        .statusCode(200)
        .body("handle", equalTo(person.handle()))
        .body("stakeholderGroup", equalTo("CIVIL_SOCIETY"))
        .body("kind", equalTo("LOCAL"));
  }

  @Test
  void a_wrong_password_and_an_unknown_handle_read_the_same() {
    Person person = Personas.member(Fixture.paper().create(), "OBSERVER");

    var wrong = signIn(person.handle(), "not the password at all");
    var unknown = signIn("nobody-" + person.handle(), "not the password at all");

    assertEquals(401, wrong.statusCode());
    assertEquals(401, unknown.statusCode());
    assertEquals(wrong.<String>path("detail"), unknown.<String>path("detail"));
  }

  @Test
  void repeated_failures_lock_the_account_with_429_and_retry_after_even_for_the_right_password() {
    Person person = Personas.member(Fixture.paper().create(), "OBSERVER");
    for (int i = 0; i < 5; i++) {
      assertEquals(401, signIn(person.handle(), "wrong password " + i).statusCode());
    }

    var locked = signIn(person.handle(), Personas.PASSWORD);

    assertEquals(429, locked.statusCode());
    assertTrue(Long.parseLong(locked.header("Retry-After")) > 0);
    assertEquals("urn:plenary:problem:too-many-requests", locked.path("type"));
  }

  private static ExtractableResponse<Response> changePassword(Person person, String current) {
    return person
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("currentPassword", current, "newPassword", "rain on the quiet harbour"))
        .post("/api/me/password")
        .then()
        .extract();
  }

  @Test
  void a_locked_account_cannot_change_its_password_with_a_wrong_or_the_right_current_one() {
    Person person = Personas.member(Fixture.paper().create(), "OBSERVER");
    for (int i = 0; i < 5; i++) {
      assertEquals(401, signIn(person.handle(), "wrong password " + i).statusCode());
    }

    var wrong = changePassword(person, "another guess");
    var right = changePassword(person, Personas.PASSWORD);

    assertEquals(429, wrong.statusCode());
    assertEquals(429, right.statusCode());
    assertEquals("urn:plenary:problem:too-many-requests", right.path("type"));
    assertTrue(Long.parseLong(right.header("Retry-After")) > 0);
  }

  @Test
  void wrong_current_passwords_lock_the_account_like_failed_sign_ins() {
    Person person = Personas.member(Fixture.paper().create(), "OBSERVER");
    for (int i = 0; i < 5; i++) {
      assertEquals(422, changePassword(person, "guess " + i).statusCode());
    }

    assertEquals(429, changePassword(person, Personas.PASSWORD).statusCode());
    assertEquals(429, signIn(person.handle(), Personas.PASSWORD).statusCode());
  }

  @Test
  void signing_out_revokes_the_token() {
    Person person = Personas.member(Fixture.paper().create(), "OBSERVER");
    person.as().get("/api/me").then().statusCode(200);

    person.as().post("/api/auth/sign-out").then().statusCode(204);

    person.as().get("/api/me").then().statusCode(401);
  }

  @Test
  void changing_the_password_needs_the_current_one_refuses_weak_ones_and_signs_out_elsewhere() {
    Person person = Personas.member(Fixture.paper().create(), "OBSERVER");
    String other = org.plenary.support.SignedIn.signIn(person.handle(), Personas.PASSWORD);

    person
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("currentPassword", "wrong", "newPassword", "a much longer passphrase"))
        .post("/api/me/password")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("currentPassword"));
    person
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("currentPassword", Personas.PASSWORD, "newPassword", "short"))
        .post("/api/me/password")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("newPassword"));
    String fresh =
        person
            .as()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "currentPassword",
                    Personas.PASSWORD,
                    "newPassword",
                    "rain on the quiet harbour"))
            .post("/api/me/password")
            .then()
            .statusCode(200)
            .extract()
            .path("token");

    assertNotEquals(other, fresh);
    given().header("Authorization", "Bearer " + other).get("/api/me").then().statusCode(401);
    given().header("Authorization", "Bearer " + fresh).get("/api/me").then().statusCode(200);
    assertEquals(200, signIn(person.handle(), "rain on the quiet harbour").statusCode());
  }

  @Test
  void the_profile_can_be_changed_and_a_taken_handle_is_refused() {
    Person a = Personas.member(Fixture.paper().create(), "OBSERVER");
    Person b = Personas.member(Fixture.paper().create(), "OBSERVER");

    a.as()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "displayName", "Amina K.",
                "organisation", "Peace Tech Lab",
                "attribution", "ANONYMOUS"))
        .patch("/api/me")
        .then()
        .statusCode(200)
        .body("displayName", equalTo("Amina K."))
        .body("attribution", equalTo("ANONYMOUS"));
    a.as()
        .contentType(ContentType.JSON)
        .body(Map.of("handle", b.handle().toUpperCase()))
        .patch("/api/me")
        .then()
        .statusCode(409);
    a.as()
        .contentType(ContentType.JSON)
        .body(Map.of("attribution", "SOMETIMES"))
        .patch("/api/me")
        .then()
        .statusCode(400);
  }
}
