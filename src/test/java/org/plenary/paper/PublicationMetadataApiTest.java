package org.plenary.paper;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
class PublicationMetadataApiTest {

  @Test
  void editors_fill_in_the_initiative_keywords_and_signatories() {
    CreatedPaper paper = Fixture.paper().create();
    Person editor = Personas.member(paper, "EDITOR");
    editor
        .as()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "initiative",
                "Roundtable on tech and peace",
                "keywords",
                List.of(" peacebuilding ", "due diligence", "peacebuilding"),
                "signatories",
                List.of(
                    Map.of("name", "Sofia Marsh", "title", "Co-convenor", "organisation", "JPL"),
                    Map.of("name", "Amina Yusuf"))))
        .patch(paper.path())
        .then()
        .statusCode(200)
        .body("initiative", equalTo("Roundtable on tech and peace"))
        .body("keywords", contains("peacebuilding", "due diligence"))
        .body("signatories.name", contains("Sofia Marsh", "Amina Yusuf"))
        .body("signatories[1].title", equalTo(null));
    given().get(paper.path()).then().body("signatories[0].organisation", equalTo("JPL"));
  }

  @Test
  void a_signatory_without_a_name_is_refused_with_the_field_named_and_nothing_changes() {
    CreatedPaper paper = Fixture.paper().create();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("initiative", "X", "signatories", List.of(Map.of("title", "Chair"))))
        .patch(paper.path())
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("signatories[0].name"));
    given().get(paper.path()).then().body("initiative", equalTo(null));
  }

  @Test
  void a_proposal_takes_a_one_paragraph_summary_and_other_sections_refuse_one() {
    CreatedPaper paper =
        Fixture.paper().withSection("Context", "Text").withProposal("Fund", "Rationale").create();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("proposalSummary", "  Donors fund local peacebuilders directly. "))
        .patch(paper.sectionPath(1))
        .then()
        .statusCode(200)
        .body("proposalSummary", equalTo("Donors fund local peacebuilders directly."));
    given()
        .get(paper.path() + "/sections")
        .then()
        .body("proposalSummary", contains(null, "Donors fund local peacebuilders directly."));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("proposalSummary", "Not a proposal"))
        .patch(paper.sectionPath(0))
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("proposalSummary"));
  }
}
