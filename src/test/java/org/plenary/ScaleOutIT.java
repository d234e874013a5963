package org.plenary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.plenary.platform.db.EmbeddedDatabase;
import org.plenary.support.PlenaryProcess;
import org.plenary.support.PlenaryProcess.Answer;
import org.plenary.support.SseClient;

/**
 * Two Plenary instances (packaged jars, own processes) on one PostgreSQL, as behind a load
 * balancer: events cross between them, the If-Match rule holds across them, and they survive a
 * client that never reads, an instance killed mid-burst and PostgreSQL restarted under load. Each
 * process's output is kept in {@code target/scale-out-it/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

  private static final String DIR = "scale-out-it";
  private static final String PASSWORD = "scale-out-admin-password";
  private static final Duration READY = Duration.ofSeconds(120);
  private static final Duration SOON = Duration.ofSeconds(15);

  private static Path dataDir;
  private static int dbPort;
  private static EmbeddedDatabase db;
  private static PlenaryProcess a;
  private static PlenaryProcess b;
  private static String token;

  @BeforeAll
  static void startDatabaseAndTwoInstances() throws IOException {
    dataDir = Files.createTempDirectory("plenary-scale-out-pg");
    dbPort = PlenaryProcess.freePort();
    db = EmbeddedDatabase.start(dataDir, dbPort);
    a = start("instance-a");
    a.awaitReady(READY); // A migrates the schema and creates the administrator first
    b = start("instance-b");
    b.awaitReady(READY);
    token = a.signIn("admin", PASSWORD);
  }

  private static PlenaryProcess start(String name) {
    return PlenaryProcess.start(
        DIR,
        name,
        PlenaryProcess.freePort(),
        Map.of(
            "quarkus.datasource.jdbc.url", db.jdbcUrl(),
            "quarkus.datasource.username", db.username(),
            "quarkus.datasource.jdbc.acquisition-timeout", "3S",
            "plenary.demo.enabled", "false",
            "plenary.auth.admin-password", PASSWORD,
            "plenary.auth.max-failures-per-address", "100000",
            "plenary.live.max-lag", "PT3S",
            "plenary.live.reconnect-delay", "PT0.5S"));
  }

  @AfterAll
  static void stopEverything() {
    for (PlenaryProcess p : new PlenaryProcess[] {a, b}) {
      if (p != null) {
        p.close();
      }
    }
    if (db != null) {
      db.close();
    }
  }

  // ---- The paper the tests write in
  // --------------------------------------------------------------

  record Section(long paperId, long sectionId) {
    String path() {
      return "/api/papers/" + paperId + "/sections/" + sectionId;
    }

    String events() {
      return "/api/papers/" + paperId + "/events";
    }
  }

  private static Section newSection(PlenaryProcess through) {
    long paper =
        through
            .send(
                "POST",
                "/api/papers",
                token,
                Map.of("title", "Scale-out " + System.nanoTime(), "language", "en"))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    long section =
        through
            .send(
                "POST",
                "/api/papers/" + paper + "/sections",
                token,
                Map.of("heading", "Context", "kind", "NARRATIVE", "body", "First words."))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    return new Section(paper, section);
  }

  /** A save acknowledged with 200: the revision it became and the text sent. */
  record Acknowledged(int revision, String body) {}

  /**
   * Saves {@code body} through {@code via} on the current revision, reading it again after a 412
   * until the save lands; empty when the instance did not answer or answered 5xx.
   */
  private static java.util.Optional<Acknowledged> save(PlenaryProcess via, Section s, String body) {
    for (int attempt = 0; attempt < 200; attempt++) {
      Answer answer = saveOnce(via, s, body);
      if (answer.status() == 200) {
        return java.util.Optional.of(new Acknowledged(answer.json().get("revision").asInt(), body));
      }
      if (answer.status() != 412) {
        return java.util.Optional.empty();
      }
    }
    throw new AssertionError("a save never landed after 200 attempts");
  }

  /**
   * One attempt: reads the current revision and saves {@code body} on it with If-Match; the PUT's
   * answer, or the GET's when that was not 200.
   */
  private static Answer saveOnce(PlenaryProcess via, Section s, String body) {
    Answer current = via.send("GET", s.path() + "/content", token, null);
    if (current.status() != 200) {
      return current;
    }
    return via.send(
        "PUT", s.path() + "/content", token, Map.of("body", body), "If-Match", current.etag());
  }

  /** Every acknowledged save is in the history, with exactly the text that was sent. */
  private static void assertAllThere(PlenaryProcess via, Section s, List<Acknowledged> acked) {
    for (Acknowledged ack : acked) {
      Answer r =
          via.send("GET", s.path() + "/revisions/" + ack.revision(), token, null).expect(200);
      assertEquals(ack.body(), r.json().get("body").asText(), "revision " + ack.revision());
    }
    assertEquals(
        acked.size(),
        acked.stream().map(Acknowledged::revision).distinct().count(),
        "no two acknowledged saves became the same revision");
  }

  private static int currentRevision(PlenaryProcess via, Section s) {
    return via.send("GET", s.path() + "/content", token, null)
        .expect(200)
        .json()
        .get("revision")
        .asInt();
  }

  // ---- The tests
  // ----------------------------------------------------------------------------------

  @Test
  @Order(1)
  void a_save_through_one_instance_reaches_the_streams_and_the_reads_of_the_other() {
    Section s = newSection(a);
    // B has read (and cached) the section before A changes it.
    assertEquals(1, currentRevision(b, s));
    try (SseClient live = SseClient.open(b.url(s.events()), token, null)) {
      assertEquals(200, live.status(), live.body());
      live.await("hello", SOON);
      assertEquals(2, save(a, s, "Saved through A.").orElseThrow().revision());
      JsonNode saved = live.await("section.saved", SOON).json();
      assertEquals(s.sectionId(), saved.get("data").get("sectionId").asLong());
      assertEquals(2, saved.get("data").get("revision").asInt());
      // The event reached B, so B's cached reads of the paper were refreshed too.
      assertEquals(2, currentRevision(b, s));
      assertEquals(
          "Saved through A.",
          b.send("GET", s.path() + "/content", token, null).json().get("body").asText());

      // Presence given on B shows on A's streams, and the other way round.
      try (SseClient onA = SseClient.open(a.url(s.events()), token, null)) {
        onA.await("hello", SOON);
        b.send(
                "PUT",
                "/api/papers/" + s.paperId() + "/presence",
                token,
                Map.of("client", "tab-scale-1", "sectionId", s.sectionId(), "editing", true))
            .expect(200);
        JsonNode people = onA.await("presence", SOON).json().get("people");
        assertEquals("admin", people.get(0).get("handle").asText());
      }
    }
  }

  @Test
  @Order(2)
  void concurrent_saves_through_both_instances_lose_nothing() throws Exception {
    Section s = newSection(a);
    int writers = 6;
    int savesEach = 12;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    ConcurrentLinkedQueue<Acknowledged> acked = new ConcurrentLinkedQueue<>();
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      PlenaryProcess via = w % 2 == 0 ? a : b;
      int writer = w;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < savesEach; i++) {
                  acked.add(
                      save(via, s, "Writer " + writer + " via " + via.name + ", save " + i + ".")
                          .orElseThrow(() -> new AssertionError(via.name + " refused a save")));
                }
              }));
    }
    for (Future<?> f : done) {
      f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertEquals(writers * savesEach, acked.size());
    assertAllThere(b, s, List.copyOf(acked));
    assertEquals(
        1 + writers * savesEach, currentRevision(a, s), "one revision per acknowledged save");
  }

  @Test
  @Order(3)
  void a_client_that_never_reads_is_dropped_and_holds_up_nobody() throws Exception {
    Section s = newSection(a);
    long droppedBefore = dropped(b);
    try (Socket stuck = new Socket();
        SseClient reader = SseClient.open(b.url(s.events()), token, null)) {
      stuck.setReceiveBufferSize(1024);
      stuck.connect(new InetSocketAddress("127.0.0.1", b.port), 5_000);
      OutputStream out = stuck.getOutputStream();
      out.write(
          ("GET "
                  + s.events()
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                  + "Authorization: Bearer "
                  + token
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      reader.await("hello", SOON);
      // Never read from `stuck`; keep changing the paper (four writers, four sections) until B
      // gives up on it.
      List<Section> sections = new ArrayList<>(List.of(s));
      for (int i = 1; i < 4; i++) {
        long id =
            a.send(
                    "POST",
                    "/api/papers/" + s.paperId() + "/sections",
                    token,
                    Map.of("heading", "Part " + i, "kind", "NARRATIVE", "body", "Words."))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        sections.add(new Section(s.paperId(), id));
      }
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(sections.size());
      List<Future<Acknowledged>> last = new ArrayList<>();
      for (Section part : sections) {
        last.add(
            pool.submit(
                () -> {
                  Acknowledged ack = null;
                  for (int i = 0; !stop.get(); i++) {
                    ack = save(a, part, "Burst " + i).orElseThrow();
                  }
                  return ack;
                }));
      }
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (dropped(b) == droppedBefore) {
        assertTrue(System.nanoTime() < deadline, "B never dropped the stuck client");
        PlenaryProcess.sleep(200);
      }
      stop.set(true);
      pool.shutdown();
      // The reader that does read got every section's last save, promptly.
      java.util.Set<String> awaited = new java.util.HashSet<>();
      for (int i = 0; i < sections.size(); i++) {
        awaited.add(
            sections.get(i).sectionId() + "@" + last.get(i).get(1, TimeUnit.MINUTES).revision());
      }
      reader.await(
          e -> {
            if (e.name().equals("section.saved")) {
              JsonNode data = e.json().get("data");
              awaited.remove(data.get("sectionId").asLong() + "@" + data.get("revision").asInt());
            }
            return awaited.isEmpty();
          },
          "the last save of every section",
          SOON);
    }
    assertEquals(200, b.readiness());
  }

  @Test
  @Order(4)
  void an_instance_killed_mid_burst_loses_no_acknowledged_save_and_the_other_serves_on()
      throws Exception {
    Section s = newSection(b);
    ConcurrentLinkedQueue<Acknowledged> acked = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger failedOnA = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      PlenaryProcess via = w % 2 == 0 ? a : b;
      int writer = w;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; !stop.get(); i++) {
                  try {
                    var ack = save(via, s, "Writer " + writer + " save " + i + ".");
                    ack.ifPresent(acked::add);
                    if (ack.isEmpty()) {
                      failedOnA.incrementAndGet();
                    }
                  } catch (java.io.UncheckedIOException dead) {
                    failedOnA
                        .incrementAndGet(); // A is gone: this writer's save was not acknowledged
                    PlenaryProcess.sleep(50);
                  }
                }
              }));
    }
    PlenaryProcess.sleep(1_500);
    a.kill();
    int afterKill = acked.size();
    PlenaryProcess.sleep(3_000);
    stop.set(true);
    for (Future<?> f : done) {
      f.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertTrue(failedOnA.get() > 0, "the writers through A noticed it died");
    assertTrue(acked.size() > afterKill, "B went on saving after A died");
    assertAllThere(b, s, List.copyOf(acked));
    assertEquals(200, b.readiness());

    a = start("instance-a-restarted");
    a.awaitReady(READY);
    assertAllThere(a, s, List.copyOf(acked));
  }

  @Test
  @Order(5)
  void postgresql_restarted_under_load_shows_in_health_and_service_resumes_by_itself()
      throws Exception {
    Section s = newSection(a);
    ConcurrentLinkedQueue<Acknowledged> acked = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Integer> refusals = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> done = new ArrayList<>();
    try (SseClient live = SseClient.open(b.url(s.events()), token, null)) {
      live.await("hello", SOON);
      for (PlenaryProcess via : List.of(a, b)) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; !stop.get(); i++) {
                    String body = via.name + " save " + i + ".";
                    Answer saved = saveOnce(via, s, body);
                    if (saved.status() == 200) {
                      acked.add(new Acknowledged(saved.json().get("revision").asInt(), body));
                    } else if (saved.status() != 412) {
                      refusals.add(saved.status());
                      PlenaryProcess.sleep(200);
                    }
                  }
                }));
      }
      PlenaryProcess.sleep(1_500);
      db.close(); // PostgreSQL goes away under load
      waitFor(() -> a.readiness() == 503 && b.readiness() == 503, "both instances report it");
      JsonNode health = b.health();
      assertEquals("DOWN", health.get("status").asText(), health.toString());
      PlenaryProcess.sleep(2_000);

      db = EmbeddedDatabase.start(dataDir, dbPort); // and comes back
      waitFor(() -> a.readiness() == 200 && b.readiness() == 200, "both instances are ready again");
      int before = acked.size();
      waitFor(() -> acked.size() > before + 5, "saves are acknowledged again");
      stop.set(true);
      for (Future<?> f : done) {
        f.get(2, TimeUnit.MINUTES);
      }
      pool.shutdown();

      assertFalse(refusals.isEmpty(), "the outage was noticed by the writers");
      assertTrue(
          refusals.stream().allMatch(status -> status == 503 || status == 401),
          "during the outage: 503 (or 401 when the sign-in could not be checked), never 500: "
              + refusals);
      assertAllThere(a, s, List.copyOf(acked));
      // B's stream goes on by itself: its listener reconnected and catches it up.
      int last = acked.stream().mapToInt(Acknowledged::revision).max().orElseThrow();
      live.await(
          e ->
              e.name().equals("section.saved")
                  && e.json().get("data").get("revision").asInt() == last,
          "the last save after the restart",
          Duration.ofSeconds(30));
    }
  }

  private static long dropped(PlenaryProcess p) {
    for (JsonNode check : p.health().get("checks")) {
      if (check.get("name").asText().equals("live events")) {
        return check.get("data").get("droppedSlowStreams").asLong();
      }
    }
    throw new AssertionError("no live events check in " + p.health());
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "not within 90 s: " + what);
      PlenaryProcess.sleep(250);
    }
  }
}
