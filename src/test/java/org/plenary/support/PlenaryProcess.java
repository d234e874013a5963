package org.plenary.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * The packaged application ({@code java -jar quarkus-run.jar}) running as a process of its own, for
 * integration tests that need several instances, kill one, or restart its database. Its output goes
 * to {@code target/<dir>/<name>.log}.
 */
public final class PlenaryProcess implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public final String name;
  public final int port;
  private final Path logFile;
  private Process process;

  private PlenaryProcess(String name, int port, Path logFile, Process process) {
    this.name = name;
    this.port = port;
    this.logFile = logFile;
    this.process = process;
  }

  /**
   * Starts the jar on {@code port} with the given system properties ({@code -Dkey=value}); nothing
   * from the environment running the tests may point it elsewhere.
   */
  public static PlenaryProcess start(
      String dir, String name, int port, Map<String, String> properties) {
    Path jar = Path.of(System.getProperty("plenary.jar", "target/quarkus-app/quarkus-run.jar"));
    if (!Files.isRegularFile(jar)) {
      fail("package the app first: no " + jar.toAbsolutePath());
    }
    try {
      Path logs = Path.of("target", dir);
      Files.createDirectories(logs);
      Path logFile = logs.resolve(name + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx384m");
      command.add("-Dquarkus.http.port=" + port);
      command.add("-Dquarkus.http.host=127.0.0.1");
      properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
      command.add("-jar");
      command.add(jar.toAbsolutePath().toString());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      isolate(builder);
      return new PlenaryProcess(name, port, logFile, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Removes from {@code builder}'s environment whatever of the test run's could point the app
   * elsewhere (Quarkus' and Plenary's settings, {@code PORT}); returns it.
   */
  public static ProcessBuilder isolate(ProcessBuilder builder) {
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("PLENARY_") || k.equals("PORT"));
    return builder;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** Waits until {@code /q/health/ready} answers 200. */
  public void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int last = -1;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail(name + " exited with " + process.exitValue() + " before it was ready:\n" + tail(40));
      }
      last = readiness();
      if (last == 200) {
        return;
      }
      sleep(300);
    }
    fail(name + " not ready within " + timeout + " (last status " + last + "):\n" + tail(40));
  }

  /** The status of {@code /q/health/ready}, or -1 when nothing answers. */
  public int readiness() {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                  .timeout(Duration.ofSeconds(5))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (ConnectException | java.net.http.HttpTimeoutException e) {
      return -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The readiness document (parsed), whatever its status. */
  public JsonNode health() {
    return send("GET", "/q/health/ready", null, null).json();
  }

  /** An answer: status, headers we need, body. */
  public record Answer(int status, String etag, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public Answer expect(int expected) {
      assertEquals(expected, status, body);
      return this;
    }
  }

  /** Sends a request; headers are pairs of name and value. Throws when nothing answers. */
  public Answer send(String method, String path, String token, Object body, String... headers) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url(path)))
              .timeout(Duration.ofSeconds(30))
              .header("Accept", "application/json");
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      for (int i = 0; i + 1 < headers.length; i += 2) {
        request.header(headers[i], headers[i + 1]);
      }
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request
            .header("Content-Type", "application/json")
            .method(
                method,
                HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(body), StandardCharsets.UTF_8));
      }
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("ETag").orElse(null),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Signs in and returns the token. */
  public String signIn(String handle, String password) {
    return send("POST", "/api/auth/sign-in", null, Map.of("handle", handle, "password", password))
        .expect(200)
        .json()
        .get("token")
        .asText();
  }

  /** SIGKILL: the instance dies mid-whatever, as a crashed machine would. */
  public void kill() {
    process.destroyForcibly();
    waitFor(10);
  }

  /** SIGTERM, then waits for the process to exit. */
  public void stop() {
    process.destroy();
    if (!waitFor(30)) {
      fail(name + " did not stop within 30 s of SIGTERM");
    }
  }

  private boolean waitFor(int seconds) {
    try {
      return process.waitFor(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  public String log() {
    try {
      return Files.readString(logFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      waitFor(10);
    }
  }
}
