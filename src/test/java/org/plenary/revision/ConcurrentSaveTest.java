package org.plenary.revision;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;

/** No lost updates: many writers on one section, each save either lands once or gets 412. */
@QuarkusTest
class ConcurrentSaveTest {

  private static final int THREADS = 32;
  private static final int ATTEMPTS = 8;

  @Test
  void thirty_two_writers_on_one_section_lose_nothing_and_leave_no_gaps() throws Exception {
    CreatedPaper paper = Fixture.paper().withSection("Contested", "start").create();
    String section = paper.sectionPath(0);
    Map<Integer, String> acceptedByRevision = new ConcurrentHashMap<>();
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger preconditionFailed = new AtomicInteger();
    List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                go.await();
                for (int k = 0; k < ATTEMPTS; k++) {
                  String etag = Fixture.etagOf(section);
                  String body = "writer " + thread + " attempt " + k;
                  Response r =
                      given()
                          .contentType(ContentType.JSON)
                          .header("If-Match", etag)
                          .body(Map.of("body", body))
                          .put(section + "/content");
                  if (r.statusCode() == 200) {
                    accepted.incrementAndGet();
                    String previous = acceptedByRevision.put(r.jsonPath().getInt("revision"), body);
                    if (previous != null) {
                      unexpected.add("revision given twice: " + r.jsonPath().getInt("revision"));
                    }
                  } else if (r.statusCode() == 412) {
                    preconditionFailed.incrementAndGet();
                  } else {
                    unexpected.add(r.statusCode() + " " + r.asString());
                  }
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    assertTrue(unexpected.isEmpty(), () -> "unexpected answers: " + unexpected);
    assertEquals(THREADS * ATTEMPTS, accepted.get() + preconditionFailed.get());
    assertTrue(accepted.get() >= ATTEMPTS, "some saves must land");

    // The history holds revision 1 and exactly one revision per accepted save, with no gaps.
    Map<Integer, String> history = new HashMap<>();
    int page = 0;
    List<Map<String, Object>> items;
    do {
      items =
          given()
              .queryParam("size", 200)
              .queryParam("page", page++)
              .get(section + "/revisions")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("items");
      for (Map<String, Object> item : items) {
        int number = (Integer) item.get("number");
        history.put(
            number, given().get(section + "/revisions/" + number).jsonPath().getString("body"));
      }
    } while (items.size() == 200);
    assertEquals(accepted.get() + 1, history.size());
    for (int n = 1; n <= history.size(); n++) {
      assertTrue(history.containsKey(n), "gap at revision " + n);
    }
    acceptedByRevision.forEach(
        (revision, body) -> assertEquals(body, history.get(revision), "revision " + revision));
  }

  @Test
  void no_save_lands_after_a_freeze_has_answered() throws Exception {
    CreatedPaper paper =
        Fixture.paper().withSection("A", "a").withSection("B", "b").withSection("C", "c").create();
    AtomicInteger frozenAt = new AtomicInteger(-1);
    AtomicInteger clock = new AtomicInteger();
    List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      String section = paper.sectionPath(t % 3);
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                for (int k = 0; k < 30; k++) {
                  int startedAt = clock.incrementAndGet();
                  Response r = Fixture.save(section, "writer " + thread + " save " + k);
                  int frozen = frozenAt.get();
                  if (r.statusCode() == 200 && frozen >= 0 && startedAt > frozen) {
                    wrong.add("save started after the freeze landed: " + r.asString());
                  } else if (r.statusCode() != 200
                      && r.statusCode() != 409
                      && r.statusCode() != 412) {
                    wrong.add(r.statusCode() + " " + r.asString());
                  }
                }
                return null;
              }));
    }
    Thread.sleep(300);
    Fixture.changeStatus(paper, "FROZEN").statusCode(200);
    frozenAt.set(clock.get());
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
  }
}
