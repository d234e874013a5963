package org.plenary.platform.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;

/** Every state change writes exactly one event, in the same transaction; failures write none. */
@QuarkusTest
class EventLogTest {

  @Inject EntityManager em;

  List<Event> eventsOf(long paperId) {
    return QuarkusTransaction.requiringNew()
        .call(() -> Event.<Event>list("paperId = ?1 order by id", paperId));
  }

  @Test
  void each_change_records_one_event_with_who_what_and_which_object() {
    CreatedPaper paper = Fixture.paper().withSection("A", "one").create();
    Fixture.save(paper.sectionPath(0), "two").then().statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("position", 0))
        .post(paper.sectionPath(0) + "/move")
        .then()
        .statusCode(200); // no move: no event
    given().delete(paper.sectionPath(0)).then().statusCode(200);
    List<Event> events = eventsOf(paper.id());
    assertEquals(
        List.of("paper.created", "section.created", "section.saved", "section.deleted"),
        events.stream().map(e -> e.type).toList());
    Event saved = events.get(2);
    assertEquals("section", saved.objectType);
    assertEquals(paper.section(0), saved.objectId);
    assertEquals(2, ((Number) saved.payload.get("revision")).intValue());
    assertEquals(events.get(0).actorId, saved.actorId);
  }

  @Test
  void a_refused_change_records_nothing() {
    CreatedPaper paper = Fixture.paper().withSection("A", "one").create();
    int before = eventsOf(paper.id()).size();
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"s" + paper.section(0) + "-r7\"")
        .body(Map.of("body", "lost?"))
        .put(paper.sectionPath(0) + "/content")
        .then()
        .statusCode(412);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("body", "x"))
        .put(paper.sectionPath(0) + "/content")
        .then()
        .statusCode(428);
    assertEquals(before, eventsOf(paper.id()).size());
  }

  @Test
  void reopening_a_frozen_paper_is_recorded_with_its_reason() {
    CreatedPaper paper = Fixture.paper().create();
    Fixture.changeStatus(paper, "FROZEN").statusCode(200);
    Fixture.changeStatus(paper, "DRAFTING", "Late input from group B").statusCode(200);
    Event reopened = eventsOf(paper.id()).get(2);
    assertEquals("paper.reopened", reopened.type);
    assertEquals(
        Map.of("from", "FROZEN", "to", "DRAFTING", "reason", "Late input from group B"),
        reopened.payload);
  }

  @Test
  void the_database_refuses_to_rewrite_history() {
    CreatedPaper paper = Fixture.paper().withSection("A", "one").create();
    assertThrows(
        Exception.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () ->
                        em.createNativeQuery(
                                "UPDATE revision SET body = 'rewritten' WHERE section_id = "
                                    + paper.section(0))
                            .executeUpdate()));
    assertThrows(
        Exception.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () ->
                        em.createNativeQuery("DELETE FROM event WHERE paper_id = " + paper.id())
                            .executeUpdate()));
    given()
        .get(paper.sectionPath(0) + "/content")
        .then()
        .statusCode(200)
        .body("body", org.hamcrest.Matchers.equalTo("one"));
  }
}
