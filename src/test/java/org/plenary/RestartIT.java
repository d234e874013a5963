package org.plenary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.support.PlenaryProcess;

/**
 * Runs the packaged application ({@code java -jar quarkus-run.jar}) as a real process with the
 * embedded PostgreSQL, and checks that what was written survives a SIGTERM and a restart, that the
 * demo is seeded once only, and that a data directory of another PostgreSQL major version is
 * refused. Each process's output is kept in {@code target/restart-it/}.
 */
class RestartIT {

  private static final String DEMO_SLUG = "partnering-with-tech-for-peace";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path temp;

  @Test
  void data_survives_a_sigterm_and_restart_and_the_demo_is_seeded_once() throws Exception {
    Path dataDir = temp.resolve("pg");
    int port = freePort();

    // ---- First run: a new data directory (initdb) with the demo seeded ----
    long paperId;
    long sectionId;
    try (App first = App.start("1-first-start", port, dataDir)) {
      first.run(
          () -> {
            first.awaitReady(http);
            // Security is never off: the first start created an administrator and printed a
            // one-time password, which is how a new installation signs in.
            signIn(first, http, first.generatedAdminPassword());

            JsonNode papers = getJson(first, "/api/papers");
            assertEquals(1, papers.get("items").size(), "only the demo paper: " + papers);
            JsonNode demo = papers.get("items").get(0);
            assertEquals(DEMO_SLUG, demo.get("slug").asText());
            JsonNode outline =
                getJson(first, "/api/papers/" + demo.get("id").asLong() + "/sections");
            assertEquals(10, outline.size(), "the demo paper has 10 sections");
            int revised = 0;
            for (JsonNode section : outline) {
              if (section.get("currentRevision").asInt() > 1) {
                revised++;
              }
            }
            assertTrue(revised > 0, "the demo comes with history: " + outline);

            // The administrator owns the demo; its people, the example Keycloak users among them
            // (matched by their Keycloak ids), have sensible roles.
            JsonNode members =
                getJson(first, "/api/papers/" + demo.get("id").asLong() + "/members");
            Map<String, String> roles = new java.util.HashMap<>();
            members.forEach(m -> roles.put(m.get("handle").asText(), m.get("role").asText()));
            assertEquals("OWNER", roles.get("admin"), "members: " + members);
            assertEquals("EDITOR", roles.get("amina"), "members: " + members);
            assertEquals("CONTRIBUTOR", roles.get("jonas"), "members: " + members);
            assertEquals("OBSERVER", roles.get("lee"), "members: " + members);
            assertEquals("OWNER", roles.get("sofia"), "members: " + members);

            // It comes with endorsements from several sectors and anchored comment threads.
            JsonNode endorsements =
                getJson(first, "/api/papers/" + demo.get("id").asLong() + "/endorsements");
            assertEquals(5, endorsements.get("proposals").size(), "proposals: " + endorsements);
            assertTrue(
                endorsements.get("proposals").get(0).get("tally").get("supportingGroups").asInt()
                    >= 3,
                "support from several sectors: " + endorsements);
            assertEquals(2, endorsements.get("paper").get("tally").get("endorse").asInt());
            JsonNode threads =
                getJson(first, "/api/papers/" + demo.get("id").asLong() + "/comments");
            assertEquals(3, threads.size(), "threads: " + threads);
            assertEquals("ATTACHED", threads.get(0).get("anchor").get("status").asText());
          });

      HttpResponse<String> created =
          first.send(
              http,
              request(first, "/api/papers")
                  .header("Content-Type", "application/json")
                  .POST(json("{\"title\":\"Survives restarts\",\"language\":\"en\"}")));
      first.run(() -> assertEquals(201, created.statusCode(), created.body()));
      paperId = JSON.readTree(created.body()).get("id").asLong();

      HttpResponse<String> section =
          first.send(
              http,
              request(first, "/api/papers/" + paperId + "/sections")
                  .header("Content-Type", "application/json")
                  .POST(json("{\"heading\":\"Kept\",\"body\":\"Every word survives.\"}")));
      first.run(
          () -> {
            assertEquals(201, section.statusCode(), section.body());
            assertNotNull(JSON.readTree(section.body()).get("id"), section.body());
          });
      sectionId = JSON.readTree(section.body()).get("id").asLong();
      String content = "/api/papers/" + paperId + "/sections/" + sectionId + "/content";

      HttpResponse<String> current = first.send(http, request(first, content).GET());
      String etag = current.headers().firstValue("ETag").orElse(null);
      first.run(
          () -> {
            assertEquals(200, current.statusCode(), current.body());
            assertNotNull(etag, "GET content gives an ETag");
          });
      HttpResponse<String> saved =
          first.send(
              http,
              request(first, content)
                  .header("If-Match", etag)
                  .header("Content-Type", "application/json")
                  .PUT(json("{\"body\":\"Every word survives a restart.\"}")));
      first.run(
          () -> {
            assertEquals(200, saved.statusCode(), saved.body());
            assertEquals(2, JSON.readTree(saved.body()).get("revision").asInt());
          });

      first.stop();
      String log = first.log();
      first.run(
          () -> {
            assertFalse(
                Files.exists(dataDir.resolve("postmaster.pid")),
                "PostgreSQL was stopped: no postmaster.pid left behind");
            assertTrue(
                log.contains("data lives in " + dataDir),
                "the startup log says where the data lives");
            assertTrue(
                log.contains("Embedded PostgreSQL stopped; data kept in " + dataDir),
                "the output says the embedded PostgreSQL stopped and where the data is");
          });
    }

    // ---- Second run: same data directory and port ----
    try (App second = App.start("2-restart", port, dataDir)) {
      second.run(
          () -> {
            second.awaitReady(http);
            signIn(second, http, adminPassword);

            JsonNode items = getJson(second, "/api/papers").get("items");
            assertEquals(2, items.size(), "both papers are back: " + items);
            List<String> slugs = new ArrayList<>();
            items.forEach(p -> slugs.add(p.get("slug").asText()));
            assertEquals(
                1, slugs.stream().filter(DEMO_SLUG::equals).count(), "demo seeded once: " + slugs);
            JsonNode paper = getJson(second, "/api/papers/" + paperId);
            assertEquals("Survives restarts", paper.get("title").asText());

            String base = "/api/papers/" + paperId + "/sections/" + sectionId;
            JsonNode content = getJson(second, base + "/content");
            assertEquals("Every word survives a restart.", content.get("body").asText());
            assertEquals(2, content.get("revision").asInt());
            JsonNode history = getJson(second, base + "/revisions");
            assertEquals(2, history.get("total").asInt(), "history: " + history);
            assertEquals(2, history.get("items").size());
            assertEquals(
                "Every word survives.",
                getJson(second, base + "/revisions/1").get("body").asText());
            assertFalse(second.log().contains("Seeded the demo paper"), "no second seeding");
          });
      second.stop();
    }
  }

