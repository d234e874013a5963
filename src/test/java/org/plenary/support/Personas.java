package org.plenary.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/**
 * People for permission tests: each is a fresh local account, made through an invitation link of
 * the paper with the role asked for, and signed in.
 */
public final class Personas {
  private Personas() {}

  public static final String PASSWORD = "correct horse battery staple";

  /** A signed-in local account. */
  public record Person(long id, String handle, String token) {
    /** Changes this person's profile (e.g. stakeholder group, attribution) and returns them. */
    public Person profile(Map<String, Object> changes) {
      as().contentType(ContentType.JSON).body(changes).patch("/api/me").then().statusCode(200);
      return this;
    }

    public RequestSpecification as() {
      return given().header("Authorization", "Bearer " + token);
    }

    /** Saves new text to the section as this person, based on its current revision. */
    public io.restassured.response.ValidatableResponse save(String sectionPath, String text) {
      return as().contentType(io.restassured.http.ContentType.JSON)
          .header("If-Match", Fixture.etagOf(sectionPath))
          .body(Map.of("body", text))
          .put(sectionPath + "/content")
          .then();
    }
  }

  /** A request without any sign-in. */
  public static RequestSpecification anonymous() {
    return given().header(SignedIn.AS, "anonymous");
  }

  /** A new account that joined {@code paper} with {@code role} through an invitation link. */
  public static Person member(Fixture.CreatedPaper paper, String role) {
    String token = invitation(paper, role, 1);
    String handle = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    var session =
        anonymous()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "handle",
                    handle,
                    "displayName",
                    "Person " + handle,
                    "password",
                    PASSWORD,
                    "stakeholderGroup",
                    "CIVIL_SOCIETY"))
            .post("/api/invitations/" + token + "/sign-up")
            .then()
            .statusCode(201)
            .extract();
    return new Person(
        session.jsonPath().getLong("account.id"), handle, session.jsonPath().getString("token"));
  }

  /** The secret of a new invitation link to {@code paper}. */
  public static String invitation(Fixture.CreatedPaper paper, String role, int maxUses) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("role", role, "maxUses", maxUses))
        .post(paper.path() + "/invitations")
        .then()
        .statusCode(201)
        .extract()
        .path("token");
  }
}
