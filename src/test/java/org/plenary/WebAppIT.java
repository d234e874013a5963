package org.plenary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.support.KeycloakServer;
import org.plenary.support.PlenaryProcess;

/**
 * The web app in a real browser: starts the packaged application once ({@code java -jar
 * quarkus-run.jar}, embedded PostgreSQL in a fresh data directory, demo paper seeded), signs in
 * with the one-time administrator password from its log, and runs the browser scenarios of {@code
 * frontend/e2e} (playwright-core driving Debian's Chromium). Each scenario checks that the browser
 * logged no console errors and that axe-core finds no WCAG 2.1 A/AA violation on each main screen.
 * Single sign-on is on, against the test run's Keycloak ({@link KeycloakServer}, which is told to
 * accept this app's origin), so the {@code keycloak} scenario signs in there with an example user.
 * A second instance of the same jar runs on the first one's PostgreSQL, as behind a load balancer
 * ({@code PLENARY_URL_B}), for the {@code coedit-scale} scenario.
 *
 * <p>Output: {@code target/e2e/app.log} and {@code target/e2e/app-b.log} (the two instances),
 * {@code target/e2e/e2e.log} (the scenarios) and a screenshot of each main screen in {@code
 * target/e2e/screenshots/}.
 */
class WebAppIT {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration E2E_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Path E2E_DIR = Path.of("frontend", "e2e").toAbsolutePath();
  private static final Path OUT = Path.of("target", "e2e").toAbsolutePath();

  /** An example user of deploy/keycloak/plenary-realm.json: an editor of the demo paper. */
  private static final String KEYCLOAK_USER = "amina";

  @TempDir Path temp;

  @Test
  void the_web_app_passes_its_browser_scenarios() throws Exception {
    Assumptions.assumeFalse(
        Boolean.getBoolean("plenary.frontend.skip"),
        "built with -Dfrontend.skip=true: the jar holds no web app to test");
    Path chromium = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
    assertTrue(
        Files.isExecutable(chromium),
        "the browser tests need Chromium at "
            + chromium
            + ": sudo apt-get install -y chromium (or -De2e.chromium=/path/to/chromium)");
    Files.createDirectories(OUT);
    deleteScreenshots();

    // npm ci first: it needs no running app, and its failure says more than a browser's would.
    run(List.of("npm", "ci", "--no-audit", "--no-fund"), E2E_DIR, Duration.ofMinutes(5), null);

    int port = freePort();
    int dbPort = freePort();
    Path jar = Path.of(System.getProperty("plenary.jar", "target/quarkus-app/quarkus-run.jar"));
    assertTrue(Files.isRegularFile(jar), "package the app first: no " + jar.toAbsolutePath());
    Path appLog = OUT.resolve("app.log");
    Path dataDir = temp.resolve("pg");
    String url = "http://127.0.0.1:" + port;
    // Single sign-on on, against the test run's Keycloak (started once, shared with the
    // @QuarkusTests): the browser signs in there and comes back to this origin.
    KeycloakServer keycloak = KeycloakServer.get();
    keycloak.allowWebApp(url);
    ProcessBuilder builder =
        instance(
            jar,
            port,
            keycloak,
            appLog,
            List.of(
                "-Dplenary.db.data-dir=" + dataDir,
                "-Dplenary.db.port=" + dbPort,
                "-Dplenary.demo.enabled=true"));
    Process app = builder.start();
    Process appB = null;
    try {
      awaitReady(app, port, appLog);
      String password = generatedAdminPassword(appLog);
      // A second instance of the same jar on the first one's PostgreSQL, as behind a load
      // balancer (ScaleOutIT): started once the first has migrated the schema.
      int portB = freePort();
      String urlB = "http://127.0.0.1:" + portB;
      keycloak.allowWebApp(urlB);
      Path appLogB = OUT.resolve("app-b.log");
      appB =
          instance(
                  jar,
                  portB,
                  keycloak,
                  appLogB,
                  List.of(
                      "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:"
                          + dbPort
                          + "/plenary",
                      "-Dquarkus.datasource.username=postgres",
                      "-Dplenary.demo.enabled=false"))
              .start();
      awaitReady(appB, portB, appLogB);

      List<String> command = new ArrayList<>(List.of("node", "run.mjs"));
      String scenarios = System.getProperty("e2e.scenarios", "").strip();
      if (!scenarios.isEmpty()) {
        command.addAll(List.of(scenarios.split("[,\\s]+")));
      }
      var env =
          new java.util.HashMap<>(
              java.util.Map.of(
                  "PLENARY_URL",
                  url,
                  "PLENARY_URL_B",
                  urlB,
                  "PLENARY_ADMIN_HANDLE",
                  "admin",
                  "PLENARY_ADMIN_PASSWORD",
                  password,
                  "E2E_SCREENSHOTS",
                  OUT.resolve("screenshots").toString(),
                  "E2E_DOWNLOADS",
                  OUT.resolve("downloads").toString(),
                  "E2E_CHROMIUM",
                  chromium.toString(),
                  "PLENARY_KEYCLOAK_URL",
                  keycloak.realmUrl(),
                  "PLENARY_KEYCLOAK_USER",
                  KEYCLOAK_USER,
                  "PLENARY_KEYCLOAK_PASSWORD",
                  KEYCLOAK_USER + "-example-pass"));
      long start = System.nanoTime();
      int exit = run(command, E2E_DIR, E2E_TIMEOUT, env);
      System.out.printf(
          "WebAppIT: browser scenarios took %d s%n",
          Duration.ofNanos(System.nanoTime() - start).toSeconds());
      if (exit != 0) {
        System.err.println("---- last lines of " + appLog + " ----\n" + tail(appLog, 40));
      }
      assertEquals(
          0,
          exit,
          "the browser scenarios failed: see the output above, "
              + OUT.resolve("e2e.log")
              + " and the screenshots in "
              + OUT.resolve("screenshots"));
    } finally {
      if (appB != null) {
        stop(appB, null);
      }
      stop(app, dataDir);
    }
  }

