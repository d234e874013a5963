package org.plenary.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;

@QuarkusTest
class MembershipApiTest {

  private static Map<String, Object> save(String text) {
    return Map.of("body", text);
  }

  @Test
  void the_creator_of_a_paper_is_its_owner() {
    Person owner = Personas.member(Fixture.paper().create(), "OBSERVER");
    long paperId =
        owner
            .as()
            .contentType(ContentType.JSON)
            .body(Map.of("title", "Own paper", "language", "en"))
            .post("/api/papers")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");

    owner
        .as()
        .get("/api/papers/" + paperId + "/members")
        .then()
        .statusCode(200)
        .body("handle", equalTo(List.of(owner.handle())))
        .body("role", equalTo(List.of("OWNER")));
  }

  @Test
  void a_paper_you_are_not_a_member_of_does_not_exist_for_you() {
    CreatedPaper paper = Fixture.paper().withSection("A", "secret text").create();
    Person stranger = Personas.member(Fixture.paper().create(), "EDITOR");

    for (String path :
        List.of(
            paper.path(),
            paper.path() + "/sections",
            paper.sectionPath(0) + "/content",
            paper.sectionPath(0) + "/html",
            paper.path() + "/html",
            paper.path() + "/search?q=secret",
            paper.path() + "/members",
            "/api/papers/by-slug/" + paper.slug())) {
      stranger.as().get(path).then().statusCode(404).body(not(containsString("secret text")));
    }
    stranger
        .as()
        .get("/api/papers")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem((int) paper.id())));
    stranger
        .as()
        .contentType(ContentType.JSON)
        .header("If-Match", Fixture.etagOf(paper.sectionPath(0)))
        .body(save("overwritten"))
        .put(paper.sectionPath(0) + "/content")
        .then()
        .statusCode(404);
  }

  @Test
  void roles_decide_who_saves_edits_the_outline_and_manages() {
    CreatedPaper paper = Fixture.paper().withSection("A", "text").create();
    Person observer = Personas.member(paper, "OBSERVER");
    Person contributor = Personas.member(paper, "CONTRIBUTOR");
    Person editor = Personas.member(paper, "EDITOR");

    for (Person p : List.of(observer, contributor, editor)) {
      p.as().get(paper.sectionPath(0) + "/content").then().statusCode(200);
    }
    observer
        .as()
        .contentType(ContentType.JSON)
        .header("If-Match", Fixture.etagOf(paper.sectionPath(0)))
        .body(save("observer"))
        .put(paper.sectionPath(0) + "/content")
        .then()
        .statusCode(403);
    contributor
        .as()
        .contentType(ContentType.JSON)
        .header("If-Match", Fixture.etagOf(paper.sectionPath(0)))
        .body(save("contributor"))
        .put(paper.sectionPath(0) + "/content")
        .then()
        .statusCode(403)
        .body("detail", containsString("breakout group"));
    editor
        .as()
        .contentType(ContentType.JSON)
        .header("If-Match", Fixture.etagOf(paper.sectionPath(0)))
        .body(save("editor"))
        .put(paper.sectionPath(0) + "/content")
        .then()
        .statusCode(200)
        .body("author.handle", equalTo(editor.handle()));
    editor
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("heading", "B"))
        .post(paper.path() + "/sections")
        .then()
        .statusCode(201);
    contributor
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("heading", "C"))
        .post(paper.path() + "/sections")
        .then()
        .statusCode(403);
    editor.as().get(paper.path() + "/members").then().statusCode(403);
    editor
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("status", "FROZEN"))
        .post(paper.path() + "/status")
        .then()
        .statusCode(403);
  }

  @Test
  void owners_change_roles_and_remove_members_but_never_the_last_owner() {
    CreatedPaper paper = Fixture.paper().create();
    Person editor = Personas.member(paper, "EDITOR");
    long adminId = given().get("/api/me").then().extract().jsonPath().getLong("id");

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("role", "EDITOR"))
        .patch(paper.path() + "/members/" + adminId)
        .then()
        .statusCode(409)
        .body("detail", containsString("last owner"));
    given().delete(paper.path() + "/members/" + adminId).then().statusCode(409);

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("role", "OWNER"))
        .patch(paper.path() + "/members/" + editor.id())
        .then()
        .statusCode(200)
        .body("role", equalTo("OWNER"));
    editor.as().get(paper.path() + "/members").then().statusCode(200);
    editor.as().delete(paper.path() + "/members/" + adminId).then().statusCode(204);
    // Now the former editor is the only owner: not even an administrator can remove them.
    given().delete(paper.path() + "/members/" + editor.id()).then().statusCode(409);
  }

  @Test
  void invitations_expire_are_withdrawn_and_used_up_with_clear_answers() {
    CreatedPaper paper = Fixture.paper().title("Roundtable paper").create();
    String once = Personas.invitation(paper, "CONTRIBUTOR", 1);

    Personas.anonymous()
        .get("/api/invitations/" + once)
        .then()
        .statusCode(200)
        .body("paperTitle", equalTo("Roundtable paper"))
        .body("role", equalTo("CONTRIBUTOR"));
    Person first = signUp(once, 201);
    first.as().get(paper.path()).then().statusCode(200);
    signUpExpecting(once, 410, "used");

    String withdrawn = Personas.invitation(paper, "OBSERVER", 5);
    long id =
        given()
            .get(paper.path() + "/invitations")
            .then()
            .extract()
            .jsonPath()
            .getLong("find { !it.revoked && it.role == 'OBSERVER' }.id");
    given().delete(paper.path() + "/invitations/" + id).then().statusCode(204);
    signUpExpecting(withdrawn, 410, "withdrawn");

    Personas.anonymous().get("/api/invitations/not-a-real-token").then().statusCode(404);
  }

  @Test
  void an_invitation_shows_an_anonymous_inviter_only_as_a_participant() {
    CreatedPaper paper = Fixture.paper().create();
    Person owner =
        Personas.member(paper, "OWNER")
            .profile(Map.of("attribution", "ANONYMOUS", "displayName", "Real Owner Name"));
    Person named =
        Personas.member(paper, "OWNER")
            .profile(Map.of("attribution", "NAMED", "displayName", "Named Owner"));

    for (Person inviter : List.of(owner, named)) {
      String token =
          inviter
              .as()
              .contentType(ContentType.JSON)
              .body(Map.of("role", "OBSERVER", "maxUses", 1))
              .post(paper.path() + "/invitations")
              .then()
              .statusCode(201)
              .extract()
              .path("token");
      Personas.anonymous()
          .get("/api/invitations/" + token)
          .then()
          .statusCode(200)
          .body("invitedBy", equalTo(inviter == owner ? "A participant" : "Named Owner"))
          .body(not(containsString("Real Owner Name")));
    }
  }

  @Test
  void a_signed_in_person_accepts_an_invitation_once_and_a_taken_handle_is_refused() {
    CreatedPaper paper = Fixture.paper().create();
    Person person = Personas.member(Fixture.paper().create(), "OBSERVER");
    String token = Personas.invitation(paper, "EDITOR", 3);

    person
        .as()
        .post("/api/invitations/" + token + "/accept")
        .then()
        .statusCode(200)
        .body("role", equalTo("EDITOR"));
    person.as().post("/api/invitations/" + token + "/accept").then().statusCode(409);

    Personas.anonymous()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "handle",
                person.handle(),
                "displayName",
                "Someone else",
                "password",
                Personas.PASSWORD))
        .post("/api/invitations/" + token + "/sign-up")
        .then()
        .statusCode(409);
    Personas.anonymous()
        .contentType(ContentType.JSON)
        .body(Map.of("handle", "weakling", "displayName", "Weak", "password", "aaaaaaaaaaaaaa"))
        .post("/api/invitations/" + token + "/sign-up")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("password"));
  }

  @Test
  void an_administrator_may_open_any_paper_and_that_access_is_recorded() {
    Person owner = Personas.member(Fixture.paper().create(), "OBSERVER");
    long paperId =
        owner
            .as()
            .contentType(ContentType.JSON)
            .body(Map.of("title", "Private", "language", "en"))
            .post("/api/papers")
            .then()
            .extract()
            .jsonPath()
            .getLong("id");

    given().get("/api/papers/" + paperId).then().statusCode(200);

    long recorded =
        org.plenary.platform.events.Event.count(
            "type = 'admin.paper-accessed' and objectId = ?1", paperId);
    assertEquals(1, recorded);
  }

  private static Person signUp(String token, int status) {
    String handle = "s" + java.util.UUID.randomUUID().toString().substring(0, 8);
    var r =
        Personas.anonymous()
            .contentType(ContentType.JSON)
            .body(Map.of("handle", handle, "displayName", "S", "password", Personas.PASSWORD))
            .post("/api/invitations/" + token + "/sign-up")
            .then()
            .statusCode(status)
            .extract();
    return new Person(r.jsonPath().getLong("account.id"), handle, r.jsonPath().getString("token"));
  }

  private static void signUpExpecting(String token, int status, String word) {
    Personas.anonymous()
        .contentType(ContentType.JSON)
        .body(Map.of("handle", "late-comer", "displayName", "Late", "password", Personas.PASSWORD))
        .post("/api/invitations/" + token + "/sign-up")
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("detail", containsString(word));
  }
}
