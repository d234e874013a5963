package org.plenary.draft;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;

@QuarkusTest
class DraftApiTest {

  static final String TEXT =
      "Companies should assess conflict risks before entering a market.\n\n"
          + "They should publish what they find, in the languages of the people affected.\n\n"
          + "Donors should fund local peacebuilders directly.";

  private static long draft(Person who, CreatedPaper paper, String body, boolean submit) {
    return who.as()
        .contentType(ContentType.JSON)
        .body(Map.of("body", body, "rationale", "Why this matters", "submit", submit))
        .post(paper.sectionPath(0) + "/drafts")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  private static ValidatableResponse merge(
      Person editor, CreatedPaper paper, long draftId, Object body) {
    var request =
        editor
            .as()
            .contentType(ContentType.JSON)
            .header("If-Match", Fixture.etagOf(paper.sectionPath(0)));
    if (body != null) {
      request.body(body);
    }
    return request.post(paper.path() + "/drafts/" + draftId + "/merge").then();
  }

  @Test
  void a_private_draft_is_seen_only_by_its_author_until_it_is_submitted() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    Person editor = Personas.member(paper, "EDITOR");
    long id = draft(author, paper, TEXT + "\n\nA new paragraph.", false);

    author
        .as()
        .get(paper.path() + "/drafts/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("DRAFT"));
    editor.as().get(paper.path() + "/drafts/" + id).then().statusCode(404);
    editor.as().get(paper.path() + "/drafts").then().body("id", not(hasItem((int) id)));

    author.as().post(paper.path() + "/drafts/" + id + "/submit").then().statusCode(200);

    editor
        .as()
        .get(paper.path() + "/drafts/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("OPEN"))
        .body("outdated", equalTo(false));
  }

  @Test
  void a_private_draft_its_author_withdraws_stays_private() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    Person editor = Personas.member(paper, "EDITOR");
    long id = draft(author, paper, TEXT + "\n\nA thought not for others yet.", false);

    author.as().post(paper.path() + "/drafts/" + id + "/withdraw").then().statusCode(200);

    author
        .as()
        .get(paper.path() + "/drafts/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"));
    editor.as().get(paper.path() + "/drafts/" + id).then().statusCode(404);
    editor.as().get(paper.path() + "/drafts").then().body("id", not(hasItem((int) id)));
    editor
        .as()
        .get(paper.path() + "/drafts?status=WITHDRAWN")
        .then()
        .body("id", not(hasItem((int) id)));
  }

  @Test
  void a_submitted_draft_its_author_withdraws_stays_visible_to_the_editors() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    Person editor = Personas.member(paper, "EDITOR");
    long id = draft(author, paper, TEXT + "\n\nA proposal on the table.", false);
    author.as().post(paper.path() + "/drafts/" + id + "/submit").then().statusCode(200);

    author.as().post(paper.path() + "/drafts/" + id + "/withdraw").then().statusCode(200);