  /**
   * One instance of the packaged app on {@code port}, its output in {@code log}; {@code settings}
   * say where its database is. Nothing from the environment running the tests may point it
   * elsewhere.
   */
  private static ProcessBuilder instance(
      Path jar, int port, KeycloakServer keycloak, Path log, List<String> settings) {
    String url = "http://127.0.0.1:" + port;
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dplenary.public-url=" + url,
                "-Dquarkus.oidc.tenant-enabled=true",
                "-Dquarkus.oidc.auth-server-url=" + keycloak.realmUrl()));
    command.addAll(settings);
    command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    PlenaryProcess.isolate(builder); // nothing from the test run may point the app elsewhere
    return builder;
  }

  /**
   * Runs a command in {@code dir}, copying its output to this test's output and to {@code
   * target/e2e/e2e.log}; returns its exit status, or fails when it outlives {@code timeout}.
   */
  private static int run(
      List<String> command, Path dir, Duration timeout, java.util.Map<String, String> env)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.redirectErrorStream(true);
    if (env != null) {
      builder.environment().putAll(env);
    }
    Process process = builder.start();
    Path log = OUT.resolve("e2e.log");
    Thread copier =
        new Thread(
            () -> {
              try (BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  PrintWriter out =
                      new PrintWriter(
                          Files.newBufferedWriter(
                              log,
                              StandardCharsets.UTF_8,
                              java.nio.file.StandardOpenOption.CREATE,
                              java.nio.file.StandardOpenOption.APPEND),
                          true)) {
                out.println("$ " + String.join(" ", command));
                String line;
                while ((line = in.readLine()) != null) {
                  System.out.println(line);
                  out.println(line);
                }
              } catch (IOException e) {
                System.err.println("WebAppIT: lost the output of " + command + ": " + e);
              }
            },
            "e2e-output");
    copier.start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      copier.join(5_000);
      fail(String.join(" ", command) + " did not finish within " + timeout.toMinutes() + " min");
    }
    copier.join(10_000);
    return process.exitValue();
  }

  private static void awaitReady(Process app, int port, Path appLog) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    int last = -1;
    while (System.nanoTime() < deadline) {
      if (!app.isAlive()) {
        fail(
            "Plenary exited with "
                + app.exitValue()
                + " before it was ready:\n"
                + tail(appLog, 40));
      }
      try {
        last =
            http.send(
                    HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
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
    fail(
        "Plenary was not ready within "
            + READY_TIMEOUT.toSeconds()
            + " s (last status "
            + last
            + "):\n"
            + tail(appLog, 40));
  }

  /** The administrator password the first start printed in its log. */
  private static String generatedAdminPassword(Path appLog) throws IOException {
    Matcher m =
        Pattern.compile("handle \"admin\" and password \"([^\"]+)\"")
            .matcher(Files.readString(appLog, StandardCharsets.UTF_8));
    assertTrue(m.find(), "the first start prints the administrator's one-time password");
    return m.group(1);
  }

  /**
   * SIGTERM (Plenary then stops its embedded PostgreSQL, if {@code dataDir} names one); if that
   * hangs, the hard way.
   */
  private static void stop(Process app, Path dataDir) throws Exception {
    app.destroy();
    if (!app.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      app.destroyForcibly();
      app.waitFor(10, TimeUnit.SECONDS);
    }
    if (dataDir == null) {
      return;
    }
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
                  postgres.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
                });
      }
    }
  }

  private static void deleteScreenshots() throws IOException {
    Path dir = OUT.resolve("screenshots");
    if (Files.isDirectory(dir)) {
      try (var files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
    Files.deleteIfExists(OUT.resolve("e2e.log"));
  }

  private static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
