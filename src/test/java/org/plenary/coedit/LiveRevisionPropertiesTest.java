package org.plenary.coedit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.plenary.coedit.MultilingualEdits.Change;
import org.plenary.coedit.MultilingualEdits.Edit;
import org.plenary.coedit.MultilingualEdits.Sample;
import org.plenary.revision.RevisionService;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;
import org.plenary.text.TextModel;

/**
 * Properties of the two ways live text and revisions meet (issue 15), for any multilingual text: a
 * checkpoint writes the live text as a revision exactly, with exactly its typists, and only once; a
 * save, merge or restore through the API becomes the live text and keeps the typing made while it
 * was on its way. Each try is a new section of one paper, with real sockets and the database. The
 * values come from jqwik's generators ({@link MultilingualEdits#sample}): a {@code QuarkusTest}
 * cannot be a jqwik container.
 */
@QuarkusTest
class LiveRevisionPropertiesTest {

  static final int CHECKPOINT_TRIES = 8;
  static final int SAVE_TRIES = 12;

  @Inject Yjs yjs;
  @Inject Checkpoints checkpoints;
  @Inject RevisionService revisions;
  @Inject LiveDocuments documents;
  @Inject AgroalDataSource dataSource;

  // ---- Checkpoints ----------------------------------------------------------------------------

  /** What makes the live text a revision. */
  enum Trigger {
    NONE,
    SAVE_VERSION,
    PAUSE,
    BEFORE_READING
  }

  /** {@code who} types {@code edit}; then {@code then} checkpoints (asked by {@code asker}). */
  record Typing(int who, Edit edit, Trigger then, int asker) {}

  record Session(String base, List<Typing> steps) {}

  static Arbitrary<String> bases() {
    return MultilingualEdits.texts(1, 8).map(TextModel::normalizeLineEndings);
  }

