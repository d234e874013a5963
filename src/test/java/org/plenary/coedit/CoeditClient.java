package org.plenary.coedit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * A co-editor in a test: a WebSocket to a section's live document (java.net.http, with the bearer
 * token in {@code Authorization} as any non-browser client sends it) and its own Yjs document, kept
 * in sync with y-protocols' messages as the web app will.
 */
final class CoeditClient implements AutoCloseable {

  static final Duration SOON = Duration.ofSeconds(20);

  /** How many updates of the section are stored ({@code live_update} rows). */
  static long storedUpdates(DataSource dataSource, long sectionId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM live_update WHERE section_id = ?")) {
      s.setLong(1, sectionId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * The section's text as stored: the snapshot, then every update stored after it (read back as a
   * fresh instance would).
   */
  static String storedText(Yjs yjs, DataSource dataSource, long sectionId) throws SQLException {
    Yjs.Doc doc = yjs.create();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT state, through_seq FROM live_document WHERE section_id = ?")) {
      s.setLong(1, sectionId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new AssertionError("no live document for section " + sectionId);
        }
        yjs.load(doc, rs.getBytes(1));
        for (LiveDocuments.Update u : LiveDocuments.updatesAfter(c, sectionId, rs.getLong(2))) {
          yjs.load(doc, u.bytes());
        }
      }
    }
    return yjs.text(doc);
  }

  private final Yjs yjs;
  final Yjs.Doc doc;
  private final WebSocket socket;
  private final BlockingQueue<byte[]> inbox = new LinkedBlockingQueue<>();
  private volatile int closeCode = -1;
  private volatile String closeReason;
  long lastSaved = -1;

  /** Saved messages received, and updates or step 2 messages sent that the server answers so. */
  int saves;

  int toBeSaved;
  String denied;

  /** The others' awareness states as received, by client id (removed ones are gone). */
  final Map<Long, JsonNode> peers = new HashMap<>();

  /** Every awareness entry received, in order. */
  final List<AwarenessMessages.Entry> heard = new ArrayList<>();

  private static final ObjectMapper JSON = new ObjectMapper();

  private CoeditClient(Yjs yjs, String path, String token) {
    this.yjs = yjs;
    this.doc = yjs.create();
    URI uri =
        URI.create(RestAssured.baseURI.replaceFirst("^http", "ws") + ":" + RestAssured.port + path);
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    socket = builder.buildAsync(uri, new Listener()).join();
  }

  /** Opens the section's socket and syncs (step 1 sent, step 2 awaited). */
  static CoeditClient open(Yjs yjs, String sectionPath, String token) {
    CoeditClient client = new CoeditClient(yjs, sectionPath + "/live", token);
    client.send(SyncMessages.step1(yjs.stateVector(client.doc)));
    return client;
  }

  /** Tries to open a socket without syncing (to see it refused). */
  static CoeditClient connect(Yjs yjs, String sectionPath, String token) {
    return new CoeditClient(yjs, sectionPath + "/live", token);
  }

  String text() {
    return yjs.text(doc);
  }

  /** Makes the client's text {@code next} and sends the change, without waiting. */
  byte[] type(String next) {
    byte[] update = yjs.replaceText(doc, next);
    send(SyncMessages.update(update));
    toBeSaved++;
    return update;
  }

  /** Sends this client's awareness state (JSON, or {@code "null"} for gone) at {@code clock}. */
  void announce(long clientId, long clock, String state) {
    send(AwarenessMessages.message(List.of(new AwarenessMessages.Entry(clientId, clock, state))));
  }

  /** Waits until the others' state of {@code clientId} is there and satisfies {@code check}. */
  JsonNode untilPeer(long clientId, java.util.function.Predicate<JsonNode> check) {
    until(
        "the awareness state of client " + clientId + " (have " + peers + ")",
        () -> peers.containsKey(clientId) && check.test(peers.get(clientId)));
    return peers.get(clientId);
  }

  void untilPeerGone(long clientId) {
    until(
        "client " + clientId + " gone (have " + peers + ")",
        () -> !peers.containsKey(clientId) && heardOf(clientId));
  }

  boolean heardOf(long clientId) {
    return heard.stream().anyMatch(e -> e.clientId() == clientId);
  }

  void send(byte[] message) {
    socket.sendBinary(ByteBuffer.wrap(message), true).join();
  }

  /** Handles what arrives until {@code done} holds; fails after {@link #SOON}. */
  void until(String what, BooleanSupplier done) {
    Instant deadline = Instant.now().plus(SOON);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "Not seen in time: "
                + what
                + " (text "
                + text()
                + ", closed "
                + closeCode
                + " "
                + closeReason
                + ", denied "
                + denied
                + ", saved "
                + saves
                + " of "
                + toBeSaved
                + ")");
      }
      try {
        byte[] message = inbox.poll(100, TimeUnit.MILLISECONDS);
        if (message != null) {
          handle(message);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  void untilText(String expected) {
    until("the text " + expected, () -> text().equals(expected));
  }

  /**
   * Two co-editors write one after the other: {@code first} makes the text {@code firstText} and
   * waits until it is saved, {@code second} waits to see it, then makes it {@code secondText} and
   * waits until that is saved.
   */
  static void typeInTurn(
      CoeditClient first, String firstText, CoeditClient second, String secondText) {
    first.type(firstText);
    first.untilAllSaved();
    second.untilText(firstText);
    second.type(secondText);
    second.untilAllSaved();
  }

  /** Waits until the server acknowledged every update this client sent. */
  void untilAllSaved() {
    until("every update saved", () -> saves >= toBeSaved);
  }

  void untilClosed() {
    until("the socket closed", () -> closeCode != -1);
  }

  void untilDenied() {
    until("a refusal", () -> denied != null);
  }

  int closeCode() {
    return closeCode;
  }

  String closeReason() {
    return closeReason;
  }

  private void handle(byte[] message) {
    try {
      SyncMessages.Message m = SyncMessages.read(message);
      if (m.type() == SyncMessages.SYNC) {
        if (m.syncType() == SyncMessages.STEP_1) {
          send(SyncMessages.step2(yjs.missing(doc, m.payload()).orElseThrow()));
          toBeSaved++;
        } else {
          yjs.load(doc, m.payload());
        }
      } else if (m.type() == SyncMessages.SAVED) {
        lastSaved = SyncMessages.savedSeq(message);
        saves++;
      } else if (m.type() == SyncMessages.AUTH) {
        denied = SyncMessages.deniedReason(message);
      } else if (m.type() == SyncMessages.AWARENESS) {
        for (AwarenessMessages.Entry e : AwarenessMessages.read(m.payload())) {
          heard.add(e);
          if (e.gone()) {
            peers.remove(e.clientId());
          } else {
            peers.put(e.clientId(), JSON.readTree(e.state()));
          }
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError("the server sent an awareness state that is not JSON: " + e);
    } catch (SyncMessages.Malformed e) {
      throw new AssertionError("the server sent a malformed message: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    if (closeCode == -1) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
    }
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final ByteArrayOutputStream parts = new ByteArrayOutputStream();

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      byte[] chunk = new byte[data.remaining()];
      data.get(chunk);
      parts.writeBytes(chunk);
      if (last) {
        inbox.add(parts.toByteArray());
        parts.reset();
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeReason = reason;
      closeCode = statusCode;
      inbox.add(new byte[] {(byte) 0x7f}); // wakes the reader
      return CompletableFuture.completedFuture(null);
    }
  }
}
