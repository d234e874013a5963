package org.plenary.coedit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.plenary.live.LiveNews;

/**
 * The open sockets of each section on this instance, and how updates reach them: after an update is
 * stored here, and when another instance's update is heard through PostgreSQL ({@code plenary_live}
 * news of kind {@code coedit}, sent by {@code live_update}'s trigger on commit with the section and
 * seq). Either way the updates are read from {@code live_update} ({@link LiveDocuments#news}), so
 * each socket gets each update once, in order, whichever instance stored it.
 */
@ApplicationScoped
public class SectionSockets {

  private static final Logger LOG = Logger.getLogger(SectionSockets.class);

  /** The news kind {@code V14__Live_documents.sql}'s trigger sends. */
  static final String KIND = "coedit";

  @Inject LiveDocuments documents;
  @Inject ObjectMapper mapper;

  @Inject OpenConnections connections;

  /**
   * Each section's joined sockets, by connection id. Ids, not the connections: an endpoint's
   * injected connection is a proxy for whichever connection the current thread serves.
   */
  private final Map<Long, Map<String, CoEditor>> bySection = new ConcurrentHashMap<>();

  void join(CoEditor editor) {
    bySection
        .computeIfAbsent(editor.sectionId, id -> new ConcurrentHashMap<>())
        .put(editor.connectionId, editor);
  }

  /** Forgets a socket; the co-editor it was, or null when it had left already. */
  CoEditor leave(long sectionId, String connectionId) {
    Map<String, CoEditor> open = bySection.get(sectionId);
    return open == null ? null : open.remove(connectionId);
  }

  /** The joined socket, or null. */
  CoEditor editor(long sectionId, String connectionId) {
    Map<String, CoEditor> open = bySection.get(sectionId);
    return open == null ? null : open.get(connectionId);
  }

  boolean joined(long sectionId, String connectionId) {
    Map<String, CoEditor> open = bySection.get(sectionId);
    return open != null && open.containsKey(connectionId);
  }

  /** The section's joined sockets. */
  Collection<CoEditor> of(long sectionId) {
    Map<String, CoEditor> open = bySection.get(sectionId);
    return open == null ? List.of() : open.values();
  }

  /** Every joined socket on this instance. */
  List<CoEditor> all() {
    return bySection.values().stream().flatMap(m -> m.values().stream()).toList();
  }

  /** Sends a message to a socket, without waiting; a socket that went away is skipped. */
  void send(String connectionId, byte[] message) {
    connections
        .findByConnectionId(connectionId)
        .filter(WebSocketConnection::isOpen)
        .ifPresent(
            c ->
                c.sendBinary(message)
                    .subscribe()
                    .with(v -> {}, e -> LOG.debugf("Could not send to a live socket: %s", e)));
  }

  /** Closes a socket with a code and reason (it has left already, see {@link #leave}). */
  void close(String connectionId, int code, String reason) {
    connections
        .findByConnectionId(connectionId)
        .ifPresent(
            c ->
                c.close(new CloseReason(code, SectionSocket.closeText(reason)))
                    .subscribe()
                    .with(v -> {}, e -> {}));
  }

  /** A section's sending: asks since the sender last looked, and the highest seq asked for. */
  private static final class Outbox {
    final AtomicInteger asks = new AtomicInteger();
    final AtomicLong through = new AtomicLong();
  }

  private final Map<Long, Outbox> outboxes = new ConcurrentHashMap<>();

  /**
   * Sends the section's sockets every update they have not had, through at least {@code through};
   * an update's sender is not sent it back. One thread sends per section at a time, so every socket
   * gets the updates in seq order; a thread that finds another sending leaves its ask to that one
   * and returns at once (the sender looks again before it stops), so a burst of updates costs one
   * read of news per round, not one per update and waiting thread.
   */
  void deliver(long sectionId, long through) {
    Map<String, CoEditor> open = bySection.get(sectionId);
    if (open == null) {
      return;
    }
    Outbox box = outboxes.computeIfAbsent(sectionId, id -> new Outbox());
    box.through.accumulateAndGet(through, Math::max);
    if (box.asks.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    try {
      do {
        for (LiveDocuments.Update u : documents.news(sectionId, box.through.get())) {
          byte[] message = SyncMessages.update(u.bytes());
          for (String id : open.keySet()) {
            if (!id.equals(u.origin())) {
              send(id, message);
            }
          }
        }
        missed = box.asks.addAndGet(-missed);
      } while (missed != 0);
    } catch (RuntimeException e) {
      box.asks.set(0); // the next ask sends what this one could not
      throw e;
    }
  }

  void heard(@ObservesAsync LiveNews news) {
    if (LiveNews.RECONNECTED.equals(news.kind())) {
      for (long sectionId : bySection.keySet()) {
        deliver(sectionId, Long.MAX_VALUE);
      }
    } else if (KIND.equals(news.kind())) {
      try {
        JsonNode json = mapper.readTree(news.json());
        deliver(json.path("sectionId").asLong(), json.path("seq").asLong(Long.MAX_VALUE));
      } catch (JsonProcessingException e) {
        LOG.warnf("Ignored unreadable co-editing news %s", news.json());
      }
    }
  }
}
