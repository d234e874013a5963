package org.plenary.notification;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;

@QuarkusTest
class NotificationApiTest {

  static final String TEXT = "Companies should assess conflict risks.\n\nDonors should fund peace.";

  @Inject MockMailbox mailbox;
  @Inject io.agroal.api.AgroalDataSource dataSource;

  @Test
  void the_reasons_the_code_knows_are_exactly_the_ones_the_database_accepts() throws Exception {
    List<String> catalogue = new java.util.ArrayList<>();
    try (var c = dataSource.getConnection();
        var s = c.createStatement();
        var rs = s.executeQuery("SELECT name FROM notification_reason ORDER BY name")) {
      while (rs.next()) {
        catalogue.add(rs.getString(1));
      }
    }
    assertEquals(
        java.util.Arrays.stream(Reason.values()).map(Reason::name).sorted().toList(), catalogue);
  }

  private static JsonPath inbox(Person who) {
    return who.as().get("/api/me/notifications").then().statusCode(200).extract().jsonPath();
  }

  private static long thread(Person who, CreatedPaper paper, String body) {
    return who.as()
        .contentType(ContentType.JSON)
        .body(Map.of("body", body))
        .post(paper.sectionPath(0) + "/comments")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  private static void reply(Person who, CreatedPaper paper, long id, String body) {
    who.as()
        .contentType(ContentType.JSON)
        .body(Map.of("body", body))
        .post(paper.path() + "/comments/" + id + "/replies")
        .then()
        .statusCode(201);
  }

  @Test
  void a_mention_tells_the_person_mentioned_and_never_the_one_who_wrote_it() {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    Person mentioned = Personas.member(paper, "CONTRIBUTOR");
    long id = thread(author, paper, "@" + mentioned.handle() + " what do you think?");

    JsonPath got = inbox(mentioned);
    assertEquals(1, got.getInt("unread"));
    assertEquals("MENTION", got.getString("items[0].reason"));
    assertEquals("comment.created", got.getString("items[0].type"));
    assertEquals(paper.section(0), got.getLong("items[0].sectionId"));
    assertEquals("Context", got.getString("items[0].sectionHeading"));
    assertEquals(id, got.getLong("items[0].threadId"));
    assertEquals(author.handle(), got.getString("items[0].actor.handle"));
    assertTrue(got.getString("items[0].excerpt").endsWith("what do you think?"));
    assertEquals(0, inbox(author).getInt("unread"));
    assertEquals(0, inbox(author).getList("items").size());
  }

  @Test
  void a_reply_tells_everyone_in_the_thread_and_read_marks_clear_the_count() {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person starter = Personas.member(paper, "CONTRIBUTOR");
    Person second = Personas.member(paper, "CONTRIBUTOR");
    Person third = Personas.member(paper, "EDITOR");
    Person bystander = Personas.member(paper, "CONTRIBUTOR");
    long id = thread(starter, paper, "Opening");
    reply(second, paper, id, "First reply");
    reply(third, paper, id, "Second reply");

    assertEquals(2, inbox(starter).getInt("unread"));
    assertEquals(List.of("REPLY", "REPLY"), inbox(starter).getList("items.reason"));
    assertEquals(1, inbox(second).getInt("unread"), "told of the reply after theirs");
    assertEquals(0, inbox(third).getInt("unread"));
    assertEquals(0, inbox(bystander).getInt("unread"));

    long newest = inbox(starter).getLong("items[0].id");
    long oldest = inbox(starter).getLong("items[1].id");
    starter
        .as()
        .post("/api/me/notifications/" + oldest + "/read")
        .then()
        .statusCode(200)
        .body("unread", equalTo(1));
    starter
        .as()
        .get("/api/me/notifications?unread=true")
        .then()
        .body("items.id", contains((int) newest));
    starter
        .as()
        .post("/api/me/notifications/read")
        .then()
        .statusCode(200)
        .body("unread", equalTo(0));
    starter.as().get("/api/me/notifications/unread").then().body("unread", equalTo(0));
    assertEquals(2, inbox(starter).getList("items").size(), "read ones stay listed");
    second.as().post("/api/me/notifications/" + oldest + "/read").then().statusCode(404);
  }

  @Test
  void draft_authors_are_told_when_their_draft_is_outdated_merged_or_rejected() {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    Person editor = Personas.member(paper, "EDITOR");
    long first = draft(author, paper, TEXT.replace("assess", "assess and publish"));
    long second = draft(author, paper, TEXT.replace("peace", "peacebuilders"));

    editor.save(paper.sectionPath(0), TEXT + "\n\nAn editor's own line.").statusCode(200);
    JsonPath outdated = inbox(author);
    assertEquals(List.of("DRAFT_OUTDATED", "DRAFT_OUTDATED"), outdated.getList("items.reason"));
    assertEquals(2, outdated.getInt("items[0].revision"));

    editor
        .as()
        .contentType(ContentType.JSON)
        .header("If-Match", Fixture.etagOf(paper.sectionPath(0)))
        .post(paper.path() + "/drafts/" + first + "/merge")
        .then()
        .statusCode(200);
    editor
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "Covered by the merged draft"))
        .post(paper.path() + "/drafts/" + second + "/reject")
        .then()
        .statusCode(200);
    JsonPath after = inbox(author);
    assertEquals("DRAFT_REJECTED", after.getString("items[0].reason"));
    assertEquals(second, after.getLong("items[0].draftId"));
    assertEquals("DRAFT_MERGED", after.getString("items[1].reason"));
    assertEquals(first, after.getLong("items[1].draftId"));
    assertEquals(editor.handle(), after.getString("items[1].actor.handle"));
  }

  @Test
  void endorsers_are_told_once_when_the_proposal_changes_after_their_stance() {
    CreatedPaper paper = Fixture.paper().withProposal("Fund peace", "Donors should fund.").create();
    Person endorser = Personas.member(paper, "CONTRIBUTOR");
    Person objector = Personas.member(paper, "CONTRIBUTOR");
    endorser
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("stance", "ENDORSE"))
        .put(paper.sectionPath(0) + "/endorsement")
        .then()
        .statusCode(200);
    objector
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("stance", "OBJECT", "statement", "Too vague"))
        .put(paper.sectionPath(0) + "/endorsement")
        .then()
        .statusCode(200);

    Fixture.save(paper.sectionPath(0), "Donors should fund, for ten years.").then().statusCode(200);
    Fixture.save(paper.sectionPath(0), "Donors should fund, for twelve years.")
        .then()
        .statusCode(200);

    for (Person p : List.of(endorser, objector)) {
      JsonPath got = inbox(p);
      assertEquals(List.of("ENDORSED_PROPOSAL_CHANGED"), got.getList("items.reason"));
      assertEquals(2, got.getInt("items[0].revision"));
    }
    // Re-confirming makes the next change tell them again.
    endorser
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("stance", "ENDORSE"))
        .put(paper.sectionPath(0) + "/endorsement")
        .then()
        .statusCode(200);
    Fixture.save(paper.sectionPath(0), "Donors should fund, for fifteen years.")
        .then()
        .statusCode(200);
    assertEquals(2, inbox(endorser).getList("items").size());
    assertEquals(1, inbox(objector).getList("items").size());
  }

  @Test
  void a_removed_member_no_longer_sees_the_papers_notifications() {
    CreatedPaper paper = Fixture.paper().withSection("Context", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    Person mentioned = Personas.member(paper, "CONTRIBUTOR");
    thread(author, paper, "@" + mentioned.handle() + " look");
    assertEquals(1, inbox(mentioned).getInt("unread"));

    io.restassured.RestAssured.given()
        .delete(paper.path() + "/members/" + mentioned.id())
        .then()
        .statusCode(204);
    mentioned.as().get("/api/me/notifications").then().body("items", hasSize(0));
    assertEquals(0, inbox(mentioned).getInt("unread"));
  }

  @Test
  void people_with_an_address_get_an_email_and_others_do_not() throws Exception {
    CreatedPaper paper =
        Fixture.paper().title("Mail test paper").withSection("Context", TEXT).create();
    Person author = Personas.member(paper, "CONTRIBUTOR");
    Person withMail =
        Personas.member(paper, "CONTRIBUTOR").profile(Map.of("email", "amina@example.org"));
    Person optedOut =
        Personas.member(paper, "CONTRIBUTOR")
            .profile(Map.of("email", "lee@example.org", "emailNotifications", false));
    Person noMail = Personas.member(paper, "CONTRIBUTOR");
    thread(
        author,
        paper,
        "@"
            + withMail.handle()
            + " @"
            + optedOut.handle()
            + " @"
            + noMail.handle()
            + " please check the figures");

    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (mailbox.getMailsSentTo("amina@example.org").isEmpty()
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    List<Mail> mails = mailbox.getMailsSentTo("amina@example.org");
    assertEquals(1, mails.size());
    assertTrue(mails.get(0).getSubject().contains("Mail test paper"), mails.get(0).getSubject());
    assertTrue(mails.get(0).getText().contains("please check the figures"), mails.get(0).getText());
    assertTrue(mails.get(0).getText().contains("mentioned you"), mails.get(0).getText());
    Thread.sleep(1500); // two more sending rounds: nothing else goes out
    assertEquals(1, mailbox.getMailsSentTo("amina@example.org").size());
    assertEquals(0, mailbox.getMailsSentTo("lee@example.org").size());
    withMail
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("email", "not an address"))
        .patch("/api/me")
        .then()
        .statusCode(422)
        .body("errors.field", org.hamcrest.Matchers.hasItem("email"));
  }

  private static long draft(Person who, CreatedPaper paper, String body) {
    return who.as()
        .contentType(ContentType.JSON)
        .body(Map.of("body", body, "submit", true))
        .post(paper.sectionPath(0) + "/drafts")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }
}
