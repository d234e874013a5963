package org.plenary.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;

@QuarkusTest
class CommentApiTest {

  static final String TEXT =
      "Companies should assess conflict risks before entering a market.\n\n"
          + "They should publish what they find, in the languages of the people affected.\n\n"
          + "Donors should fund local peacebuilders directly.";

  static final String PASSAGE = "publish what they find";

  private static JsonPath startThread(Person who, CreatedPaper paper, String body, String quote) {
    Map<String, Object> request = new HashMap<>();
    request.put("body", body);
    if (quote != null) {
      request.put("anchor", Map.of("exact", quote, "revision", revisionOf(paper)));
    }
    return who.as()
        .contentType(ContentType.JSON)
        .body(request)
        .post(paper.sectionPath(0) + "/comments")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  private static int revisionOf(CreatedPaper paper) {
    return given().get(paper.sectionPath(0) + "/content").then().extract().path("revision");
  }

  private static JsonPath thread(Person who, CreatedPaper paper, long id) {
    return who.as()
        .get(paper.path() + "/comments/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static String current(CreatedPaper paper) {
    return given().get(paper.sectionPath(0) + "/content").then().extract().path("body");
  }

  private static void assertAnchoredAt(JsonPath thread, String text, String status) {
    assertEquals(status, thread.getString("anchor.status"));
    int start = thread.getInt("anchor.start");
    int end = thread.getInt("anchor.end");
    assertEquals(thread.getString("anchor.text"), text.substring(start, end));
  }

  // ---- Anchors ------------------------------------------------------------------------------

  @Test
  void a_passage_comment_stays_on_its_passage_through_edits_before_and_after_it() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    long id = startThread(author, paper, "Which languages?", PASSAGE).getLong("id");
    JsonPath made = thread(author, paper, id);
    assertAnchoredAt(made, TEXT, "ATTACHED");
    assertEquals(TEXT.indexOf(PASSAGE), made.getInt("anchor.start"));

    String before = "A new opening paragraph that pushes everything down.\n\n" + TEXT;
    Fixture.save(paper.sectionPath(0), before).then().statusCode(200);
    JsonPath moved = thread(author, paper, id);
    assertAnchoredAt(moved, before, "ATTACHED");
    assertEquals(PASSAGE, moved.getString("anchor.text"));
    assertEquals(before.indexOf(PASSAGE), moved.getInt("anchor.start"));

    String after = before + "\n\nAnd a closing paragraph after it.";
    Fixture.save(paper.sectionPath(0), after).then().statusCode(200);
    JsonPath still = thread(author, paper, id);
    assertAnchoredAt(still, after, "ATTACHED");
    assertEquals(1, still.getInt("anchor.revision"), "the revision it was made on stays");
    assertEquals(3, still.getInt("anchor.currentRevision"));
  }

  @Test
  void an_edit_inside_the_passage_shows_it_changed_and_a_deleted_passage_shows_outdated() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    String quote = "publish what they find, in the languages of the people affected";
    long id = startThread(author, paper, "Good point.", quote).getLong("id");

    String edited = TEXT.replace("what they find", "everything they find");
    Fixture.save(paper.sectionPath(0), edited).then().statusCode(200);
    JsonPath changed = thread(author, paper, id);
    assertAnchoredAt(changed, edited, "CHANGED");
    assertEquals(quote, changed.getString("anchor.exact"), "the original quote stays");

    String gone =
        "Companies should assess conflict risks before entering a market.\n\n"
            + "Donors should fund local peacebuilders directly.";
    Fixture.save(paper.sectionPath(0), gone).then().statusCode(200);
    JsonPath outdated = thread(author, paper, id);
    assertEquals("OUTDATED", outdated.getString("anchor.status"));
    assertEquals(quote, outdated.getString("anchor.exact"));
    assertNull(outdated.get("anchor.start"));
  }

  @Test
  void threads_come_in_the_order_of_the_text_with_section_threads_first_and_outdated_last() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    long late = startThread(author, paper, "On donors", "fund local peacebuilders").getLong("id");
    long early = startThread(author, paper, "On risks", "assess conflict risks").getLong("id");
    long whole = startThread(author, paper, "On the whole section", null).getLong("id");

