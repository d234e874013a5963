package org.plenary.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Server-Sent Events client for tests: reads a stream on a thread of its own and hands its events
 * over one by one. Plain {@code java.net.http}, as a browser's fetch would read the stream.
 */
public final class SseClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One event; {@code id} is null when the event set none. */
  public record Event(String id, String name, String data) {
    public JsonNode json() {
      try {
        return JSON.readTree(data);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final int status;
  private final String contentType;
  private final String body;
  private final InputStream in;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final List<Event> seen = new ArrayList<>();
  private volatile boolean ended;

  private SseClient(HttpResponse<InputStream> response) throws IOException {
    this.status = response.statusCode();
    this.contentType = response.headers().firstValue("Content-Type").orElse("");
    this.in = response.body();
    if (status != 200) {
      this.body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      in.close();
      return;
    }
    this.body = null;
    Thread reader = new Thread(this::read, "sse-client");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens {@code url} with a bearer token (null: none) and a Last-Event-ID (null: none). */
  public static SseClient open(String url, String token, String lastEventId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    try {
      return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int status() {
    return status;
  }

  public String contentType() {
    return contentType;
  }

  /** The body of a refused request (a problem+json). */
  public String body() {
    return body;
  }

  /** Whether the server ended the stream. */
  public boolean ended() {
    return ended && events.isEmpty();
  }

  /** The next event named {@code name}, skipping others; fails after {@code timeout}. */
  public Event await(String name, Duration timeout) {
    return await(e -> name.equals(e.name()), "an event named " + name, timeout);
  }

  /** The next event that matches, skipping others; fails after {@code timeout}. */
  public Event await(Predicate<Event> wanted, String what, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        Event e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
        if (e == null) {
          throw new AssertionError(
              "no " + what + " within " + timeout + "; seen: " + List.copyOf(seen));
        }
        seen.add(e);
        if (wanted.test(e)) {
          return e;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every event that arrives within {@code quiet} of the one before, then stops. */
  public List<Event> drain(Duration quiet) {
    List<Event> out = new ArrayList<>();
    try {
      Event e;
      while ((e = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
        seen.add(e);
        out.add(e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String id = null;
      String name = null;
      StringBuilder data = null;
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (data != null) {
            events.add(new Event(id, name == null ? "message" : name, data.toString()));
          }
          id = null;
          name = null;
          data = null;
        } else if (line.startsWith(":")) {
          continue;
        } else {
          int colon = line.indexOf(':');
          String field = colon < 0 ? line : line.substring(0, colon);
          String value = colon < 0 ? "" : line.substring(colon + 1);
          if (value.startsWith(" ")) {
            value = value.substring(1);
          }
          switch (field) {
            case "id" -> id = value;
            case "event" -> name = value;
            case "data" ->
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            default -> {}
          }
        }
      }
    } catch (IOException e) {
      // closed by close() or by the server
    } finally {
      ended = true;
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
