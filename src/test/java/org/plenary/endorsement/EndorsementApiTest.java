package org.plenary.endorsement;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;

@QuarkusTest
class EndorsementApiTest {

  private static CreatedPaper paper() {
    return Fixture.paper()
        .withSection("Context", "Why this matters.")
        .withProposal("Fund local peacebuilders", "Donors should fund them directly.")
        .create();
  }

  private static ValidatableResponse take(Person who, CreatedPaper paper, Map<String, ?> stance) {
    return who.as()
        .contentType(ContentType.JSON)
        .body(stance)
        .put(paper.sectionPath(1) + "/endorsement")
        .then();
  }

  private static JsonPath tally(Person who, CreatedPaper paper) {
    return who.as()
        .get(paper.sectionPath(1) + "/endorsements")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static Person member(CreatedPaper paper, String group) {
    return Personas.member(paper, "CONTRIBUTOR")
        .profile(Map.of("stakeholderGroup", group, "organisation", "Org of " + group));
  }

  // ---- Bad input ------------------------------------------------------------------------------

  @Test
  void reservations_and_objections_need_their_text_and_nothing_is_stored_without_it() {
    CreatedPaper paper = paper();
    Person p = member(paper, "CIVIL_SOCIETY");

    take(p, paper, Map.of("stance", "ENDORSE_WITH_RESERVATIONS"))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("statement"));
    take(p, paper, Map.of("stance", "OBJECT", "statement", "  "))
        .statusCode(422)
        .body("errors.field", hasItem("statement"));
    take(p, paper, Map.of("stance", "MAYBE")).statusCode(400);
    take(p, paper, Map.of()).statusCode(422).body("errors.field", hasItem("stance"));
    assertEquals(0, tally(p, paper).getInt("tally.total"));
  }

