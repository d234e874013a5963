package org.plenary.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;

@QuarkusTest
class AuditApiTest {

  @Test
  void owners_read_who_did_what_from_where_filtered_by_person_and_type() {
    CreatedPaper paper = Fixture.paper().withSection("A", "a").create();
    Person editor = Personas.member(paper, "EDITOR");
    Person observer = Personas.member(paper, "OBSERVER");
    editor.save(paper.sectionPath(0), "b").statusCode(200);
    observer.save(paper.sectionPath(0), "c").statusCode(403);

    given()
        .get(paper.path() + "/audit")
        .then()
        .statusCode(200)
        .body("items.type", hasItem("section.saved"))
        .body("items.type", hasItem("invitation.used"))
        .body("items.type", hasItem("security.denied"))
        .body("items[0].address", notNullValue());
    given()
        .queryParam("actor", editor.id())
        .queryParam("type", "section.*")
        .get(paper.path() + "/audit")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].actor.handle", equalTo(editor.handle()))
        .body("items[0].payload.revision", equalTo(2));
    given()
        .queryParam("type", "security.denied")
        .get(paper.path() + "/audit")
        .then()
        .body("items.actor.id", everyItem(equalTo((int) observer.id())));
  }

  @Test
  void only_owners_read_the_log_and_bad_filters_name_the_field() {
    CreatedPaper paper = Fixture.paper().create();
    Person editor = Personas.member(paper, "EDITOR");
    editor.as().get(paper.path() + "/audit").then().statusCode(403);
    given()
        .queryParam("from", "yesterday")
        .get(paper.path() + "/audit")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("from"));
  }
}
