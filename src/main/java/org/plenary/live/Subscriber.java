package org.plenary.live;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.plenary.identity.People.Audience;
import org.plenary.platform.security.Actor;

/**
 * One open stream. Sends are asynchronous and serialised per stream; a stream whose connection has
 * not taken {@code maxPending} events is closed, so a client that stops reading costs the others
 * nothing (it reconnects with {@code Last-Event-ID} and catches up from the event log).
 *
 * <p>A new stream first <em>holds</em> live events while missed ones are replayed from the log,
 * then sends what it held that the replay did not already send.
 */
final class Subscriber {

  /** How many sent event ids are remembered to send no event twice. */
  private static final int REMEMBERED = 4096;

  final long paperId;
  final Actor actor;
  volatile Audience audience;

  private final SseEventSink sink;
  private final Sse sse;
  private final int maxPending;
  private final long maxLagNanos;

  /** When each send still waiting for the connection was made (completions come in order). */
  private final java.util.concurrent.ConcurrentLinkedDeque<Long> waiting =
      new java.util.concurrent.ConcurrentLinkedDeque<>();

  private final Consumer<Subscriber> onClose;
  private final AtomicInteger pending = new AtomicInteger();
  private final LinkedHashSet<Long> sent = new LinkedHashSet<>();
  private List<LiveEvent> held = new ArrayList<>();
  private long lastId;
  private volatile boolean closed;
  private final java.util.concurrent.atomic.AtomicBoolean closing =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** Ends the connections of closed streams (see {@link #close}). */
  private static final java.util.concurrent.ExecutorService CLOSER =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "plenary-live-closer");
            t.setDaemon(true);
            return t;
          });

  private volatile String closeReason;

  Subscriber(
      long paperId,
      Actor actor,
      Audience audience,
      SseEventSink sink,
      Sse sse,
      int maxPending,
      java.time.Duration maxLag,
      Consumer<Subscriber> onClose) {
    this.paperId = paperId;
    this.actor = actor;
    this.audience = audience;
    this.sink = sink;
    this.sse = sse;
    this.maxPending = maxPending;
    this.maxLagNanos = maxLag.toNanos();
    this.onClose = onClose;
  }

  /** A logged event: held while replaying, otherwise sent unless it was sent already. */
  synchronized void event(LiveEvent event, String json) {
    if (closed) {
      return;
    }
    if (held != null) {
      held.add(event);
      return;
    }
    sendOnce(event, json);
  }

  /** Sends a replayed event (while holding), unless it was sent already. */
  synchronized void replayed(LiveEvent event, String json) {
    sendOnce(event, json);
  }

  /** Ends the replay: sends the events that arrived meanwhile and goes live. */
  synchronized void release(java.util.function.Function<LiveEvent, String> json) {
    List<LiveEvent> waiting = held;
    held = null;
    if (waiting != null) {
      waiting.sort(java.util.Comparator.comparingLong(LiveEvent::id));
      for (LiveEvent e : waiting) {
        sendOnce(e, json.apply(e));
      }
    }
  }

  /** The highest event id sent so far (0: none). */
  synchronized long lastId() {
    return lastId;
  }

  private void sendOnce(LiveEvent event, String json) {
    if (!sent.add(event.id())) {
      return;
    }
    if (sent.size() > REMEMBERED) {
      var oldest = sent.iterator();
      oldest.next();
      oldest.remove();
    }
    lastId = Math.max(lastId, event.id());
    send(
        sse.newEventBuilder()
            .id(Long.toString(event.id()))
            .name(event.name())
            .mediaType(MediaType.APPLICATION_JSON_TYPE)
            .data(String.class, json)
            .build());
  }

  /** Sends an event that is not in the log (hello, presence, compile progress, reset). */
  synchronized void passing(String name, String id, String json) {
    var builder =
        sse.newEventBuilder()
            .name(name)
            .mediaType(MediaType.APPLICATION_JSON_TYPE)
            .data(String.class, json);
    if (id != null) {
      builder.id(id);
    }
    send(builder.build());
  }

  /** A comment line: keeps proxies from closing an idle stream and finds dead connections. */
  synchronized void keepAlive() {
    send(sse.newEventBuilder().comment("keep-alive").build());
  }

  /** Sets how long a browser waits before reconnecting. */
  synchronized void retry(long millis) {
    send(sse.newEventBuilder().comment("hello").reconnectDelay(millis).build());
  }

  private void send(OutboundSseEvent event) {
    if (closed) {
      return;
    }
    if (sink.isClosed()) {
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
    sink.send(event)
        .whenComplete(
            (ok, failure) -> {
              pending.decrementAndGet();
              waiting.pollFirst();
              if (failure != null) {
                close("sending failed: " + failure.getClass().getSimpleName());
              }
            });
  }

  /**
   * Whether the oldest event sent is still not taken by the connection after {@code max-lag}; if
   * so, the stream is closed. A client that reads never gets here, however busy the server.
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
