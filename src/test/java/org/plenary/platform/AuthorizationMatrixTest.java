package org.plenary.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.plenary.identity.AccessTokens;
import org.plenary.support.Fixture;
import org.plenary.support.Personas;
import org.plenary.support.SignedIn;
import org.plenary.support.SseClient;

/**
 * Every API operation against every kind of caller, as {@code authorization-matrix.tsv} (written by
 * hand from the README's permission matrix) says it must answer, on real papers with real members,
 * breakout groups and tokens. No answer to a caller outside the paper may contain any of the
 * paper's words.
 */
@QuarkusTest
class AuthorizationMatrixTest {

  static final List<String> CALLERS =
      List.of(
          "owner",
          "editor",
          "contrib_in",
          "contrib_out",
          "observer",
          "outsider",
          "anonymous",
          "expired",
          "forged");

  @Inject AccessTokens tokens;
  @Inject AgroalDataSource dataSource;

  record Row(
      int line,
      String method,
      String path,
      String body,
      Set<String> flags,
      Map<String, Integer> expected) {
    String operation() {
      String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
      return method
          + " "
          + p.replaceAll("\\{(section|deletedSection|proposal)}", "{sectionId}")
              .replace("/revisions/1", "/revisions/{number}");
    }
  }

  static List<Row> matrix() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in =
        AuthorizationMatrixTest.class.getResourceAsStream("/authorization-matrix.tsv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        assertEquals(4 + CALLERS.size(), cells.length, "columns on line " + (i + 1) + ": " + line);
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (int c = 0; c < CALLERS.size(); c++) {
          expected.put(CALLERS.get(c), Integer.valueOf(cells[4 + c]));
        }
        rows.add(
            new Row(
                i + 1,
                cells[0],
                cells[1],
                cells[2].equals("-") ? null : cells[2],
                cells[3].equals("-") ? Set.of() : Set.of(cells[3].split(",")),
                expected));
      }
    }
    return rows;
  }

  /** The people of a test paper; each signs in once for the whole class. */
  static final class People {
    final Map<String, String> tokens = new HashMap<>();
    final Map<String, String> handles = new HashMap<>();
    final Map<String, Long> ids = new HashMap<>();
    String lobbyInvitation;
  }

  private static People people;

  private People people() throws Exception {
    if (people != null) {
      return people;
    }
    People p = new People();
    Fixture.CreatedPaper lobby = Fixture.paper().create();
    p.lobbyInvitation = Personas.invitation(lobby, "OBSERVER", 1000);
    for (String who :
        List.of("owner", "editor", "contrib_in", "contrib_out", "observer", "outsider", "spare")) {
      Personas.Person person = signUp(p.lobbyInvitation);
      p.tokens.put(who, person.token());
      p.handles.put(who, person.handle());
      p.ids.put(who, person.id());
    }
    p.handles.put("stranger", signUp(p.lobbyInvitation).handle());
    // An expired token of a real, active account.
    String expired = tokens.issue(p.ids.get("observer")).token();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE access_token SET expires_at = now() - interval '1 day'"
                    + " WHERE token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')")) {
      s.setString(1, expired);
      assertEquals(1, s.executeUpdate());
    }
    p.tokens.put("expired", expired);
    p.tokens.put("forged", AccessTokens.PREFIX + UUID.randomUUID() + UUID.randomUUID());
    people = p;
    return p;
  }

  private static Personas.Person signUp(String invitation) {
    String handle = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    var r =
        Personas.anonymous()
            .contentType(ContentType.JSON)
            .body(Map.of("handle", handle, "displayName", handle, "password", Personas.PASSWORD))
            .post("/api/invitations/" + invitation + "/sign-up")
            .then()
            .statusCode(201)
            .extract();
    return new Personas.Person(
        r.jsonPath().getLong("account.id"), handle, r.jsonPath().getString("token"));
  }

  /** A paper set up by the owner: members, a group writing {section}, an invitation. */
  private Map<String, String> paper(People p) {
    String marker = "secret-" + UUID.randomUUID().toString().substring(0, 8);
    RequestSpecification owner = as(p, "owner");
    var created =
        owner
            .contentType(ContentType.JSON)
            // The slug is chosen apart from the title, so no caller's own URL echoes the marker.
            .body(
                Map.of(
                    "title",
                    "Paper " + marker,
                    "language",
                    "en",
                    "slug",
                    "m-" + UUID.randomUUID().toString().substring(0, 12)))
            .post("/api/papers")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String paper = "/api/papers/" + created.getLong("id");
    List<Long> sections = new ArrayList<>();
    for (String heading : List.of("Assigned", "Other", "Deleted")) {
      sections.add(
          as(p, "owner")
              .contentType(ContentType.JSON)
              .body(Map.of("heading", heading, "body", "The secret text " + marker))
              .post(paper + "/sections")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath()
              .getLong("id"));
    }
    as(p, "owner").delete(paper + "/sections/" + sections.get(2)).then().statusCode(200);
    Map<String, String> roles =
        Map.of(
            "editor", "EDITOR",
            "contrib_in", "CONTRIBUTOR",
            "contrib_out", "CONTRIBUTOR",
            "observer", "OBSERVER",
            "spare", "OBSERVER");
    roles.forEach(
        (who, role) ->
            as(p, "owner")
                .contentType(ContentType.JSON)
                .body(Map.of("handle", p.handles.get(who), "role", role))
                .post(paper + "/members")
                .then()
                .statusCode(201));
    long workshop =
        as(p, "owner")
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "title", "Session",
                    "startsAt", "2026-12-03T09:00:00",
                    "endsAt", "2026-12-03T11:00:00",
                    "timeZone", "Africa/Nairobi"))
            .post(paper + "/workshops")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    String groups = paper + "/workshops/" + workshop + "/groups";
    long group =
        as(p, "owner")
            .contentType(ContentType.JSON)
            .body(Map.of("name", "Group"))
            .post(groups)
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    as(p, "owner")
        .contentType(ContentType.JSON)
        .body(Map.of("accountIds", List.of(p.ids.get("contrib_in"))))
        .put(groups + "/" + group + "/members")
        .then()
        .statusCode(200);
    as(p, "owner")
        .contentType(ContentType.JSON)
        .body(Map.of("sectionIds", List.of(sections.get(0))))
        .put(groups + "/" + group + "/sections")
        .then()
        .statusCode(200);
    var invitation =
        as(p, "owner")
            .contentType(ContentType.JSON)
            .body(Map.of("role", "CONTRIBUTOR", "maxUses", 100))
            .post(paper + "/invitations")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    List<Long> drafts = new ArrayList<>();
    for (String body : List.of("The contributor's proposal", "Another proposal")) {
      drafts.add(
          as(p, "contrib_in")
              .contentType(ContentType.JSON)
              .body(Map.of("body", body + " " + marker, "submit", true))
              .post(paper + "/sections/" + sections.get(0) + "/drafts")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath()
              .getLong("id"));
    }
    long proposal =
        as(p, "owner")
            .contentType(ContentType.JSON)
            .body(Map.of("heading", "A proposal", "kind", "PROPOSAL", "body", "Do it " + marker))
            .post(paper + "/sections")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    long thread =
        as(p, "contrib_in")
            .contentType(ContentType.JSON)
            .body(Map.of("body", "A remark " + marker))
            .post(paper + "/sections/" + sections.get(0) + "/comments")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    Map<String, String> values = new HashMap<>();
    values.put("proposal", String.valueOf(proposal));
    values.put("commentId", String.valueOf(thread));
    values.put("eventId", "999999999");
    values.put("format", "white-paper-pdf");
    values.put("draftId", String.valueOf(drafts.get(0)));
    values.put("otherId", String.valueOf(drafts.get(1)));
    values.put("paperId", String.valueOf(created.getLong("id")));
    values.put("slug", created.getString("slug"));
    values.put("section", String.valueOf(sections.get(0)));
    values.put("deletedSection", String.valueOf(sections.get(2)));
    values.put("workshopId", String.valueOf(workshop));
    values.put("groupId", String.valueOf(group));
    values.put("accountId", String.valueOf(p.ids.get("spare")));
    values.put("outsiderHandle", p.handles.get("stranger"));
    values.put("invitationId", String.valueOf(invitation.getLong("id")));
    values.put("token", invitation.getString("token"));
    values.put("password", Personas.PASSWORD);
    values.put("marker", marker);
    return values;
  }

  /** Gives the paper an edition ({number}, {jobId}) and, if asked, a share link ({linkId}). */
  private static void compiled(People p, Map<String, String> values, boolean link) {
    String paper = "/api/papers/" + values.get("paperId");
    if (!values.containsKey("number")) {
      String location =
          as(p, "owner")
              .post(paper + "/editions")
              .then()
              .statusCode(202)
              .extract()
              .header("Location");
      var job = Fixture.awaitJob(location);
      assertEquals("DONE", job.getString("state"), job.prettify());
      values.put("number", String.valueOf(job.getInt("edition")));
      values.put("jobId", String.valueOf(job.getLong("id")));
    }
    if (link && !values.containsKey("linkId")) {
      values.put(
          "linkId",
          String.valueOf(
              as(p, "owner")
                  .contentType(ContentType.JSON)
                  .body("{}")
                  .post(paper + "/editions/" + values.get("number") + "/share-links")
                  .then()
                  .statusCode(201)
                  .extract()
                  .jsonPath()
                  .getLong("id")));
    }
  }

  private static RequestSpecification as(People p, String who) {
    return switch (who) {
      case "anonymous" -> given().header(SignedIn.AS, "anonymous");
      default -> given().header("Authorization", "Bearer " + p.tokens.get(who));
    };
  }

  private static String fill(String template, Map<String, String> values) {
    String out =
        template
            .replace("{unique}", UUID.randomUUID().toString().substring(0, 8))
            .replace("{client}", "tab-" + UUID.randomUUID().toString().substring(0, 8));
    for (var e : values.entrySet()) {
      out = out.replace("{" + e.getKey() + "}", e.getValue());
    }
    return out;
  }

  @Test
  void every_operation_answers_every_kind_of_caller_as_the_matrix_says() throws Exception {
    People p = people();
    Map<String, String> shared = paper(p);
    List<String> differences = new ArrayList<>();
    int cells = 0;
    for (Row row : matrix()) {
      for (String who : CALLERS) {
        int expected = row.expected().get(who);
        boolean signedIn = !Set.of("anonymous", "expired", "forged").contains(who);
        // A cell that may change the paper gets a paper of its own; refusals share one.
        boolean mutates = !row.method().equals("GET") && expected < 400;
        Map<String, String> values = mutates ? paper(p) : shared;
        String caller = who;
        if (row.flags().contains("self") && signedIn) {
          Personas.Person fresh = signUp(p.lobbyInvitation);
          p.tokens.put("self", fresh.token());
          caller = "self";
        }
        if (row.flags().contains("edition") || row.flags().contains("share")) {
          compiled(p, values, row.flags().contains("share"));
        }
        RequestSpecification request = as(p, caller).contentType(ContentType.JSON);
        if (row.flags().contains("if-match")) {
          request.header(
              "If-Match",
              Fixture.etagOf(
                  "/api/papers/" + values.get("paperId") + "/sections/" + values.get("section")));
        }
        if (row.flags().contains("draft-if-match")) {
          request.header(
              "If-Match",
              as(p, "owner")
                  .get("/api/papers/" + values.get("paperId") + "/drafts/" + values.get("draftId"))
                  .then()
                  .statusCode(200)
                  .extract()
                  .header("ETag"));
        }
        if (row.body() != null) {
          request.body(fill(row.body(), values));
        }
        int actual;
        String answer;
        String answerType;
        if (row.flags().contains("stream")) {
          // An event stream never ends: only its status and headers are read.
          try (SseClient stream =
              SseClient.open(
                  RestAssured.baseURI + ":" + RestAssured.port + fill(row.path(), values),
                  caller.equals("anonymous") ? null : p.tokens.get(caller),
                  null)) {
            actual = stream.status();
            answer = stream.body() == null ? "" : stream.body();
            answerType = stream.contentType();
          }
        } else {
          Response response = request.request(row.method(), fill(row.path(), values));
          actual = response.statusCode();
          answer = response.asString();
          answerType = response.contentType();
        }
        cells++;
        if (actual != expected) {
          differences.add(
              "line "
                  + row.line()
                  + " "
                  + row.method()
                  + " "
                  + row.path()
                  + " as "
                  + who
                  + ": expected "
                  + expected
                  + ", got "
                  + actual
                  + " "
                  + abbreviate(answer));
        }
        if (actual >= 400 && answer.contains(values.get("marker"))) {
          differences.add(
              "line " + row.line() + " as " + who + ": the refusal leaks the paper's words");
        }
        if (actual >= 400 && !answer.isEmpty()) {
          String type = answerType;
          if (type == null || !type.startsWith("application/problem+json")) {
            differences.add(
                "line " + row.line() + " as " + who + ": " + actual + " is not problem+json");
          }
        }
      }
    }
    assertTrue(cells >= 500, "ran " + cells + " cells");
    assertTrue(
        differences.isEmpty(),
        () -> differences.size() + " differences:\n" + String.join("\n", differences));
  }

  @Test
  void the_matrix_covers_every_operation_of_the_openapi_document() throws Exception {
    JsonNode doc =
        new ObjectMapper()
            .readTree(RestAssured.given().accept("application/json").get("/q/openapi").asString());
    Set<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        paths.hasNext(); ) {
      var path = paths.next();
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next().toUpperCase();
        if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
          documented.add(method + " " + path.getKey());
        }
      }
    }
    Set<String> inMatrix = new TreeSet<>();
    for (Row row : matrix()) {
      inMatrix.add(row.operation());
    }
    Set<String> missing = new TreeSet<>(documented);
    missing.removeAll(inMatrix);
    Set<String> unknown = new TreeSet<>(inMatrix);
    unknown.removeAll(documented);
    assertTrue(missing.isEmpty(), "operations without a row in the matrix: " + missing);
    assertTrue(unknown.isEmpty(), "rows for operations the API does not have: " + unknown);
  }

  private static String abbreviate(String body) {
    String b = body.replaceAll("\\s+", " ");
    return b.length() > 200 ? b.substring(0, 200) + "…" : b;
  }
}