  static Arbitrary<Session> sessions() {
    Arbitrary<Typing> typing =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                MultilingualEdits.edits(),
                Arbitraries.frequency(
                    Tuple.of(3, Trigger.NONE),
                    Tuple.of(2, Trigger.SAVE_VERSION),
                    Tuple.of(1, Trigger.PAUSE),
                    Tuple.of(1, Trigger.BEFORE_READING)),
                Arbitraries.integers().between(0, 2))
            .as(Typing::new);
    return Combinators.combine(bases(), typing.list().ofMinSize(1).ofMaxSize(7)).as(Session::new);
  }

  /** What the test expects of the section: its revision and who typed since it. */
  static final class Expected {
    int revision = 1;
    String body;
    String live;
    final List<Person> typists = new ArrayList<>();
    Person last;

    Expected(String base) {
      body = base;
      live = base;
    }
  }

  @Test
  void a_checkpoint_is_the_live_text_exactly_with_exactly_its_typists_and_a_second_writes_nothing()
      throws Exception {
    List<Sample<Session>> sessions = MultilingualEdits.sample(sessions(), CHECKPOINT_TRIES);
    CreatedPaper paper = paperWith(sessions.stream().map(s -> s.value().base()).toList());
    List<Person> people =
        List.of(
            Personas.member(paper, "EDITOR"),
            Personas.member(paper, "EDITOR"),
            Personas.member(paper, "EDITOR"));
    for (int i = 0; i < sessions.size(); i++) {
      Sample<Session> session = sessions.get(i);
      try {
        checkpointSession(paper, i, people, session.value());
      } catch (AssertionError e) {
        throw new AssertionError(
            session + "\n" + MultilingualEdits.visible(String.valueOf(e.getMessage())), e);
      }
    }
  }

  private void checkpointSession(
      CreatedPaper paper, int section, List<Person> people, Session session) throws Exception {
    String path = paper.sectionPath(section);
    List<CoeditClient> clients = new ArrayList<>();
    try {
      for (Person p : people) {
        clients.add(CoeditClient.open(yjs, path, p.token()));
      }
      Expected expected = new Expected(session.base());
      for (CoeditClient c : clients) {
        c.untilText(expected.live);
      }
      for (Typing step : session.steps()) {
        String next = step.edit().applyTo(expected.live);
        if (!next.equals(expected.live)) {
          CoeditClient typist = clients.get(step.who());
          typist.type(next);
          typist.untilAllSaved();
          for (CoeditClient c : clients) {
            c.untilText(next);
          }
          assertEquals(next, documents.text(paper.id(), paper.section(section)));
          expected.live = next;
          Person who = people.get(step.who());
          if (!expected.typists.contains(who)) {
            expected.typists.add(who);
          }
          expected.last = who;
        }
        if (step.then() != Trigger.NONE) {
          checkpoint(paper, section, step.then(), people.get(step.asker()), expected);
        }
      }
      checkpoint(paper, section, Trigger.SAVE_VERSION, people.get(0), expected);
    } finally {
      clients.forEach(CoeditClient::close);
    }
  }

  /** Checkpoints by {@code trigger}, checks the revision against {@code expected}, then again. */
  private void checkpoint(
      CreatedPaper paper, int section, Trigger trigger, Person asker, Expected expected) {
    String path = paper.sectionPath(section);
    boolean created = !expected.typists.isEmpty() && !expected.live.equals(expected.body);
    int revision = created ? expected.revision + 1 : expected.revision;
    List<String> coAuthors = created ? handles(expected.typists) : List.of();
    for (int time = 1; time <= 2; time++) {
      String which = trigger + " (" + (time == 1 ? "first" : "second") + " time)";
      Optional<JsonPath> view = trigger(paper, section, trigger, asker);
      if (view.isPresent()) {
        assertEquals(revision, view.get().getInt("revision"), which);
        assertEquals(created && time == 1, view.get().getBoolean("created"), which);
        assertEquals(
            time == 1 ? coAuthors : List.of(), view.get().getList("coAuthors.handle"), which);
      }
      JsonPath content = asker.as().get(path + "/content").then().extract().jsonPath();
      assertEquals(revision, content.getInt("revision"), which);
      assertEquals(created ? expected.live : expected.body, content.getString("body"), which);
      assertEquals(
          revision,
          asker.as().get(path + "/revisions").then().extract().jsonPath().getInt("items.size()"),
          which + ": revisions");
      if (created) {
        assertEquals("Live session", content.getString("summary"), which);
        assertEquals(expected.last.handle(), content.getString("author.handle"), which);
        assertEquals(coAuthors, content.getList("coAuthors.handle"), which);
      }
    }
    if (created) {
      expected.revision = revision;
      expected.body = expected.live;
    }
    expected.typists.clear();
  }

  /** Runs {@code trigger}; the answer of "save version". */
  private Optional<JsonPath> trigger(
      CreatedPaper paper, int section, Trigger trigger, Person asker) {
    switch (trigger) {
      case SAVE_VERSION -> {
        return Optional.of(saveVersion(asker, paper.sectionPath(section)));
      }
      case PAUSE -> checkpoints.pausedFor(Duration.ZERO);
      case BEFORE_READING -> revisions.checkpointBeforeReading(paper.id(), paper.section(section));
      case NONE -> {}
    }
    return Optional.empty();
  }

  // ---- Saves through the API into a live document ---------------------------------------------

  /** How the text reaches the section. */
  enum Via {
    PUT,
    MERGE,
    RESTORE
  }

  /** Typing by one of two writers, with no checkpoint asked. */
  record Typed(int who, Edit edit) {}

  /**
   * The writers type {@code typing}; {@code via} then saves {@code save} of the live text (or
   * restores revision 1) while, unless left out, one writer's edit before the saved change and the
   * other's after it are on their way.
   */
  record ApiSave(
      String base,
      List<Typed> typing,
      Via via,
      Edit save,
      Optional<Edit> anaMeanwhile,
      Optional<Edit> benMeanwhile) {}

  static Arbitrary<ApiSave> apiSaves() {
    Arbitrary<Typed> typed =
        Combinators.combine(Arbitraries.integers().between(0, 1), MultilingualEdits.edits())
            .as(Typed::new);
    return Combinators.combine(
            bases(),
            typed.list().ofMaxSize(4),
            Arbitraries.of(Via.class),
            MultilingualEdits.edits(),
            MultilingualEdits.edits().optional(0.75),
            MultilingualEdits.edits().optional(0.75))
        .as(ApiSave::new);
  }

  @Test
  void a_save_merge_or_restore_becomes_the_live_text_and_keeps_the_typing_on_its_way()
      throws Exception {
    List<Sample<ApiSave>> saves = MultilingualEdits.sample(apiSaves(), SAVE_TRIES);
    CreatedPaper paper = paperWith(saves.stream().map(s -> s.value().base()).toList());
    Person ana = Personas.member(paper, "EDITOR");
    Person ben = Personas.member(paper, "EDITOR");
    for (int i = 0; i < saves.size(); i++) {
      Sample<ApiSave> save = saves.get(i);
      try {
        apiSave(paper, i, ana, ben, save.value());
      } catch (AssertionError e) {
        throw new AssertionError(
            save + "\n" + MultilingualEdits.visible(String.valueOf(e.getMessage())), e);
      }
    }
  }

  private void apiSave(CreatedPaper paper, int section, Person ana, Person ben, ApiSave scenario)
      throws Exception {
    String path = paper.sectionPath(section);
    long sectionId = paper.section(section);
    try (CoeditClient a = CoeditClient.open(yjs, path, ana.token());
        CoeditClient b = CoeditClient.open(yjs, path, ben.token())) {
      String live = scenario.base();
      a.untilText(live);
      b.untilText(live);
      for (Typed t : scenario.typing()) {
        String next = t.edit().applyTo(live);
        if (!next.equals(live)) {
          CoeditClient typist = t.who() == 0 ? a : b;
          typist.type(next);
          typist.untilAllSaved();
          a.untilText(next);
          b.untilText(next);
          live = next;
        }
      }
      int typed = saveVersion(ana, path).getInt("revision");
      String etag = Fixture.etagOf(path);
      long stored = CoeditClient.storedUpdates(dataSource, sectionId);

      String saved =
          TextModel.normalizeLineEndings(
              scenario.via() == Via.RESTORE ? scenario.base() : scenario.save().applyTo(live));
      Optional<Change> saving = Change.of(live, saved);

      // Ana's edit before the saved change and Ben's after it, each clear of it, as they were
      // typed (not yet sent) when the save was made.
      List<Change> changes = new ArrayList<>(saving.stream().toList());
      String lastLive = live;
      Optional<Change> anas =
          scenario
              .anaMeanwhile()
              .flatMap(
                  e ->
                      Change.of(
                          lastLive,
                          e.applyWithin(
                              lastLive,
                              0,
                              saving
                                  .map(c -> Math.max(0, c.start() - 1))
                                  .orElse(lastLive.length()))))
              .filter(c -> changes.isEmpty() || c.clearOf(changes.get(0)));
      anas.ifPresent(c -> changes.add(0, c));
      int after = changes.isEmpty() ? 0 : changes.get(changes.size() - 1).end() + 1;
      Optional<Change> bens =
          scenario
              .benMeanwhile()
              .filter(e -> after <= lastLive.length())
              .flatMap(e -> Change.of(lastLive, e.applyWithin(lastLive, after, lastLive.length())))
              .filter(c -> changes.isEmpty() || changes.get(changes.size() - 1).clearOf(c));
      bens.ifPresent(changes::add);
      byte[] anaUpdate =
          anas.map(c -> yjs.replaceText(a.doc, Change.all(lastLive, List.of(c)))).orElse(null);
      byte[] benUpdate =
          bens.map(c -> yjs.replaceText(b.doc, Change.all(lastLive, List.of(c)))).orElse(null);

      switch (scenario.via()) {
        case PUT ->
            given()
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Map.of("body", saved))
                .put(path + "/content")
                .then()
                .statusCode(200);
        case MERGE -> {
          long draft =
              given()
                  .contentType(ContentType.JSON)
                  .body(Map.of("body", saved, "rationale", "A property", "submit", true))
                  .post(path + "/drafts")
                  .then()
                  .statusCode(201)
                  .extract()
                  .jsonPath()
                  .getLong("id");
          given()
              .contentType(ContentType.JSON)
              .header("If-Match", etag)
              .post(paper.path() + "/drafts/" + draft + "/merge")
              .then()
              .statusCode(200);
        }
        case RESTORE ->
            given()
                .header("If-Match", etag)
                .post(path + "/revisions/1/restore")
                .then()
                .statusCode(200);
      }
      List<Person> typists = new ArrayList<>();
      if (anaUpdate != null) {
        CheckpointTest.send(a, anaUpdate);
        a.untilAllSaved(); // so that Ana's is stored first, and her name comes first
        typists.add(ana);
      }
      if (benUpdate != null) {
        CheckpointTest.send(b, benUpdate);
        typists.add(ben);
      }
      a.untilAllSaved();
      b.untilAllSaved();

      String all = Change.all(live, changes);
      a.untilText(all);
      b.untilText(all);
      assertEquals(all, documents.text(paper.id(), sectionId));
      assertEquals(all, CoeditClient.storedText(yjs, dataSource, sectionId), "the stored document");
      assertEquals(
          stored + (saving.isPresent() ? 1 : 0) + typists.size(),
          CoeditClient.storedUpdates(dataSource, sectionId),
          "one stored update for the save and one for each edit on its way");

      JsonPath content = given().get(path + "/content").then().extract().jsonPath();
      boolean unchanged = saving.isEmpty() && scenario.via() != Via.RESTORE;
      assertEquals(unchanged ? typed : typed + 1, content.getInt("revision"));
      assertEquals(saved, content.getString("body"), "the saved revision");
      assertEquals(
          live,
          given().get(path + "/revisions/" + typed).then().extract().path("body"),
          "the typing before the save stays in the history");

      // The typing on its way is the next revision's, and only its typists' (not the saver's).
      JsonPath done = saveVersion(ana, path);
      boolean created = !typists.isEmpty() && !all.equals(saved);
      assertEquals(created, done.getBoolean("created"));
      assertEquals(created ? handles(typists) : List.of(), done.getList("coAuthors.handle"));
      assertEquals(all, given().get(path + "/content").then().extract().path("body"));
    }
  }

  // ---- Shared ---------------------------------------------------------------------------------

  /** One paper with a section for each try. */
  static CreatedPaper paperWith(List<String> bases) {
    Fixture.PaperBuilder builder = Fixture.paper();
    for (int i = 0; i < bases.size(); i++) {
      builder.withSection("Try " + (i + 1), bases.get(i));
    }
    return builder.create();
  }

  static JsonPath saveVersion(Person person, String sectionPath) {
    return person
        .as()
        .post(sectionPath + "/live/checkpoint")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static List<String> handles(List<Person> people) {
    return people.stream().map(Person::handle).toList();
  }
}
