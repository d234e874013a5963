package org.plenary.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;
import org.plenary.support.SignedIn;

@QuarkusTest
class AccountCareApiTest {

  @jakarta.inject.Inject io.agroal.api.AgroalDataSource dataSource;

  private long eventsMentioning(String text) throws Exception {
    try (var c = dataSource.getConnection();
        var s = c.prepareStatement("SELECT count(*) FROM event WHERE payload::text LIKE ?")) {
      s.setString(1, "%" + text + "%");
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void an_administrator_disables_an_account_which_is_signed_out_and_cannot_sign_in() {
    Person person = Personas.member(Fixture.paper().create(), "OBSERVER");

    given().post("/api/admin/accounts/" + person.id() + "/disable").then().statusCode(200);

    person.as().get("/api/me").then().statusCode(401);
    Personas.anonymous()
        .contentType(ContentType.JSON)
        .body(Map.of("handle", person.handle(), "password", Personas.PASSWORD))
        .post("/api/auth/sign-in")
        .then()
        .statusCode(401);

    given().delete("/api/admin/accounts/" + person.id() + "/disable").then().statusCode(200);
    SignedIn.signIn(person.handle(), Personas.PASSWORD);
  }

  @Test
  void only_administrators_care_for_accounts() {
    Person person = Personas.member(Fixture.paper().create(), "OWNER");
    person.as().get("/api/admin/accounts").then().statusCode(403);
    person.as().post("/api/admin/accounts/" + person.id() + "/disable").then().statusCode(403);
    Personas.anonymous().get("/api/admin/accounts").then().statusCode(401);
  }

  @Test
  void a_reset_link_sets_a_new_password_once_and_signs_out_old_sessions() {
    Person person = Personas.member(Fixture.paper().create(), "OBSERVER");
    String link =
        given()
            .post("/api/admin/accounts/" + person.id() + "/password-reset")
            .then()
            .statusCode(201)
            .extract()
            .path("token");

    Personas.anonymous()
        .contentType(ContentType.JSON)
        .body(Map.of("token", link, "newPassword", "a brand new passphrase"))
        .post("/api/auth/password-reset")
        .then()
        .statusCode(200)
        .body("token", org.hamcrest.Matchers.startsWith("plt_"));
    person.as().get("/api/me").then().statusCode(401);
    SignedIn.signIn(person.handle(), "a brand new passphrase");
    Personas.anonymous()
        .contentType(ContentType.JSON)
        .body(Map.of("token", link, "newPassword", "yet another passphrase"))
        .post("/api/auth/password-reset")
        .then()
        .statusCode(410);
    Personas.anonymous()
        .contentType(ContentType.JSON)
        .body(Map.of("token", "made-up", "newPassword", "yet another passphrase"))
        .post("/api/auth/password-reset")
        .then()
        .statusCode(404);
  }

  @Test
  void people_download_their_data_including_what_they_wrote() {
    CreatedPaper paper = Fixture.paper().withSection("A", "a").create();
    Person editor = Personas.member(paper, "EDITOR");
    editor.save(paper.sectionPath(0), "My own words").statusCode(200);

    editor
        .as()
        .get("/api/me/data")
        .then()
        .statusCode(200)
        .header("Content-Disposition", containsString("attachment"))
        .body("profile.handle", equalTo(editor.handle()))
        .body("memberships.role", hasItem("EDITOR"))
        .body("revisions.body", hasItem("My own words"))
        .body("events.type", hasItem("section.saved"));
  }

  @Test
  void erasure_removes_the_name_everywhere_but_keeps_the_words() throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("A", "a").create();
    Person editor = Personas.member(paper, "EDITOR");
    editor.save(paper.sectionPath(0), "Words that must survive").statusCode(200);
    // Things that record events about the person: a failed sign-in, a profile change.
    Personas.anonymous()
        .contentType(ContentType.JSON)
        .body(Map.of("handle", editor.handle(), "password", "not my password"))
        .post("/api/auth/sign-in")
        .then()
        .statusCode(401);
    editor
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("displayName", "Name To Forget", "organisation", "Org To Forget"))
        .patch("/api/me")
        .then()
        .statusCode(200);

    editor
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("confirm", "yes"))
        .post("/api/me/erasure")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("confirm"));
    editor
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("confirm", "ERASE"))
        .post("/api/me/erasure")
        .then()
        .statusCode(204);

    editor.as().get("/api/me").then().statusCode(401);
    given()
        .get(paper.sectionPath(0) + "/content")
        .then()
        .body("body", equalTo("Words that must survive"))
        .body("author.displayName", equalTo("Former participant"))
        .body("author.handle", not(equalTo(editor.handle())));
    given()
        .get(paper.sectionPath(0) + "/revisions")
        .then()
        .body("items[0].author.displayName", equalTo("Former participant"));
    assertEquals(0, eventsMentioning(editor.handle()), "no event keeps the handle");
    assertEquals(0, eventsMentioning("To Forget"), "no event keeps the name or organisation");
  }
}
