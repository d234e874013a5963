package org.plenary.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.KeycloakServer;
import org.plenary.support.Personas;

/** Keycloak users end to end, against the real Keycloak the test run starts. */
@QuarkusTest
class SingleSignOnTest {

  private static String tokenOf(String user) {
    return KeycloakServer.get().token(user, user + "-example-pass");
  }

  @Test
  void a_keycloak_user_gets_a_plenary_account_on_first_call() {
    given()
        .header("Authorization", "Bearer " + tokenOf("jonas"))
        .get("/api/me")
        .then()
        .statusCode(200)
        .body("kind", equalTo("SSO"))
        .body("handle", startsWith("jonas"))
        .body("displayName", equalTo("Jonas Berg"))
        .body("platformAdmin", equalTo(false));
  }

  @Test
  void the_keycloak_admin_role_makes_a_platform_administrator() {
    given()
        .header("Authorization", "Bearer " + tokenOf("sofia"))
        .get("/api/me")
        .then()
        .statusCode(200)
        .body("platformAdmin", equalTo(true));
  }

  @Test
  void sso_and_local_users_work_on_the_same_paper() {
    CreatedPaper paper = Fixture.paper().withSection("A", "start").create();
    String amina = tokenOf("amina");
    String invitation = Personas.invitation(paper, "EDITOR", 1);

    given().header("Authorization", "Bearer " + amina).get(paper.path()).then().statusCode(404);
    given()
        .header("Authorization", "Bearer " + amina)
        .post("/api/invitations/" + invitation + "/accept")
        .then()
        .statusCode(200)
        .body("role", equalTo("EDITOR"));
    given()
        .header("Authorization", "Bearer " + amina)
        .contentType(ContentType.JSON)
        .header("If-Match", Fixture.etagOf(paper.sectionPath(0)))
        .body(Map.of("body", "Written with single sign-on"))
        .put(paper.sectionPath(0) + "/content")
        .then()
        .statusCode(200)
        .body("author.displayName", equalTo("Amina Yusuf"));

    var local = Personas.member(paper, "EDITOR");
    local
        .save(paper.sectionPath(0), "And then locally")
        .statusCode(200)
        .body("revision", equalTo(3));
  }

  @Test
  void a_tampered_keycloak_token_is_refused_with_a_problem_document() {
    String token = tokenOf("lee");
    String[] parts = token.split("\\.");
    String forged =
        parts[0]
            + "."
            + parts[1]
            + "."
            + new StringBuilder(parts[2]).reverse(); // same length, wrong signature
    given()
        .header("Authorization", "Bearer " + forged)
        .get("/api/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }
}
