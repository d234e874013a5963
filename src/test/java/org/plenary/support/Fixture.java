package org.plenary.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Creates papers and sections through the public API, so each test states only what matters to it:
 * {@code Fixture.paper().withSection("Context", "Text").create()}.
 */
public final class Fixture {
  private Fixture() {}

  public static PaperBuilder paper() {
    return new PaperBuilder();
  }

  /** A paper created through the API, with the ids of its sections. */
  public record CreatedPaper(long id, String slug, long[] sections) {
    public long section(int index) {
      return sections[index];
    }

    public String path() {
      return "/api/papers/" + id;
    }

    public String sectionPath(int index) {
      return path() + "/sections/" + sections[index];
    }
  }

  /** Builds a paper with a unique slug and any number of sections. */
  public static final class PaperBuilder {
    private final Map<String, Object> body = new HashMap<>();
    private final java.util.List<Map<String, Object>> sections = new java.util.ArrayList<>();

    PaperBuilder() {
      body.put("title", "Test paper");
      body.put("language", "en");
      body.put("slug", "t-" + UUID.randomUUID().toString().substring(0, 12));
    }

    public PaperBuilder title(String title) {
      body.put("title", title);
      return this;
    }

    public PaperBuilder language(String language) {
      body.put("language", language);
      return this;
    }

    public PaperBuilder withSection(String heading, String text) {
      return withSection(heading, "NARRATIVE", text);
    }

    public PaperBuilder withProposal(String heading, String text) {
      return withSection(heading, "PROPOSAL", text);
    }

    public PaperBuilder withSection(String heading, String kind, String text) {
      sections.add(Map.of("heading", heading, "kind", kind, "body", text));
      return this;
    }

    public CreatedPaper create() {
      Response created =
          given()
              .contentType(ContentType.JSON)
              .body(body)
              .post("/api/papers")
              .then()
              .statusCode(201)
              .extract()
              .response();
      long id = created.jsonPath().getLong("id");
      long[] ids = new long[sections.size()];
      for (int i = 0; i < sections.size(); i++) {
        ids[i] =
            given()
                .contentType(ContentType.JSON)
                .body(sections.get(i))
                .post("/api/papers/" + id + "/sections")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
      }
      return new CreatedPaper(id, created.jsonPath().getString("slug"), ids);
    }
  }

  /** Moves a paper to another status (with an optional reason) and returns the answer. */
  public static io.restassured.response.ValidatableResponse changeStatus(
      CreatedPaper paper, String status, String... reason) {
    Map<String, Object> body = new HashMap<>();
    body.put("status", status);
    if (reason.length > 0) {
      body.put("reason", reason[0]);
    }
    return given().contentType(ContentType.JSON).body(body).post(paper.path() + "/status").then();
  }

  /** The section's current ETag. */
  public static String etagOf(String sectionPath) {
    return given().get(sectionPath + "/content").then().statusCode(200).extract().header("ETag");
  }

  /** Saves text with the section's current ETag and returns the response. */
  public static Response save(String sectionPath, String text) {
    return given()
        .contentType(ContentType.JSON)
        .header("If-Match", etagOf(sectionPath))
        .body(Map.of("body", text))
        .put(sectionPath + "/content");
  }

  /** Follows a compile job ({@code location}) until it is done or failed; its last state. */
  /** Waits for a compile job that must succeed; its edition's number (the job shown if not). */
  public static int awaitEdition(String location) {
    var job = awaitJob(location);
    org.junit.jupiter.api.Assertions.assertEquals("DONE", job.getString("state"), job::prettify);
    return job.getInt("edition");
  }

  public static io.restassured.path.json.JsonPath awaitJob(String location) {
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(90);
    while (true) {
      var job = given().get(location).then().statusCode(200).extract().jsonPath();
      String state = job.getString("state");
      if (state.equals("DONE") || state.equals("FAILED")) {
        return job;
      }
      if (java.time.Instant.now().isAfter(deadline)) {
        throw new AssertionError("the compile took too long: " + job.prettify());
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