    editor
        .as()
        .get(paper.path() + "/drafts/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"));
  }

  @Test
  void two_drafts_of_one_paragraph_merge_one_after_another_with_their_authors_kept() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person amina = Personas.member(paper, "CONTRIBUTOR");
    Person jonas = Personas.member(paper, "CONTRIBUTOR");
    Person editor = Personas.member(paper, "EDITOR");
    long first = draft(amina, paper, TEXT.replace("should assess", "must assess"), true);
    long second = draft(jonas, paper, TEXT.replace("before entering", "before they enter"), true);

    merge(editor, paper, first, null)
        .statusCode(200)
        .body("status", equalTo("MERGED"))
        .body("mergedRevision", equalTo(2));
    // The other draft is now outdated, and its preview is computed against the new text.
    editor.as().get(paper.path() + "/drafts/" + second).then().body("outdated", equalTo(true));
    editor
        .as()
        .get(paper.path() + "/drafts/" + second + "/merge-preview")
        .then()
        .statusCode(200)
        .body("clean", equalTo(true))
        .body("currentRevision", equalTo(2))
        .body("text", containsString("must assess conflict risks before they enter"));
    merge(editor, paper, second, null).statusCode(200);

    given()
        .get(paper.sectionPath(0) + "/content")
        .then()
        .body(
            "body",
            equalTo(
                TEXT.replace("should assess", "must assess")
                    .replace("before entering", "before they enter")))
        .body("author.handle", equalTo(jonas.handle()))
        .body("mergedBy.handle", equalTo(editor.handle()))
        .body("draftId", equalTo((int) second))
        .body("summary", containsString("Merged draft #" + second));
    given()
        .get(paper.sectionPath(0) + "/revisions/2")
        .then()
        .body("author.handle", equalTo(amina.handle()));
  }

  @Test
  void a_conflict_must_be_resolved_and_nothing_is_applied_until_it_is() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    Person editor = Personas.member(paper, "EDITOR");
    long id =
        draft(author, paper, TEXT.replace("local peacebuilders", "local women's groups"), true);
    editor
        .save(paper.sectionPath(0), TEXT.replace("local peacebuilders", "local mediators"))
        .statusCode(200);

    editor
        .as()
        .get(paper.path() + "/drafts/" + id + "/merge-preview")
        .then()
        .body("clean", equalTo(false))
        .body("conflicts", equalTo(1))
        .body("regions.find { it.kind == 'conflict' }.ours", equalTo("mediators"))
        .body("regions.find { it.kind == 'conflict' }.theirs", equalTo("women's groups"))
        .body("text", nullValue());

    merge(editor, paper, id, null).statusCode(409).body("unresolved", contains(0));
    given().get(paper.sectionPath(0) + "/content").then().body("revision", equalTo(2));
    editor.as().get(paper.path() + "/drafts/" + id).then().body("status", equalTo("OPEN"));

    merge(editor, paper, id, Map.of("resolutions", List.of(Map.of("region", 5, "take", "OURS"))))
        .statusCode(422)
        .body("errors[0].field", equalTo("resolutions[0].region"));
    merge(editor, paper, id, Map.of("resolutions", List.of(Map.of("take", "OURS"))))
        .statusCode(422)
        .body("errors[0].field", equalTo("resolutions[0].region"));
    merge(
            editor,
            paper,
            id,
            Map.of(
                "resolutions",
                List.of(
                    Map.of("region", 0, "take", "TEXT", "text", "mediators and women's groups"))))
        .statusCode(200)
        .body("status", equalTo("MERGED"));
    given()
        .get(paper.sectionPath(0) + "/content")
        .then()
        .body("body", containsString("fund local mediators and women's groups directly"));
  }

  @Test
  void merging_needs_the_current_etag_and_the_right_to_edit() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    Person editor = Personas.member(paper, "EDITOR");
    long id = draft(author, paper, TEXT + " More.", true);

    editor
        .as()
        .contentType(ContentType.JSON)
        .post(paper.path() + "/drafts/" + id + "/merge")
        .then()
        .statusCode(428);
    editor
        .as()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"s" + paper.section(0) + "-r7\"")
        .post(paper.path() + "/drafts/" + id + "/merge")
        .then()
        .statusCode(412);
    author
        .as()
        .contentType(ContentType.JSON)
        .header("If-Match", Fixture.etagOf(paper.sectionPath(0)))
        .post(paper.path() + "/drafts/" + id + "/merge")
        .then()
        .statusCode(403);
    author
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "no"))
        .post(paper.path() + "/drafts/" + id + "/reject")
        .then()
        .statusCode(403);
    editor.as().get(paper.path() + "/drafts/" + id).then().body("status", equalTo("OPEN"));
  }

  @Test
  void an_outdated_draft_is_rebased_by_its_author_onto_the_current_text() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    Person other = Personas.member(paper, "CONTRIBUTOR");
    Person editor = Personas.member(paper, "EDITOR");
    long id = draft(author, paper, TEXT.replace("Donors should", "Donors must"), true);
    editor
        .save(paper.sectionPath(0), TEXT.replace("Companies should", "Firms should"))
        .statusCode(200);

    String etag =
        author
            .as()
            .get(paper.path() + "/drafts/" + id)
            .then()
            .body("outdated", equalTo(true))
            .extract()
            .header("ETag");
    long outdatedEvents =
        org.plenary.platform.events.Event.count("type = 'draft.outdated' and objectId = ?1", id);
    assertEquals(1, outdatedEvents, "the author is told the draft is outdated");

    other
        .as()
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .post(paper.path() + "/drafts/" + id + "/rebase")
        .then()
        .statusCode(403);
    author
        .as()
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .post(paper.path() + "/drafts/" + id + "/rebase")
        .then()
        .statusCode(200)
        .body("outdated", equalTo(false))
        .body("baseRevision", equalTo(2))
        .body("version", equalTo(2))
        .body(
            "body",
            equalTo(
                TEXT.replace("Companies should", "Firms should")
                    .replace("Donors should", "Donors must")));
    author
        .as()
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(Map.of("rationale", "stale"))
        .patch(paper.path() + "/drafts/" + id)
        .then()
        .statusCode(412);
  }

  @Test
  void decided_drafts_stay_decided_and_rejections_say_why() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    Person editor = Personas.member(paper, "EDITOR");
    long rejected = draft(author, paper, TEXT + " X.", true);
    long withdrawn = draft(author, paper, TEXT + " Y.", true);

    editor
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "Out of scope for this paper"))
        .post(paper.path() + "/drafts/" + rejected + "/reject")
        .then()
        .statusCode(200)
        .body("status", equalTo("REJECTED"))
        .body("decisionReason", equalTo("Out of scope for this paper"));
    author.as().post(paper.path() + "/drafts/" + withdrawn + "/withdraw").then().statusCode(200);

    merge(editor, paper, rejected, null).statusCode(409);
    author.as().post(paper.path() + "/drafts/" + withdrawn + "/submit").then().statusCode(409);
    editor
        .as()
        .get(paper.path() + "/drafts?status=REJECTED")
        .then()
        .body("id", contains((int) rejected));
  }

  @Test
  void drafts_are_refused_on_deleted_sections_and_frozen_papers() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).withSection("B", "b").create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    given().delete(paper.sectionPath(1)).then().statusCode(200);
    author
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("body", "x"))
        .post(paper.sectionPath(1) + "/drafts")
        .then()
        .statusCode(409);

    Fixture.changeStatus(paper, "FROZEN").statusCode(200);
    author
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("body", "x"))
        .post(paper.sectionPath(0) + "/drafts")
        .then()
        .statusCode(409)
        .body("paperStatus", equalTo("FROZEN"));
    author
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("body", "x", "baseRevision", 9))
        .post(paper.sectionPath(0) + "/drafts")
        .then()
        .statusCode(409);
  }

  @Test
  void two_drafts_of_a_section_can_be_compared_and_each_against_its_base() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person a = Personas.member(paper, "CONTRIBUTOR");
    Person b = Personas.member(paper, "CONTRIBUTOR");
    long first = draft(a, paper, TEXT.replace("Donors", "Governments"), true);
    long second = draft(b, paper, TEXT.replace("Donors", "Foundations"), true);

    given()
        .get(paper.path() + "/drafts/" + first + "/diff")
        .then()
        .statusCode(200)
        .body("identical", equalTo(false))
        .body("stats.wordsInserted", equalTo(1));
    given()
        .get(paper.path() + "/drafts/" + first + "/compare/" + second)
        .then()
        .statusCode(200)
        .body("stats.wordsDeleted", equalTo(1))
        .body("stats.wordsInserted", equalTo(1));
  }

  @Test
  void a_rebase_with_a_conflict_needs_its_resolution_and_the_diff_shows_both_views() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    Person editor = Personas.member(paper, "EDITOR");
    long id = draft(author, paper, TEXT.replace("Donors should", "Donors could"), true);
    editor.save(paper.sectionPath(0), TEXT.replace("Donors should", "Donors will")).statusCode(200);

    given()
        .get(paper.path() + "/drafts/" + id + "/diff?against=current")
        .then()
        .statusCode(200)
        .body("against", equalTo("current"))
        .body("revision", equalTo(2));
    String etag = author.as().get(paper.path() + "/drafts/" + id).then().extract().header("ETag");
    author
        .as()
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .post(paper.path() + "/drafts/" + id + "/rebase")
        .then()
        .statusCode(409)
        .body("unresolved", contains(0));
    author
        .as()
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(Map.of("resolutions", List.of(Map.of("region", 0, "take", "THEIRS"))))
        .post(paper.path() + "/drafts/" + id + "/rebase")
        .then()
        .statusCode(200)
        .body("baseRevision", equalTo(2))
        .body("body", containsString("Donors could"));
  }

  @Test
  void a_frozen_paper_refuses_merges_and_draft_changes_but_not_withdrawals() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    Person editor = Personas.member(paper, "EDITOR");
    long id = draft(author, paper, TEXT + " More.", true);
    Fixture.changeStatus(paper, "FROZEN").statusCode(200);

    merge(editor, paper, id, null).statusCode(409).body("paperStatus", equalTo("FROZEN"));
    String etag = author.as().get(paper.path() + "/drafts/" + id).then().extract().header("ETag");
    author
        .as()
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(Map.of("rationale", "x"))
        .patch(paper.path() + "/drafts/" + id)
        .then()
        .statusCode(409);
    author.as().post(paper.path() + "/drafts/" + id + "/withdraw").then().statusCode(200);
    given().get(paper.sectionPath(0) + "/content").then().body("revision", equalTo(1));
  }
}
