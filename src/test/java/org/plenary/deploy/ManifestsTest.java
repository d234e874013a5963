package org.plenary.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deployment files under {@code deploy/} describe a Plenary that would start and be reachable:
 * every kustomization renders with {@code kubectl kustomize} and its objects point at each other
 * (Service at the pods, Ingress at the Service, HPA at the Deployment, the datasource at
 * CloudNativePG's secret, the realm import at the realm file), and the compose file has its three
 * services. Plain JUnit (no Quarkus), so it runs in seconds.
 *
 * <p>YAML is read by jackson-dataformat-yaml, already on the classpath through
 * quarkus-smallrye-openapi.
 */
class ManifestsTest {

  static final Path DEPLOY = Path.of("deploy").toAbsolutePath();
  static final Path K8S = DEPLOY.resolve("k8s");
  static final Path REALM_FILE = DEPLOY.resolve("keycloak/plenary-realm.json");

  /** The image the README documents; manifests name it with a release tag. */
  static final Pattern IMAGE = Pattern.compile("ghcr\\.io/plenary/plenary:(\\d+\\.\\d+\\.\\d+)");

  /** Keys of the {@code <cluster>-app} secret that CloudNativePG writes. */
  static final Set<String> CNPG_SECRET_KEYS =
      Set.of("uri", "jdbc-uri", "username", "password", "host", "port", "dbname");

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  static final Map<String, List<JsonNode>> rendered = new HashMap<>();

  /** The base and every overlay. */
  static Stream<String> kustomizations() throws IOException {
    List<String> dirs = new ArrayList<>(List.of("base"));
    try (Stream<Path> overlays = Files.list(K8S.resolve("overlays"))) {
      overlays
          .filter(p -> Files.isRegularFile(p.resolve("kustomization.yaml")))
          .map(p -> "overlays/" + p.getFileName())
          .sorted()
          .forEach(dirs::add);
    }
    return dirs.stream();
  }

  @BeforeAll
  static void kubectl_is_installed() {
    try {
      Process p = new ProcessBuilder("kubectl", "version", "--client").start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      fail(
          "kubectl is needed to check deploy/k8s (kubectl kustomize): install it, e.g. "
              + "`sudo apt-get install -y kubernetes-client` (.ci/run does so): "
              + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(e);
    }
  }

  @ParameterizedTest
  @MethodSource("kustomizations")
  void renders_every_kind_plenary_needs(String dir) throws Exception {
    Set<String> kinds = new TreeSet<>();
    objects(dir).forEach(o -> kinds.add(o.path("kind").asText()));
    assertTrue(
        kinds.containsAll(
            Set.of(
                "ConfigMap",
                "Deployment",
                "Service",
                "Ingress",
                "HorizontalPodAutoscaler",
                "PodDisruptionBudget",
                "Cluster",
                "Keycloak",
                "KeycloakRealmImport")),
        dir + " renders " + kinds);
    for (JsonNode o : objects(dir)) {
      assertFalse(o.path("metadata").path("name").asText().isEmpty(), "unnamed object in " + dir);
    }
  }

  @ParameterizedTest
  @MethodSource("kustomizations")
  void deployment_runs_two_probed_bounded_instances_of_the_documented_image(String dir)
      throws Exception {
    JsonNode deployment = one(dir, "Deployment", "plenary");
    assertTrue(deployment.at("/spec/replicas").asInt() >= 2, "replicas in " + dir);
    JsonNode container = plenaryContainer(deployment);

    Matcher image = IMAGE.matcher(container.path("image").asText());
    assertTrue(image.matches(), "image " + container.path("image") + " in " + dir);

    JsonNode port = container.path("ports").get(0);
    assertEquals(8080, port.path("containerPort").asInt());
    Set<String> portRefs = Set.of("8080", port.path("name").asText());
    Map<String, String> probes =
        Map.of(
            "startupProbe", "/q/health/started",
            "readinessProbe", "/q/health/ready",
            "livenessProbe", "/q/health/live");
    probes.forEach(
        (probe, path) -> {
          JsonNode get = container.path(probe).path("httpGet");
          assertEquals(path, get.path("path").asText(), probe + " in " + dir);
          assertTrue(portRefs.contains(get.path("port").asText()), probe + " port in " + dir);
        });

    for (String bound : List.of("requests", "limits")) {
      for (String resource : List.of("cpu", "memory")) {
        assertFalse(
            container.path("resources").path(bound).path(resource).asText().isEmpty(),
            "resources." + bound + "." + resource + " in " + dir);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("kustomizations")
  void shutdown_fits_in_the_grace_period(String dir) throws Exception {
    JsonNode deployment = one(dir, "Deployment", "plenary");
    JsonNode container = plenaryContainer(deployment);
    Map<String, String> env = environment(dir, container);

    JsonNode preStop = container.at("/lifecycle/preStop/exec/command");
    assertEquals("sleep", preStop.get(0).asText(), "preStop in " + dir);
    long sleep = Long.parseLong(preStop.get(1).asText());
    String timeout = env.get("QUARKUS_SHUTDOWN_TIMEOUT");
    assertNotNull(timeout, "QUARKUS_SHUTDOWN_TIMEOUT in " + dir);
    long shutdown = Duration.parse("PT" + timeout).toSeconds();
    long grace = deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asLong();
    assertTrue(
        sleep + shutdown < grace,
        "preStop " + sleep + " s + shutdown " + shutdown + " s < grace " + grace + " s in " + dir);
  }

  @ParameterizedTest
  @MethodSource("kustomizations")
  void datasource_comes_from_the_cloudnativepg_secret_and_turns_off_the_embedded_one(String dir)
      throws Exception {
    JsonNode container = plenaryContainer(one(dir, "Deployment", "plenary"));
    Map<String, String> env = environment(dir, container);
    // EmbeddedDatabase starts only when no JDBC URL is configured.
    assertTrue(
        env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "").startsWith("jdbc:postgresql://"),
        "QUARKUS_DATASOURCE_JDBC_URL in " + dir);

    Set<String> clusterSecrets = new TreeSet<>();
    kind(dir, "Cluster").forEach(c -> clusterSecrets.add(name(c) + "-app"));
    Set<String> used = new TreeSet<>();
    for (JsonNode var : container.path("env")) {
      JsonNode ref = var.at("/valueFrom/secretKeyRef");
      if (ref.isMissingNode() || ref.path("optional").asBoolean()) {
        continue;
      }
      String secret = ref.path("name").asText();
      assertTrue(clusterSecrets.contains(secret), secret + " is not one of " + clusterSecrets);
      assertTrue(CNPG_SECRET_KEYS.contains(ref.path("key").asText()), var.toString());
      used.add(var.path("name").asText());
    }
    assertTrue(
        used.containsAll(Set.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")),
        "secret-fed variables in " + dir + ": " + used);
    assertTrue(env.get("QUARKUS_DATASOURCE_JDBC_URL").contains("$(DB_HOST)"), dir);
  }

  @ParameterizedTest
  @MethodSource("kustomizations")
  void pool_sizes_fit_in_postgresql_connections(String dir) throws Exception {
    JsonNode container = plenaryContainer(one(dir, "Deployment", "plenary"));
    int pool = Integer.parseInt(environment(dir, container).get("PLENARY_DB_POOL_SIZE"));
    int maxReplicas =
        one(dir, "HorizontalPodAutoscaler", "plenary").at("/spec/maxReplicas").asInt();
    int maxConnections =
        Integer.parseInt(
            one(dir, "Cluster", "plenary-db")
                .at("/spec/postgresql/parameters/max_connections")
                .asText());
    assertTrue(
        maxReplicas * pool < maxConnections,
        maxReplicas + " replicas x " + pool + " connections < " + maxConnections + " in " + dir);
  }

  @ParameterizedTest
  @MethodSource("kustomizations")
  void service_ingress_hpa_and_pdb_point_at_plenary(String dir) throws Exception {
    JsonNode deployment = one(dir, "Deployment", "plenary");
    JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
    JsonNode container = plenaryContainer(deployment);
    String portName = container.path("ports").get(0).path("name").asText();

    JsonNode service = one(dir, "Service", "plenary");
    assertSelects(service.at("/spec/selector"), podLabels, "Service in " + dir);
    JsonNode servicePort = service.at("/spec/ports").get(0);
    assertTrue(
        Set.of(portName, "8080").contains(servicePort.path("targetPort").asText()),
        "Service targetPort in " + dir);

    List<JsonNode> plenaryIngresses = new ArrayList<>();
    for (JsonNode ingress : kind(dir, "Ingress")) {
      for (JsonNode rule : ingress.at("/spec/rules")) {
        for (JsonNode path : rule.at("/http/paths")) {
          JsonNode backend = path.at("/backend/service");
          if (!backend.path("name").asText().equals("plenary")) {
            continue;
          }
          plenaryIngresses.add(ingress);
          JsonNode port = backend.path("port");
          assertTrue(
              port.path("name").asText().equals(servicePort.path("name").asText())
                  || port.path("number").asInt() == servicePort.path("port").asInt(),
              "Ingress " + name(ingress) + " port " + port + " in " + dir);
        }
      }
    }
    assertFalse(plenaryIngresses.isEmpty(), "no Ingress for the plenary Service in " + dir);

    JsonNode hpa = one(dir, "HorizontalPodAutoscaler", "plenary");
    assertEquals("autoscaling/v2", hpa.path("apiVersion").asText());
    assertEquals("Deployment", hpa.at("/spec/scaleTargetRef/kind").asText());
    assertEquals(name(deployment), hpa.at("/spec/scaleTargetRef/name").asText());
    assertTrue(hpa.at("/spec/minReplicas").asInt() >= 2, "HPA minReplicas in " + dir);
    assertTrue(hpa.at("/spec/maxReplicas").asInt() >= hpa.at("/spec/minReplicas").asInt());

    JsonNode pdb = one(dir, "PodDisruptionBudget", "plenary");
    assertSelects(pdb.at("/spec/selector/matchLabels"), podLabels, "PDB in " + dir);
  }

  @ParameterizedTest
  @MethodSource("kustomizations")
  void event_streams_pass_the_ingress_unbuffered_and_metrics_do_not(String dir) throws Exception {
    JsonNode events = ingressFor(dir, "/events");
    JsonNode annotations = events.at("/metadata/annotations");
    assertEquals(
        "off", annotations.path("nginx.ingress.kubernetes.io/proxy-buffering").asText(), dir);
    assertTrue(
        annotations.path("nginx.ingress.kubernetes.io/proxy-read-timeout").asInt() >= 3600, dir);
    assertTrue("/api/papers/7/events".matches(pathOf(events, "/events")), "events path in " + dir);

    JsonNode metrics = ingressFor(dir, "/q/metrics");
    assertEquals(
        "127.0.0.1/32",
        metrics
            .at("/metadata/annotations")
            .path("nginx.ingress.kubernetes.io/whitelist-source-range")
            .asText(),
        dir);
  }

  @ParameterizedTest
  @MethodSource("kustomizations")
  void plenary_and_keycloak_find_each_other(String dir) throws Exception {
    JsonNode keycloak = kind(dir, "Keycloak").get(0);
    JsonNode realmImport = kind(dir, "KeycloakRealmImport").get(0);
    assertEquals(name(keycloak), realmImport.at("/spec/keycloakCRName").asText());

    String dbSecret = keycloak.at("/spec/db/usernameSecret/name").asText();
    assertTrue(
        kind(dir, "Cluster").stream().anyMatch(c -> (name(c) + "-app").equals(dbSecret)),
        "Keycloak's database secret " + dbSecret + " in " + dir);
    assertEquals(dbSecret.replaceFirst("-app$", "-rw"), keycloak.at("/spec/db/host").asText(), dir);

    Map<String, String> env = environment(dir, plenaryContainer(one(dir, "Deployment", "plenary")));
    assertEquals("true", env.get("PLENARY_OIDC_ENABLED"), dir);
    String realm = realmImport.at("/spec/realm/realm").asText();
    assertEquals(
        "http://" + name(keycloak) + "-service:8080/realms/" + realm,
        env.get("PLENARY_OIDC_URL"),
        "Plenary reaches Keycloak through the operator's Service in " + dir);
    assertTrue(keycloak.at("/spec/hostname/backchannelDynamic").asBoolean(), dir);
  }

  @Test
  void base_realm_import_is_the_realm_file() throws Exception {
    JsonNode realm = kind("base", "KeycloakRealmImport").get(0).at("/spec/realm");
    assertTrue(
        JSON.readTree(REALM_FILE.toFile()).equals(realm),
        "deploy/k8s/base/keycloak-realm-import.yaml differs from deploy/keycloak/"
            + "plenary-realm.json: run sh deploy/k8s/generate-realm-import.sh");
  }

  @Test
  void production_realm_is_the_realm_file_for_the_public_host_without_examples() throws Exception {
    String dir = "overlays/production";
    JsonNode realm = kind(dir, "KeycloakRealmImport").get(0).at("/spec/realm");
    String publicUrl =
        environment(dir, plenaryContainer(one(dir, "Deployment", "plenary")))
            .get("PLENARY_PUBLIC_URL");
    assertTrue(publicUrl.startsWith("https://"), publicUrl);

    ObjectNode expected = (ObjectNode) JSON.readTree(REALM_FILE.toFile());
    expected.remove("users");
    var clients = (com.fasterxml.jackson.databind.node.ArrayNode) expected.path("clients");
    for (int i = clients.size() - 1; i >= 0; i--) {
      ObjectNode client = (ObjectNode) clients.get(i);
      switch (client.path("clientId").asText()) {
        case "plenary-cli" -> clients.remove(i);
        case "plenary-web" -> {
          client.set("redirectUris", JSON.createArrayNode().add(publicUrl + "/*"));
          client.set("webOrigins", JSON.createArrayNode().add(publicUrl));
          ((ObjectNode) client.path("attributes"))
              .put("post.logout.redirect.uris", publicUrl + "/*");
        }
        default -> {}
      }
    }
    assertEquals(expected, realm);
  }

  @Test
  void production_runs_replicated_databases_and_keycloak() throws Exception {
    String dir = "overlays/production";
    for (JsonNode cluster : kind(dir, "Cluster")) {
      assertTrue(cluster.at("/spec/instances").asInt() >= 2, name(cluster) + " instances");
      assertEquals("plenary", cluster.at("/metadata/namespace").asText());
    }
    assertTrue(kind(dir, "Keycloak").get(0).at("/spec/instances").asInt() >= 2);
  }

  @Test
  void compose_runs_plenary_postgresql_and_keycloak_with_health_checks() throws Exception {
    JsonNode compose = YAML.readTree(DEPLOY.resolve("compose/compose.yaml").toFile());
    JsonNode services = compose.path("services");
    for (String service : List.of("plenary", "postgres", "keycloak")) {
      assertFalse(
          services.path(service).path("healthcheck").path("test").isMissingNode(),
          service + " healthcheck");
    }
    assertTrue(services.at("/postgres/image").asText().endsWith("postgres:15"));
    assertTrue(services.at("/keycloak/image").asText().matches(".*/keycloak:26\\.[0-9.]+"));
    assertTrue(IMAGE.matcher(services.at("/plenary/image").asText()).matches());

    List<String> command = new ArrayList<>();
    services.at("/keycloak/command").forEach(c -> command.add(c.asText()));
    assertTrue(command.contains("--import-realm"), command.toString());
    List<String> volumes = new ArrayList<>();
    services.at("/keycloak/volumes").forEach(v -> volumes.add(v.asText()));
    assertTrue(
        volumes.contains(
            "../keycloak/plenary-realm.json:/opt/keycloak/data/import/plenary-realm.json:ro"),
        volumes.toString());

    JsonNode env = services.at("/plenary/environment");
    assertEquals(
        "jdbc:postgresql://postgres:5432/plenary",
        env.path("QUARKUS_DATASOURCE_JDBC_URL").asText());
    assertEquals("http://keycloak:8080/realms/plenary", env.path("PLENARY_OIDC_URL").asText());
    assertEquals("service_healthy", services.at("/plenary/depends_on/postgres/condition").asText());
  }

  @Test
  void nginx_example_streams_events_unbuffered_and_keeps_metrics_inside() throws Exception {
    String conf = Files.readString(DEPLOY.resolve("nginx/plenary.conf"));
    // location [modifier] pattern { body } -- the example's locations have no nested blocks.
    Matcher location =
        Pattern.compile("location\\s+(=|~\\*?)?\\s*(\\S+)\\s*\\{([^}]*)\\}").matcher(conf);
    List<String> proxied = new ArrayList<>();
    String eventsBody = null;
    while (location.find()) {
      String modifier = location.group(1);
      String pattern = location.group(2);
      String body = location.group(3);
      java.util.function.Predicate<String> matches =
          modifier == null
              ? uri -> uri.startsWith(pattern)
              : modifier.equals("=")
                  ? uri -> uri.equals(pattern)
                  : uri -> Pattern.compile(pattern).matcher(uri).find();
      if (body.contains("proxy_pass")) {
        proxied.add(pattern);
        assertFalse(matches.test("/q/metrics"), "nginx proxies /q/metrics through " + pattern);
      }
      if (modifier != null && matches.test("/api/papers/7/events")) {
        eventsBody = body;
      }
    }
    assertNotNull(eventsBody, "no regex location for /api/papers/{id}/events");
    assertTrue(eventsBody.contains("proxy_buffering off;"), eventsBody);
    assertTrue(eventsBody.contains("proxy_read_timeout 1h;"), eventsBody);
    assertTrue(proxied.contains("/api/"), "proxied: " + proxied);
    assertTrue(conf.contains("client_max_body_size 3m;"), "2 MiB bodies reach Plenary");
  }

  @Test
  void nginx_example_forwards_only_the_address_it_saw_and_sends_the_security_headers()
      throws Exception {
    String conf = Files.readString(DEPLOY.resolve("nginx/plenary.conf"));
    // Appending ($proxy_add_x_forwarded_for) would keep what the client wrote in front.
    assertTrue(conf.contains("proxy_set_header X-Forwarded-For $remote_addr;"), conf);
    assertFalse(conf.contains("$proxy_add_x_forwarded_for"), conf);
    // Each location with an add_header of its own repeats the security headers (nginx does not
    // inherit add_header into such a location).
    Matcher location =
        Pattern.compile("location\\s+(=\\s*)?(/\\S*)\\s*\\{([^}]*)\\}").matcher(conf);
    int statics = 0;
    while (location.find()) {
      String body = location.group(3);
      if (body.contains("proxy_pass")) {
        continue;
      }
      statics++;
      for (String header :
          List.of(
              "Content-Security-Policy $plenary_csp",
              "X-Frame-Options DENY",
              "X-Content-Type-Options nosniff",
              "Referrer-Policy no-referrer")) {
        assertTrue(body.contains("add_header " + header + " always;"), location.group(2) + body);
      }
    }
    assertEquals(3, statics, "/, /assets/ and /index.html");
    assertTrue(conf.contains("script-src 'self';"), conf);
    assertTrue(conf.contains("frame-ancestors 'none'"), conf);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  static synchronized List<JsonNode> objects(String dir) throws Exception {
    List<JsonNode> cached = rendered.get(dir);
    if (cached == null) {
      cached = render(dir);
      rendered.put(dir, cached);
    }
    return cached;
  }

  /** {@code kubectl kustomize deploy/k8s/<dir>}, parsed document by document. */
  static List<JsonNode> render(String dir) throws Exception {
    Path out = Files.createTempFile("kustomize", ".yaml");
    Path err = Files.createTempFile("kustomize", ".err");
    try {
      Process p =
          new ProcessBuilder("kubectl", "kustomize", K8S.resolve(dir).toString())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        fail("kubectl kustomize " + dir + " took over 2 minutes");
      }
      assertEquals(
          0,
          p.exitValue(),
          "kubectl kustomize " + dir + ": " + Files.readString(err, StandardCharsets.UTF_8));
      List<JsonNode> docs = new ArrayList<>();
      try (var it = YAML.readerFor(JsonNode.class).readValues(out.toFile())) {
        while (it.hasNext()) {
          JsonNode doc = (JsonNode) it.next();
          if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
            docs.add(doc);
          }
        }
      }
      return docs;
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  static List<JsonNode> kind(String dir, String kind) throws Exception {
    return objects(dir).stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
  }

  static JsonNode one(String dir, String kind, String name) throws Exception {
    return kind(dir, kind).stream()
        .filter(o -> name(o).equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + dir));
  }

  static String name(JsonNode object) {
    return object.at("/metadata/name").asText();
  }

  static JsonNode plenaryContainer(JsonNode deployment) {
    for (JsonNode c : deployment.at("/spec/template/spec/containers")) {
      if (c.path("name").asText().equals("plenary")) {
        return c;
      }
    }
    throw new AssertionError("no container plenary in " + name(deployment));
  }

  /**
   * The container's plain environment: its ConfigMaps (which must exist among the rendered objects,
   * hash suffix and all) overlaid by its literal {@code env} values.
   */
  static Map<String, String> environment(String dir, JsonNode container) throws Exception {
    Map<String, String> env = new HashMap<>();
    for (JsonNode from : container.path("envFrom")) {
      String map = from.at("/configMapRef/name").asText();
      JsonNode data = one(dir, "ConfigMap", map).path("data");
      data.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    }
    for (JsonNode var : container.path("env")) {
      if (var.has("value")) {
        env.put(var.path("name").asText(), var.path("value").asText());
      }
    }
    return env;
  }

  static JsonNode ingressFor(String dir, String pathPart) throws Exception {
    for (JsonNode ingress : kind(dir, "Ingress")) {
      if (pathOf(ingress, pathPart) != null) {
        return ingress;
      }
    }
    throw new AssertionError("no Ingress path with " + pathPart + " in " + dir);
  }

  static String pathOf(JsonNode ingress, String pathPart) {
    for (JsonNode rule : ingress.at("/spec/rules")) {
      for (JsonNode path : rule.at("/http/paths")) {
        if (path.path("path").asText().contains(pathPart)) {
          return path.path("path").asText();
        }
      }
    }
    return null;
  }

  static void assertSelects(JsonNode selector, JsonNode podLabels, String what) {
    assertTrue(selector.size() > 0, what + " selects nothing");
    selector
        .fields()
        .forEachRemaining(
            e ->
                assertEquals(
                    e.getValue().asText(),
                    podLabels.path(e.getKey()).asText(),
                    what + " selects " + e.getKey() + " that the pods do not carry"));
  }
}