    author
        .as()
        .get(paper.sectionPath(0) + "/comments")
        .then()
        .statusCode(200)
        .body("id", contains((int) whole, (int) early, (int) late))
        .body("[0].anchor.status", equalTo("SECTION"));
  }

  @Test
  void an_anchor_that_is_not_in_the_text_is_refused_and_nothing_is_stored() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");

    author
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("body", "Hm", "anchor", Map.of("exact", "words nobody wrote", "revision", 1)))
        .post(paper.sectionPath(0) + "/comments")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("anchor.exact"));
    author
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("body", "Hm", "anchor", Map.of("exact", PASSAGE, "revision", 7)))
        .post(paper.sectionPath(0) + "/comments")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("anchor.revision"));
    author.as().get(paper.sectionPath(0) + "/comments").then().body("", hasSize(0));
  }

  // ---- Bad input ------------------------------------------------------------------------------

  @Test
  void empty_and_oversized_comments_are_refused_with_the_field_named() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    for (String body : List.of("", "   \n ", "x".repeat(CommentRecords.MAX_LENGTH + 1))) {
      author
          .as()
          .contentType(ContentType.JSON)
          .body(Map.of("body", body))
          .post(paper.sectionPath(0) + "/comments")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("errors.field", hasItem("body"));
    }
    author
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("body", "x".repeat(CommentRecords.MAX_LENGTH)))
        .post(paper.sectionPath(0) + "/comments")
        .then()
        .statusCode(201);
    author.as().get(paper.sectionPath(0) + "/comments").then().body("", hasSize(1));
  }

  @Test
  void a_mention_of_someone_outside_the_paper_is_refused_and_nothing_is_stored() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    Person member = Personas.member(paper, "CONTRIBUTOR");
    Person stranger = Personas.member(Fixture.paper().create(), "CONTRIBUTOR");

    author
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("body", "@" + member.handle() + " and @" + stranger.handle() + ", see this"))
        .post(paper.sectionPath(0) + "/comments")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("body"))
        .body("errors.message", hasItem(containsString("@" + stranger.handle())))
        .body("errors.message", hasItem(not(containsString("@" + member.handle()))));
    author.as().get(paper.sectionPath(0) + "/comments").then().body("", hasSize(0));

    author
        .as()
        .get(paper.path() + "/mentionable?q=" + member.handle().substring(0, 6))
        .then()
        .statusCode(200)
        .body("handle", hasItem(member.handle()))
        .body("handle", not(hasItem(stranger.handle())));
  }

  // ---- Threads --------------------------------------------------------------------------------

  @Test
  void replies_edits_and_deletions_keep_every_word() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    Person other = Personas.member(paper, "CONTRIBUTOR");
    long id = startThread(author, paper, "First thought", PASSAGE).getLong("id");

    JsonPath replied =
        other
            .as()
            .contentType(ContentType.JSON)
            .body(Map.of("body", "An answer"))
            .post(paper.path() + "/comments/" + id + "/replies")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    long reply = replied.getLong("replies[0].id");
    assertEquals(id, replied.getLong("replies[0].replyTo"));

    author
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("body", "Second thought"))
        .patch(paper.path() + "/comments/" + id)
        .then()
        .statusCode(200)
        .body("comment.body", equalTo("Second thought"))
        .body("comment.edited", equalTo(true));
    other
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("body", "Not mine to change"))
        .patch(paper.path() + "/comments/" + id)
        .then()
        .statusCode(403);
    author
        .as()
        .get(paper.path() + "/comments/" + id + "/versions")
        .then()
        .body("body", contains("First thought", "Second thought"));

    other.as().delete(paper.path() + "/comments/" + reply).then().statusCode(200);
    JsonPath after = thread(author, paper, id);
    assertEquals(true, after.getBoolean("replies[0].deleted"));
    assertNull(after.get("replies[0].body"));
    author
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("body", "To the deleted one"))
        .post(paper.path() + "/comments/" + reply + "/replies")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    other
        .as()
        .get(paper.path() + "/comments/" + reply + "/versions")
        .then()
        .statusCode(200)
        .body("body", contains("An answer"));
    author.as().get(paper.path() + "/comments/" + reply + "/versions").then().statusCode(403);
  }

  @Test
  void the_threads_author_and_editors_resolve_and_reopen_but_other_participants_cannot() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    Person other = Personas.member(paper, "CONTRIBUTOR");
    Person editor = Personas.member(paper, "EDITOR");
    long id = startThread(author, paper, "Fix this", PASSAGE).getLong("id");

    other.as().post(paper.path() + "/comments/" + id + "/resolve").then().statusCode(403);
    author
        .as()
        .post(paper.path() + "/comments/" + id + "/resolve")
        .then()
        .statusCode(200)
        .body("resolved", equalTo(true));
    author.as().get(paper.sectionPath(0) + "/comments?status=open").then().body("", hasSize(0));
    editor
        .as()
        .post(paper.path() + "/comments/" + id + "/reopen")
        .then()
        .statusCode(200)
        .body("resolved", equalTo(false));
    editor
        .as()
        .post(paper.path() + "/comments/" + id + "/resolve")
        .then()
        .statusCode(200)
        .body("resolvedBy.handle", equalTo(editor.handle()));
    author
        .as()
        .get(paper.sectionPath(0) + "/comments?status=resolved")
        .then()
        .body("id", contains((int) id));
    author
        .as()
        .get(paper.sectionPath(0) + "/comments?status=closed")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("status"));
  }

  // ---- Moderation -----------------------------------------------------------------------------

  @Test
  void anyone_may_flag_and_an_editor_hides_with_a_reason_that_others_see_instead_of_the_text() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    Person observer = Personas.member(paper, "OBSERVER");
    Person editor = Personas.member(paper, "EDITOR");
    long id = startThread(author, paper, "Something rude", null).getLong("id");

    observer
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "Rude"))
        .post(paper.path() + "/comments/" + id + "/flag")
        .then()
        .statusCode(200)
        .body("comment.flaggedByMe", equalTo(true))
        .body("comment.flags", nullValue());
    editor
        .as()
        .get(paper.path() + "/comments/flagged")
        .then()
        .statusCode(200)
        .body("id", contains((int) id))
        .body("[0].comment.flags", equalTo(1));

    editor
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("reason", " "))
        .post(paper.path() + "/comments/" + id + "/hide")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("reason"));
    editor
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "Personal attack"))
        .post(paper.path() + "/comments/" + id + "/hide")
        .then()
        .statusCode(200)
        .body("comment.body", equalTo("Something rude"));
    observer
        .as()
        .get(paper.path() + "/comments/" + id)
        .then()
        .body("comment.hidden", equalTo(true))
        .body("comment.body", nullValue())
        .body("comment.hiddenReason", equalTo("Personal attack"));
    editor.as().get(paper.path() + "/comments/flagged").then().body("", hasSize(0));
    observer.as().get(paper.path() + "/comments/" + id + "/versions").then().statusCode(403);
    author
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("body", "Replying to it"))
        .post(paper.path() + "/comments/" + id + "/replies")
        .then()
        .statusCode(409);

    editor.as().post(paper.path() + "/comments/" + id + "/show").then().statusCode(200);
    observer
        .as()
        .get(paper.path() + "/comments/" + id)
        .then()
        .body("comment.body", equalTo("Something rude"));
  }

  // ---- Chatham House --------------------------------------------------------------------------

  @Test
  void observers_see_anonymous_commenters_and_their_mentions_unnamed() {
    CreatedPaper paper = Fixture.paper().withSection("A", TEXT).create();
    Person anonymous =
        Personas.member(paper, "CONTRIBUTOR").profile(Map.of("attribution", "ANONYMOUS"));
    Person named = Personas.member(paper, "CONTRIBUTOR");
    Person observer = Personas.member(paper, "OBSERVER");
    long id =
        startThread(named, paper, "I agree with @" + anonymous.handle() + " here.", null)
            .getLong("id");
    anonymous
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("body", "Thanks"))
        .post(paper.path() + "/comments/" + id + "/replies")
        .then()
        .statusCode(201);

    String seen = observer.as().get(paper.path() + "/comments/" + id).asString();
    assertEquals(false, seen.contains(anonymous.handle()), seen);
    observer
        .as()
        .get(paper.path() + "/comments/" + id)
        .then()
        .body("comment.body", equalTo("I agree with @participant here."))
        .body("replies[0].author.displayName", equalTo("A participant"))
        .body("replies[0].author.identified", equalTo(false));
    named
        .as()
        .get(paper.path() + "/comments/" + id)
        .then()
        .body("comment.body", containsString("@" + anonymous.handle()))
        .body("replies[0].author.handle", equalTo(anonymous.handle()));
  }
}
