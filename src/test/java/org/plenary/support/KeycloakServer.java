package org.plenary.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real Keycloak for the tests, started once per test run: the distribution that Maven unpacks
 * into {@code target/keycloak} (org.keycloak:keycloak-quarkus-dist, see the pom), in dev mode on a
 * free port of 127.0.0.1, importing the realm of {@code deploy/keycloak/plenary-realm.json}. Its
 * master realm gets a bootstrap administrator with a password made up for this run, which {@link
 * #allowWebApp} uses to let a web app on any port sign in.
 */
public final class KeycloakServer {

  public static final String VERSION = "26.7.3";
  public static final String REALM = "plenary";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  private static final String ADMIN_USER = "test-admin";
  private static final String WEB_CLIENT = "plenary-web";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Made up per run: the master realm's administrator exists only in this run's database. */
  private static String ADMIN_PASSWORD = UUID.randomUUID().toString();

  /**
   * Where a Keycloak started for one Maven run is described for the next test JVM of the same run
   * (surefire's, then failsafe's), with {@code test.keycloak.shared=true} (set in the pom).
   */
  private static final Path SHARED = Path.of("target", "keycloak", "shared.properties");

  private static KeycloakServer running;

  private final Process process;
  private final int port;

  private KeycloakServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * The running Keycloak, starting it on first use: once per test run. Under Maven ({@code
   * test.keycloak.shared=true}) surefire's and failsafe's test JVMs share one Keycloak: the first
   * starts it and leaves it to a watchdog that stops it when the Maven process ends (however it
   * ends); the next attaches to it. Elsewhere (an IDE) it stops with the JVM.
   */
  public static synchronized KeycloakServer get() {
    if (running == null) {
      boolean shared = Boolean.getBoolean("test.keycloak.shared");
      var maven = shared ? mavenProcess() : java.util.Optional.<ProcessHandle>empty();
      running = maven.flatMap(KeycloakServer::attach).orElse(null);
      if (running == null) {
        running = start();
        KeycloakServer started = running;
        if (maven.isPresent()) {
          started.leaveTo(maven.get());
        } else {
          Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "keycloak-stop"));
        }
      }
    }
    return running;
  }

  /** The Maven JVM that forked this test JVM (possibly through a shell), if there is one. */
  private static java.util.Optional<ProcessHandle> mavenProcess() {
    var ancestor = ProcessHandle.current().parent();
    while (ancestor.isPresent()) {
      String command = ancestor.get().info().command().orElse("");
      if (command.endsWith("/java")) {
        return ancestor;
      }
      if (!(command.endsWith("/sh") || command.endsWith("/bash") || command.endsWith("/dash"))) {
        return java.util.Optional.empty();
      }
      ancestor = ancestor.get().parent();
    }
    return java.util.Optional.empty();
  }

  /** The Keycloak an earlier test JVM of the same Maven process started, if it still answers. */
  private static java.util.Optional<KeycloakServer> attach(ProcessHandle maven) {
    if (!Files.isRegularFile(SHARED)) {
      return java.util.Optional.empty();
    }
    java.util.Properties p = new java.util.Properties();
    try (var in = Files.newInputStream(SHARED)) {
      p.load(in);
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
    if (!Long.toString(maven.pid()).equals(p.getProperty("maven"))) {
      return java.util.Optional.empty(); // another run's
    }
    int port = Integer.parseInt(p.getProperty("port"));
    KeycloakServer attached = new KeycloakServer(null, port);
    if (!attached.answers()) {
      return java.util.Optional.empty();
    }
    ADMIN_PASSWORD = p.getProperty("admin");
    return java.util.Optional.of(attached);
  }

  /**
   * Hands this Keycloak over to a watchdog that stops it when {@code maven} ends, and describes it
   * for the run's next test JVM.
   */
  private void leaveTo(ProcessHandle maven) {
    StringBuilder pids = new StringBuilder(Long.toString(process.pid()));
    process.descendants().forEach(d -> pids.append(' ').append(d.pid()));
    try {
      new ProcessBuilder(
              "sh",
              "-c",
              "while kill -0 "
                  + maven.pid()
                  + " 2>/dev/null; do sleep 2; done; kill "
                  + pids
                  + " 2>/dev/null; sleep 20; kill -9 "
                  + pids
                  + " 2>/dev/null")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      java.util.Properties p = new java.util.Properties();
      p.setProperty("maven", Long.toString(maven.pid()));
      p.setProperty("port", Integer.toString(port));
      p.setProperty("admin", ADMIN_PASSWORD);
      try (var out = Files.newOutputStream(SHARED)) {
        p.store(out, "Keycloak of this Maven run (support/KeycloakServer)");
      }
    } catch (IOException e) {
      Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "keycloak-stop"));
    }
  }

  /** Whether the realm answers now. */
  private boolean answers() {
    try {
      return HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(2))
              .build()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(realmUrl() + "/.well-known/openid-configuration"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The realm's URL, which is also the issuer of its tokens. */
  public String realmUrl() {
    return "http://127.0.0.1:" + port + "/realms/" + REALM;
  }

  /** An access token for a user of the example realm, by the password grant. */
  public String token(String username, String password) {
    String form =
        "grant_type=password&client_id=plenary-cli&scope=openid&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(HttpRequest.BodyPublishers.ofString(form))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "Keycloak refused the password grant for " + username + ": " + response.body());
      }
      var m =
          java.util.regex.Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"")
              .matcher(response.body());
      if (!m.find()) {
        throw new IllegalStateException("No access token in " + response.body());
      }
      return m.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Lets the web app served at {@code origin} (e.g. {@code http://127.0.0.1:41234}) sign in with
   * the realm's public client {@code plenary-web}: adds the origin to its redirect URIs, its
   * post-logout redirect URIs and its web origins (CORS for the token endpoint), through the admin
   * REST API. The committed realm allows only port 8080; tests run the app on a free port.
   */
  public synchronized void allowWebApp(String origin) {
    String clients = "http://127.0.0.1:" + port + "/admin/realms/" + REALM + "/clients";
    String admin = adminToken();
    JsonNode found = adminCall(admin, "GET", clients + "?clientId=" + WEB_CLIENT, null);
    if (!found.isArray() || found.size() != 1) {
      throw new IllegalStateException("The realm has no client " + WEB_CLIENT + ": " + found);
    }
    ObjectNode client = (ObjectNode) found.get(0);
    String pattern = origin + "/*";
    addTo(arrayIn(client, "redirectUris"), pattern);
    addTo(arrayIn(client, "webOrigins"), origin);
    ObjectNode attributes =
        client.get("attributes") instanceof ObjectNode o ? o : client.putObject("attributes");
    String logout = attributes.path("post.logout.redirect.uris").asText("");
    if (!java.util.Arrays.asList(logout.split("##")).contains(pattern)) {
      attributes.put(
          "post.logout.redirect.uris", logout.isEmpty() ? pattern : logout + "##" + pattern);
    }
    adminCall(admin, "PUT", clients + "/" + client.get("id").asText(), client);
  }

  private static ArrayNode arrayIn(ObjectNode node, String name) {
    return node.get(name) instanceof ArrayNode a ? a : node.putArray(name);
  }

  private static void addTo(ArrayNode values, String value) {
    for (JsonNode v : values) {
      if (v.asText().equals(value)) {
        return;
      }
    }
    values.add(value);
  }

  /** A token of the bootstrap administrator, from the master realm's admin-cli client. */
  private String adminToken() {
    String form =
        "grant_type=password&client_id=admin-cli&username="
            + URLEncoder.encode(ADMIN_USER, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + port
                            + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Keycloak refused its bootstrap administrator: " + response.body());
    }
    return parse(response.body()).get("access_token").asText();
  }

  private static JsonNode adminCall(String token, String method, String url, JsonNode body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    HttpResponse<String> response = send(request.build());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          method + " " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isBlank() ? JSON.nullNode() : parse(response.body());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KeycloakServer start() {
    Path home = Path.of("target", "keycloak", "keycloak-" + VERSION).toAbsolutePath();
    Path kc = home.resolve("bin/kc.sh");
    if (!Files.isExecutable(kc) && !kc.toFile().setExecutable(true)) {
      throw new IllegalStateException(
          "No Keycloak in " + home + ": run the tests through Maven (it unpacks the distribution)");
    }
    try {
      // A fresh realm every run: dev mode keeps its H2 database in data/h2.
      deleteTree(home.resolve("data/h2"));
      Path imports = Files.createDirectories(home.resolve("data/import"));
      Files.copy(
          Path.of("deploy/keycloak/plenary-realm.json"),
          imports.resolve("plenary-realm.json"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      int port = freePort();
      int management = freePort();
      Path log = Path.of("target", "keycloak", "keycloak.log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  kc.toString(),
                  "start-dev",
                  "--http-host=127.0.0.1",
                  "--http-port=" + port,
                  "--http-management-port=" + management,
                  "--hostname-strict=false",
                  "--import-realm")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
      builder.environment().remove("KC_DB");
      builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
      builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
      Process process = builder.start();
      KeycloakServer server = new KeycloakServer(process, port);
      server.awaitReady(log);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start Keycloak", e);
    }
  }

  private void awaitReady(Path log) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI wellKnown = URI.create(realmUrl() + "/.well-known/openid-configuration");
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited during start; see " + log);
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(wellKnown).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    stop();
    throw new IllegalStateException("Keycloak did not become ready in " + START_TIMEOUT);
  }

  /** Stops Keycloak: kc.sh may leave a shell parent, so its Java child is stopped by PID. */
  void stop() {
    if (process == null) {
      return; // attached: the run's watchdog stops it
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
