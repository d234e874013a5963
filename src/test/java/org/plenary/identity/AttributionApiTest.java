package org.plenary.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;

/** The Chatham House rule: people in the room see who wrote what; observers see what was chosen. */
@QuarkusTest
class AttributionApiTest {

  private static void write(CreatedPaper paper, Person author, String attribution, String org) {
    author
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("attribution", attribution, "organisation", org))
        .patch("/api/me")
        .then()
        .statusCode(200);
    author
        .save(paper.sectionPath(0), "Words by someone who asked for " + attribution)
        .statusCode(200);
  }

  @Test
  void an_anonymous_author_is_a_participant_to_observers_and_named_to_the_room() {
    CreatedPaper paper = Fixture.paper().withSection("A", "a").create();
    Person author = Personas.member(paper, "EDITOR");
    Person colleague = Personas.member(paper, "CONTRIBUTOR");
    Person observer = Personas.member(paper, "OBSERVER");
    write(paper, author, "ANONYMOUS", "Civic Tech Collective");

    observer
        .as()
        .get(paper.sectionPath(0) + "/content")
        .then()
        .body("author.displayName", equalTo("A participant"))
        .body("author.id", nullValue())
        .body("author.handle", nullValue())
        .body("author.organisation", nullValue())
        .body("author.stakeholderGroup", equalTo("CIVIL_SOCIETY"))
        .body("author.identified", equalTo(false));
    observer
        .as()
        .get(paper.sectionPath(0) + "/revisions")
        .then()
        .body("items[0].author.displayName", equalTo("A participant"));
    colleague
        .as()
        .get(paper.sectionPath(0) + "/content")
        .then()
        .body("author.handle", equalTo(author.handle()))
        .body("author.organisation", equalTo("Civic Tech Collective"))
        .body("author.identified", equalTo(true));
  }

  @Test
  void an_organisation_only_author_shows_the_organisation_to_observers() {
    CreatedPaper paper = Fixture.paper().withSection("A", "a").create();
    Person author = Personas.member(paper, "EDITOR");
    Person observer = Personas.member(paper, "OBSERVER");
    write(paper, author, "ORGANISATION_ONLY", "Peace Tech Lab");

    observer
        .as()
        .get(paper.sectionPath(0) + "/content")
        .then()
        .body("author.displayName", equalTo("A participant from Peace Tech Lab"))
        .body("author.organisation", equalTo("Peace Tech Lab"))
        .body("author.handle", nullValue());
  }
}
