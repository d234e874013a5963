package org.plenary.workshop;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

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
class WorkshopApiTest {

  private static long workshop(CreatedPaper paper) {
    return given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "title", "Session 1: lessons from the garment industry",
                "startsAt", "2026-12-03T09:00:00",
                "endsAt", "2026-12-03T11:30:00",
                "timeZone", "Africa/Nairobi",
                "onlineLink", "https://meet.example.org/plenary-1",
                "agenda", "1. Welcome\n2. Breakouts"))
        .post(paper.path() + "/workshops")
        .then()
        .statusCode(201)
        .body("startsAt", equalTo("2026-12-03T06:00:00Z"))
        .body("localStartsAt", equalTo("2026-12-03T09:00:00"))
        .extract()
        .jsonPath()
        .getLong("id");
  }

  private static long group(CreatedPaper paper, long workshopId, String name) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", name))
        .post(paper.path() + "/workshops/" + workshopId + "/groups")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  @Test
  void a_contributor_saves_only_the_sections_of_their_breakout_group() {
    CreatedPaper paper =
        Fixture.paper().withSection("Garment", "g").withSection("Extractives", "e").create();
    Person amina = Personas.member(paper, "CONTRIBUTOR");
    long w = workshop(paper);
    long g = group(paper, w, "Garment group");
    String base = paper.path() + "/workshops/" + w + "/groups/" + g;

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("accountIds", List.of(amina.id())))
        .put(base + "/members")
        .then()
        .statusCode(200)
        .body("memberIds", contains((int) amina.id()));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("sectionIds", List.of(paper.section(0))))
        .put(base + "/sections")
        .then()
        .statusCode(200);

    amina.save(paper.sectionPath(0), "Our group's text").statusCode(200);
    amina.save(paper.sectionPath(1), "Not ours").statusCode(403);

    // Taken out of the group, she can no longer save it directly.
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("accountIds", List.of()))
        .put(base + "/members")
        .then()
        .statusCode(200);
    amina.save(paper.sectionPath(0), "again").statusCode(403);
  }

  @Test
  void the_progress_view_counts_words_revisions_and_last_activity_of_a_group() {
    CreatedPaper paper = Fixture.paper().withSection("A", "one two three").create();
    Person editor = Personas.member(paper, "EDITOR");
    long w = workshop(paper);
    long g = group(paper, w, "A group");
    String base = paper.path() + "/workshops/" + w + "/groups/" + g;
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("accountIds", List.of(editor.id())))
        .put(base + "/members");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("sectionIds", List.of(paper.section(0))))
        .put(base + "/sections");
    editor.save(paper.sectionPath(0), "one two three four five").statusCode(200);

    given()
        .get(paper.path() + "/groups/" + g + "/progress")
        .then()
        .statusCode(200)
        .body("members", equalTo(1))
        .body("words", equalTo(5))
        .body("revisions", equalTo(2))
        .body("sections[0].revisionsByGroup", equalTo(1))
        .body("lastActivity", org.hamcrest.Matchers.notNullValue());
    editor.as().get(paper.path() + "/groups/" + g + "/progress").then().statusCode(403);
  }

  @Test
  void members_read_sessions_but_only_owners_arrange_them() {
    CreatedPaper paper = Fixture.paper().create();
    Person observer = Personas.member(paper, "OBSERVER");
    long w = workshop(paper);
    group(paper, w, "Tech");

    observer
        .as()
        .get(paper.path() + "/workshops")
        .then()
        .statusCode(200)
        .body("[0].groups[0].name", equalTo("Tech"))
        .body("[0].timeZone", equalTo("Africa/Nairobi"));
    observer
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Mine"))
        .post(paper.path() + "/workshops/" + w + "/groups")
        .then()
        .statusCode(403);
  }

  @Test
  void bad_sessions_and_groups_get_answers_naming_the_field() {
    CreatedPaper paper = Fixture.paper().withSection("A", "a").create();
    CreatedPaper other = Fixture.paper().withSection("B", "b").create();
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "title", "x",
                "startsAt", "2026-12-03T09:00:00",
                "endsAt", "2026-12-03T08:00:00",
                "timeZone", "Africa/Nairobi"))
        .post(paper.path() + "/workshops")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("endsAt"));
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "title", "x",
                "startsAt", "2026-12-03T09:00:00",
                "endsAt", "2026-12-03T10:00:00",
                "timeZone", "Mars/Olympus"))
        .post(paper.path() + "/workshops")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("timeZone"));
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "title", "x",
                "startsAt", "2026-12-03T09:00:00",
                "endsAt", "2026-12-03T10:00:00",
                "timeZone", "UTC",
                "onlineLink", "javascript:alert(1)"))
        .post(paper.path() + "/workshops")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("onlineLink"));
    long w = workshop(paper);
    long g = group(paper, w, "G");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "g"))
        .post(paper.path() + "/workshops/" + w + "/groups")
        .then()
        .statusCode(409);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("sectionIds", List.of(other.section(0))))
        .put(paper.path() + "/workshops/" + w + "/groups/" + g + "/sections")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("sectionIds"))
        .body("detail", containsString(String.valueOf(other.section(0))));
    given()
        .get(paper.path() + "/workshops/" + w)
        .then()
        .statusCode(200)
        .body("groups.size()", greaterThan(0));
    given().get(other.path() + "/workshops/" + w).then().statusCode(404);
  }
}