  @Test
  void a_data_directory_of_postgresql_14_is_refused_with_a_message() throws Exception {
    Path dataDir = temp.resolve("pg14");
    Files.createDirectories(dataDir);
    Files.writeString(dataDir.resolve("PG_VERSION"), "14\n", StandardCharsets.US_ASCII);

    try (App app = App.start("3-old-data-directory", freePort(), dataDir)) {
      app.run(
          () -> {
            assertTrue(
                app.process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS),
                "the app exits by itself");
            assertNotEquals(0, app.process.exitValue(), "exit status says it failed");
            String log = app.log();
            assertTrue(log.contains("PostgreSQL 14"), "names the version found");
            assertTrue(log.contains("PostgreSQL 17"), "names the version needed");
            assertTrue(log.contains(dataDir.toString()), "names the directory");
            assertEquals("14\n", Files.readString(dataDir.resolve("PG_VERSION")));
          });
    }
  }

  // ---- Helpers ---------------------------------------------------------------------------------

  private JsonNode getJson(App app, String path) throws Exception {
    HttpResponse<String> response = app.send(http, request(app, path).GET());
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return JSON.readTree(response.body());
  }

  private static volatile String token;
  private static volatile String adminPassword;

  private static HttpRequest.Builder request(App app, String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  private static void signIn(App app, HttpClient http, String password) throws Exception {
    adminPassword = password;
    token = null;
    HttpResponse<String> signedIn =
        app.send(
            http,
            request(app, "/api/auth/sign-in")
                .header("Content-Type", "application/json")
                .POST(json("{\"handle\":\"admin\",\"password\":\"" + password + "\"}")));
    assertEquals(200, signedIn.statusCode(), signedIn.body());
    token = JSON.readTree(signedIn.body()).get("token").asText();
  }

  private static HttpRequest.BodyPublisher json(String body) {
    return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  @FunctionalInterface
  interface Check {
    void run() throws Exception;
  }

  /** One run of the packaged application, its output going to a file under target/. */
  static final class App implements AutoCloseable {
    final Process process;
    final int port;
    final Path logFile;
    final Path dataDir;

    private App(Process process, int port, Path logFile, Path dataDir) {
      this.process = process;
      this.port = port;
      this.logFile = logFile;
      this.dataDir = dataDir;
    }

    static App start(String name, int port, Path dataDir) throws IOException {
      Path jar = Path.of(System.getProperty("plenary.jar", "target/quarkus-app/quarkus-run.jar"));
      assertTrue(Files.isRegularFile(jar), "package the app first: no " + jar.toAbsolutePath());
      Path logs = Path.of("target", "restart-it");
      Files.createDirectories(logs);
      Path logFile = logs.resolve(name + ".log");
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      ProcessBuilder builder =
          new ProcessBuilder(
                  java.toString(),
                  "-Xmx512m",
                  "-Dquarkus.http.port=" + port,
                  "-Dquarkus.http.host=127.0.0.1",
                  "-Dplenary.db.data-dir=" + dataDir,
                  "-jar",
                  jar.toAbsolutePath().toString())
              .redirectErrorStream(true)
              .redirectOutput(logFile.toFile());
      PlenaryProcess.isolate(builder); // nothing from the test run may point the app elsewhere
      return new App(builder.start(), port, logFile, dataDir);
    }

    /** The administrator password the first start printed in its log. */
    String generatedAdminPassword() throws IOException {
      var m =
          java.util.regex.Pattern.compile("handle \"admin\" and password \"([^\"]+)\"")
              .matcher(Files.readString(logFile));
      assertTrue(m.find(), "the first start prints the administrator's one-time password");
      return m.group(1);
    }

    /** Runs checks, printing the tail of this run's output when one fails. */
    void run(Check check) throws Exception {
      try {
        check.run();
      } catch (Throwable failure) {
        System.err.println(
            "---- last lines of " + logFile.toAbsolutePath() + " ----\n" + tail(60) + "\n----");
        throw failure;
      }
    }

    HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
      List<HttpResponse<String>> response = new ArrayList<>();
      run(() -> response.add(http.send(request.build(), HttpResponse.BodyHandlers.ofString())));
      return response.get(0);
    }

    void awaitReady(HttpClient http) throws Exception {
      long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
      URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
      int last = -1;
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          fail("the app exited with " + process.exitValue() + " before it was ready");
        }
        try {
          HttpResponse<String> response =
              http.send(
                  HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
          last = response.statusCode();
          if (last == 200) {
            return;
          }
        } catch (ConnectException | java.net.http.HttpTimeoutException e) {
          // not listening yet
        } catch (IOException e) {
          // connection reset while starting
        }
        Thread.sleep(500);
      }
      fail("not ready within " + READY_TIMEOUT.toSeconds() + " s (last status " + last + ")");
    }

    /** SIGTERM, then waits for the process to exit. */
    void stop() throws Exception {
      process.destroy();
      run(
          () ->
              assertTrue(
                  process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS),
                  "the app stops within " + STOP_TIMEOUT.toSeconds() + " s of SIGTERM"));
    }

    String log() throws IOException {
      return Files.readString(logFile, StandardCharsets.UTF_8);
    }

    String tail(int lines) {
      try {
        List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
      } catch (IOException e) {
        return "(no output: " + e + ")";
      }
    }

    @Override
    public void close() throws Exception {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      // Killed before it could stop its PostgreSQL (pg_ctl detaches it from the app's process
      // tree): stop that one too, found by its data directory's postmaster.pid.
      Path pidFile = dataDir.resolve("postmaster.pid");
      if (Files.isRegularFile(pidFile)) {
        List<String> lines = Files.readAllLines(pidFile);
        if (!lines.isEmpty() && lines.get(0).strip().matches("[0-9]+")) {
          ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
              .ifPresent(
                  postgres -> {
                    postgres.destroy();
                    postgres
                        .onExit()
                        .orTimeout(30, TimeUnit.SECONDS)
                        .exceptionally(e -> null)
                        .join();
                  });
        }
      }
    }
  }
}
