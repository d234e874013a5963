package org.plenary.coedit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;
import org.plenary.support.SignedIn;

/** Live typing becomes ordinary revisions, with every co-author (issue 15, "revisions stay"). */
@QuarkusTest
class CheckpointTest {

  static final String TEXT = "Companies should assess conflict risks.";

  @Inject Yjs yjs;
  @Inject Checkpoints checkpoints;

  static JsonPath saveVersion(Person person, CreatedPaper paper) {
    return person
        .as()
        .post(paper.sectionPath(0) + "/live/checkpoint")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void save_version_writes_the_live_text_as_a_revision_with_both_co_authors_then_nothing_more()
      throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person ana = Personas.member(paper, "EDITOR");
    Person ben = Personas.member(paper, "EDITOR");
    try (CoeditClient a = CoeditClient.open(yjs, paper.sectionPath(0), ana.token());
        CoeditClient b = CoeditClient.open(yjs, paper.sectionPath(0), ben.token())) {
      a.untilText(TEXT);
      b.untilText(TEXT);
      a.type("Ana: " + TEXT);
      a.untilAllSaved();
      b.untilText("Ana: " + TEXT);
      b.type("Ana: " + TEXT + " Ben.");
      b.untilAllSaved();

      JsonPath done = saveVersion(ana, paper);
      assertEquals(2, done.getInt("revision"));
      assertEquals(true, done.getBoolean("created"));
      assertEquals(List.of(ana.handle(), ben.handle()), done.getList("coAuthors.handle"));

      ana.as()
          .get(paper.sectionPath(0) + "/content")
          .then()
          .body("revision", equalTo(2))
          .body("body", equalTo("Ana: " + TEXT + " Ben."))
          .body("summary", equalTo("Live session"))
          .body("author.handle", equalTo(ben.handle()))
          .body("coAuthors.handle", equalTo(List.of(ana.handle(), ben.handle())));

      JsonPath again = saveVersion(ben, paper);
      assertEquals(2, again.getInt("revision"));
      assertEquals(false, again.getBoolean("created"));
      assertEquals(List.of(), again.getList("coAuthors"));
    }
  }

  @Test
  void a_pause_in_typing_checkpoints_one_revision_listing_both_co_authors() throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person ana = Personas.member(paper, "EDITOR");
    Person ben = Personas.member(paper, "CONTRIBUTOR");
    Fixture.save(paper.sectionPath(0), TEXT + " Owner.").then().statusCode(200);
    String start = TEXT + " Owner.";
    try (CoeditClient a = CoeditClient.open(yjs, paper.sectionPath(0), ana.token());
        CoeditClient b = CoeditClient.open(yjs, paper.sectionPath(0), SignedIn.adminToken())) {
      a.untilText(start);
      b.untilText(start);
      a.type("مرحبا " + start);
      b.type(start + " 中文.");
      a.untilAllSaved();
      b.untilAllSaved();
      String both = "مرحبا " + start + " 中文.";
      a.untilText(both);

      checkpoints.pausedFor(Duration.ZERO);
      checkpoints.pausedFor(Duration.ZERO); // a second run (another instance) writes nothing

      ana.as()
          .get(paper.sectionPath(0) + "/revisions")
          .then()
          .body("items.size()", equalTo(3))
          .body("items[0].number", equalTo(3))
          .body("items[0].summary", equalTo("Live session"))
          .body("items[0].coAuthors.size()", equalTo(2))
          .body("items[1].coAuthors", empty());
      ana.as()
          .get(paper.sectionPath(0) + "/content")
          .then()
          .body("body", equalTo(both))
          .body("coAuthors.handle", org.hamcrest.Matchers.hasItems(ana.handle(), "admin"));
    }
  }

  @Test
  void save_version_is_refused_to_an_observer_and_unknown_sections_and_on_a_frozen_paper() {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person observer = Personas.member(paper, "OBSERVER");
    observer
        .as()
        .post(paper.sectionPath(0) + "/live/checkpoint")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    Person ana = Personas.member(paper, "EDITOR");
    ana.as()
        .post(paper.path() + "/sections/999999999/live/checkpoint")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    Fixture.changeStatus(paper, "FROZEN").statusCode(200);
    ana.as()
        .post(paper.sectionPath(0) + "/live/checkpoint")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("frozen"));
  }
}
