package org.plenary.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.plenary.identity.People.Audience;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.Credential;

/**
 * One open stream. Writes are asynchronous and serialised per stream; the events of one batch go
 * out as one write of frames encoded once for every stream of the paper. A stream whose oldest
 * write has waited {@code max-lag} (or that has {@code max-pending} writes waiting) is closed, so a
 * client that stops reading costs the others nothing: it reconnects with {@code Last-Event-ID} and
 * catches up from the event log.
 *
 * <p>A new stream first <em>holds</em> live events while missed ones are replayed from the log,
 * then sends what it held that the replay did not already send.
 */
final class Subscriber {

  /**
   * How many sent event ids are remembered to send no event twice (a replay racing live events, a
   * catch-up after the listener reconnected). Small: a room of hundreds of streams on a small heap.
   */
  private static final int REMEMBERED = 256;

  /** Ends the connections of closed streams (see {@link #close}). */
  private static final ExecutorService CLOSER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "plenary-live-closer");
            t.setDaemon(true);
            return t;
          });

  final long paperId;
  final Actor actor;

  /** What the reader signed in with; the stream ends when it no longer holds (null: never). */
  final Credential credential;

  volatile Audience audience;

  private final SseEventSink sink;
  private final HttpServerResponse response;
  private final int maxPending;
  private final long maxLagNanos;
  private final Consumer<Subscriber> onClose;
  private final AtomicInteger pending = new AtomicInteger();

  /** When each write still waiting for the connection was made (completions come in order). */
  private final ConcurrentLinkedDeque<Long> waiting = new ConcurrentLinkedDeque<>();

  private final LinkedHashSet<Long> sent = new LinkedHashSet<>();
  private List<Logged> held = new ArrayList<>();
  private long lastId;
  private volatile boolean closed;
  private volatile String closeReason;
  private final AtomicBoolean closing = new AtomicBoolean();

  /** A logged event with its encoded frame. */
  record Logged(LiveEvent event, byte[] frame) {}

  Subscriber(
      long paperId,
      Actor actor,
      Credential credential,
      Audience audience,
      SseEventSink sink,
      HttpServerResponse response,
      int maxPending,
      Duration maxLag,
      Consumer<Subscriber> onClose) {
    this.paperId = paperId;
    this.actor = actor;
    this.credential = credential;
    this.audience = audience;
    this.sink = sink;
    this.response = response;
    this.maxPending = maxPending;
    this.maxLagNanos = maxLag.toNanos();
    this.onClose = onClose;
  }

  /** Logged events of one batch, in id order: held while replaying, else sent once each. */
  synchronized void events(List<Logged> batch) {
    if (closed) {
      return;
    }
    if (held != null) {
      held.addAll(batch);
      return;
    }
    sendOnce(batch);
  }

  /** Sends replayed events (while holding), each unless it was sent already. */
  synchronized void replayed(List<Logged> events) {
    sendOnce(events);
  }

  /** Ends the replay: sends the events that arrived meanwhile and goes live. */
  synchronized void release() {
    List<Logged> waitingEvents = held;
    held = null;
    if (waitingEvents != null && !waitingEvents.isEmpty()) {
      waitingEvents.sort(Comparator.comparingLong(l -> l.event().id()));
      sendOnce(waitingEvents);
    }
  }

  /** The highest event id sent so far (0: none). */
  synchronized long lastId() {
    return lastId;
  }

  private void sendOnce(List<Logged> events) {
    List<byte[]> frames = new ArrayList<>(events.size());
    for (Logged l : events) {
      if (!l.event().readableBy(actor.accountId()) || !sent.add(l.event().id())) {
        continue;
      }
      if (sent.size() > REMEMBERED) {
        var oldest = sent.iterator();
        oldest.next();
        oldest.remove();
      }
      lastId = Math.max(lastId, l.event().id());
      frames.add(l.frame());
    }
    if (!frames.isEmpty()) {
      write(Frames.join(frames));
    }
  }

  /** Sends an encoded frame that is not in the log (hello, presence, compile progress, reset). */
  synchronized void passing(byte[] frame) {
    write(frame);
  }

  /** A comment line: keeps proxies from closing an idle stream and finds dead connections. */
  synchronized void keepAlive() {
    write(Frames.comment("keep-alive"));
  }

  /** The first write: the headers (through the sink) and how long a browser waits to reconnect. */
  synchronized void start(jakarta.ws.rs.sse.Sse sse, long retryMillis) {
    sink.send(sse.newEventBuilder().comment("hello").reconnectDelay(retryMillis).build());
  }

  private void write(byte[] frame) {
    if (closed) {
      return;
    }
    if (response.closed() || sink.isClosed()) {
      close("the client went away");
      return;
    }
    if (behind()) {
      return;
    }
    if (pending.incrementAndGet() > maxPending) {
      close("the client fell " + maxPending + " events behind");
      return;
    }
    waiting.addLast(System.nanoTime());
    response
        .write(Buffer.buffer(frame))
        .onComplete(
            done -> {
              pending.decrementAndGet();
              waiting.pollFirst();
              if (done.failed()) {
                close("sending failed: " + done.cause().getClass().getSimpleName());
              }
            });
  }

  /**
   * Whether the oldest write is still not taken by the connection after {@code max-lag}; if so, the
   * stream is closed. A client that reads never gets here, however busy the server.
   */
  boolean behind() {
    Long oldest = waiting.peekFirst();
    if (oldest != null && System.nanoTime() - oldest > maxLagNanos) {
      close("the client fell " + (System.nanoTime() - oldest) / 1_000_000 + " ms behind");
      return true;
    }
    return false;
  }

  boolean isClosed() {
    return closed || sink.isClosed();
  }

  String closeReason() {
    return closeReason;
  }

  /**
   * Stops sending and forgets the stream at once; the connection itself is ended on a thread of its
   * own, because ending it takes the connection's lock, which the event loop may hold while it
   * reports a finished write to this very stream (ending it here could deadlock).
   */
  void close(String reason) {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    closeReason = reason;
    closed = true;
    onClose.accept(this);
    CLOSER.execute(
        () -> {
          try {
            sink.close();
          } catch (RuntimeException ignored) {
            // the connection is gone already
          }
        });
  }
}