  @Test
  void only_proposals_take_endorsements() {
    CreatedPaper paper = paper();
    Person p = member(paper, "CIVIL_SOCIETY");
    p.as()
        .contentType(ContentType.JSON)
        .body(Map.of("stance", "ENDORSE"))
        .put(paper.sectionPath(0) + "/endorsement")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("sectionId"));
    p.as().get(paper.sectionPath(0) + "/endorsements").then().statusCode(422);
  }

  @Test
  void endorsing_for_an_organisation_needs_one_in_the_profile() {
    CreatedPaper paper = paper();
    Person p = Personas.member(paper, "CONTRIBUTOR");
    take(p, paper, Map.of("stance", "ENDORSE", "capacity", "ORGANISATION"))
        .statusCode(422)
        .body("errors.field", hasItem("capacity"));
    p.profile(Map.of("organisation", "Peace Direct"));
    take(p, paper, Map.of("stance", "ENDORSE", "capacity", "ORGANISATION"))
        .statusCode(200)
        .body("mine.capacity", equalTo("ORGANISATION"))
        .body("mine.organisation", equalTo("Peace Direct"));
  }

  // ---- One stance per person ------------------------------------------------------------------

  @Test
  void a_person_has_one_current_stance_which_they_change_or_withdraw() {
    CreatedPaper paper = paper();
    Person p = member(paper, "CIVIL_SOCIETY");

    take(p, paper, Map.of("stance", "ENDORSE")).statusCode(200).body("tally.endorse", equalTo(1));
    take(p, paper, Map.of("stance", "OBJECT", "statement", "On reflection, too vague"))
        .statusCode(200)
        .body("tally.total", equalTo(1))
        .body("tally.endorse", equalTo(0))
        .body("tally.object", equalTo(1))
        .body("mine.statement", equalTo("On reflection, too vague"));
    p.as()
        .delete(paper.sectionPath(1) + "/endorsement")
        .then()
        .statusCode(200)
        .body("tally.total", equalTo(0))
        .body("mine", nullValue());
    p.as().delete(paper.sectionPath(1) + "/endorsement").then().statusCode(200);

    // The history stays: both stances are in the person's data export.
    p.as()
        .get("/api/me/data")
        .then()
        .body("endorsements", hasSize(2))
        .body("endorsements[0].ended", equalTo("CHANGED"))
        .body("endorsements[1].ended", equalTo("WITHDRAWN"));
  }

  // ---- Tallies --------------------------------------------------------------------------------

  @Test
  void the_tally_shows_when_support_comes_from_one_sector_only() {
    CreatedPaper paper = paper();
    Person a = member(paper, "CIVIL_SOCIETY");
    Person b = member(paper, "CIVIL_SOCIETY");
    Person c = member(paper, "TECH_INDUSTRY");

    take(a, paper, Map.of("stance", "ENDORSE")).statusCode(200);
    take(b, paper, Map.of("stance", "ENDORSE_WITH_RESERVATIONS", "statement", "Fund audits too"))
        .statusCode(200);
    take(c, paper, Map.of("stance", "OBJECT", "statement", "Not our role")).statusCode(200);
    JsonPath one = tally(a, paper);
    assertEquals(1, one.getInt("tally.supportingGroups"));
    assertEquals(true, one.getBoolean("tally.singleSector"));
    assertEquals(
        Map.of(
            "group", "CIVIL_SOCIETY", "endorse", 1, "withReservations", 1, "object", 0, "total", 2),
        one.getMap("tally.byGroup.find { it.group == 'CIVIL_SOCIETY' }"));
    assertEquals(1, one.getInt("tally.byGroup.find { it.group == 'TECH_INDUSTRY' }.object"));

    take(c, paper, Map.of("stance", "ENDORSE")).statusCode(200);
    JsonPath two = tally(a, paper);
    assertEquals(2, two.getInt("tally.supportingGroups"));
    assertFalse(two.getBoolean("tally.singleSector"));
    assertEquals(3, two.getInt("tally.total"));
  }

  @Test
  void anonymous_endorsers_are_counted_everywhere_but_named_only_to_editors() {
    CreatedPaper paper = paper();
    Person anonymous =
        member(paper, "GOVERNMENT_POLICY").profile(Map.of("attribution", "ANONYMOUS"));
    Person contributor = member(paper, "CIVIL_SOCIETY");
    Person observer = Personas.member(paper, "OBSERVER");
    Person editor = Personas.member(paper, "EDITOR");
    take(anonymous, paper, Map.of("stance", "ENDORSE")).statusCode(200);

    for (Person outside : List.of(contributor, observer)) {
      String body = outside.as().get(paper.sectionPath(1) + "/endorsements").asString();
      assertFalse(body.contains(anonymous.handle()), body);
      assertFalse(body.contains("Org of GOVERNMENT_POLICY"), body);
      outside
          .as()
          .get(paper.sectionPath(1) + "/endorsements")
          .then()
          .body("tally.endorse", equalTo(1))
          .body("stances[0].endorser.displayName", equalTo("A participant"))
          .body("stances[0].stakeholderGroup", equalTo("GOVERNMENT_POLICY"));
    }
    editor
        .as()
        .get(paper.sectionPath(1) + "/endorsements")
        .then()
        .body("stances[0].endorser.handle", equalTo(anonymous.handle()))
        .body("stances[0].organisation", equalTo("Org of GOVERNMENT_POLICY"));
    anonymous
        .as()
        .get(paper.sectionPath(1) + "/endorsements")
        .then()
        .body("mine.stance", equalTo("ENDORSE"));
  }

  // ---- Versions -------------------------------------------------------------------------------

  @Test
  void a_stance_given_before_the_text_changed_shows_as_given_on_an_earlier_version() {
    CreatedPaper paper = paper();
    Person p = member(paper, "CIVIL_SOCIETY");
    take(p, paper, Map.of("stance", "ENDORSE")).body("mine.onCurrentVersion", equalTo(true));

    Fixture.save(paper.sectionPath(1), "Donors should fund them directly, over ten years.")
        .then()
        .statusCode(200);
    tally(p, paper);
    p.as()
        .get(paper.sectionPath(1) + "/endorsements")
        .then()
        .body("mine.onCurrentVersion", equalTo(false))
        .body("mine.revision", equalTo(1))
        .body("tally.onEarlierVersion", equalTo(1));

    take(p, paper, Map.of("stance", "ENDORSE"))
        .statusCode(200)
        .body("mine.onCurrentVersion", equalTo(true))
        .body("mine.revision", equalTo(2))
        .body("tally.onEarlierVersion", equalTo(0))
        .body("tally.total", equalTo(1));
  }

  @Test
  void a_stance_on_the_whole_paper_records_a_fingerprint_that_any_section_change_moves() {
    CreatedPaper paper = paper();
    Person p = member(paper, "ACADEMIA");
    String fingerprint =
        p.as()
            .contentType(ContentType.JSON)
            .body(Map.of("stance", "ENDORSE"))
            .put(paper.path() + "/endorsement")
            .then()
            .statusCode(200)
            .body("mine.onCurrentVersion", equalTo(true))
            .body("tally.endorse", equalTo(1))
            .extract()
            .path("mine.fingerprint");

    Fixture.save(paper.sectionPath(0), "Why this matters, now more than ever.")
        .then()
        .statusCode(200);
    p.as()
        .get(paper.path() + "/endorsements")
        .then()
        .statusCode(200)
        .body("paper.mine.fingerprint", equalTo(fingerprint))
        .body("paper.mine.onCurrentVersion", equalTo(false))
        .body("paper.currentFingerprint", not(equalTo(fingerprint)))
        .body("proposals", hasSize(1))
        .body("proposals[0].heading", equalTo("Fund local peacebuilders"));
  }

  // ---- Frozen papers --------------------------------------------------------------------------

  @Test
  void a_frozen_paper_refuses_every_change_of_stance() {
    CreatedPaper paper = paper();
    Person p = member(paper, "CIVIL_SOCIETY");
    take(p, paper, Map.of("stance", "ENDORSE")).statusCode(200);
    Fixture.changeStatus(paper, "FROZEN").statusCode(200);

    take(p, paper, Map.of("stance", "OBJECT", "statement", "Changed my mind"))
        .statusCode(409)
        .contentType("application/problem+json");
    p.as().delete(paper.sectionPath(1) + "/endorsement").then().statusCode(409);
    p.as()
        .contentType(ContentType.JSON)
        .body(Map.of("stance", "ENDORSE"))
        .put(paper.path() + "/endorsement")
        .then()
        .statusCode(409);
    tally(p, paper);
    p.as()
        .get(paper.sectionPath(1) + "/endorsements")
        .then()
        .body("frozen", equalTo(true))
        .body("tally.endorse", equalTo(1))
        .body("mine.stance", equalTo("ENDORSE"));
  }

  // ---- Concurrency ----------------------------------------------------------------------------

  @Test
  void many_people_endorsing_and_changing_at_once_give_exact_tallies() throws Exception {
    CreatedPaper paper = paper();
    String[] groups = {"CIVIL_SOCIETY", "TECH_INDUSTRY", "GOVERNMENT_POLICY"};
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      people.add(member(paper, groups[i % 3]));
    }
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (Person p : people) {
        // Each person sends three stances at once; the last one to commit is their stance.
        for (int k = 0; k < 3; k++) {
          answers.add(
              pool.submit(
                  () ->
                      p.as()
                          .contentType(ContentType.JSON)
                          .body(Map.of("stance", "ENDORSE"))
                          .put(paper.sectionPath(1) + "/endorsement")
                          .statusCode()));
        }
      }
      for (Future<Integer> answer : answers) {
        assertEquals(200, answer.get());
      }
    } finally {
      pool.shutdown();
    }
    JsonPath t = tally(people.get(0), paper);
    assertEquals(24, t.getInt("tally.total"));
    assertEquals(24, t.getInt("tally.endorse"));
    for (String g : groups) {
      assertEquals(8, t.getInt("tally.byGroup.find { it.group == '" + g + "' }.endorse"));
    }
    assertEquals(3, t.getInt("tally.supportingGroups"));
    assertEquals(24, t.getList("stances").size());
  }
}
