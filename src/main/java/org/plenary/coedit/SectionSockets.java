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

  /**
   * Sends the section's sockets every update they have not had; {@code origin} is not sent its own
   * update {@code originSeq} back (null and -1 for none).
   */
  void deliver(long sectionId, String origin, long originSeq) {
    Map<String, CoEditor> open = bySection.get(sectionId);
    if (open == null) {
      return;
    }
    // One sender at a time per section, so every socket gets the updates in seq order.
    synchronized (open) {
      for (LiveDocuments.Update u : documents.news(sectionId)) {
        byte[] message = SyncMessages.update(u.bytes());
        for (String id : open.keySet()) {
          if (id.equals(origin) && u.seq() == originSeq) {
            continue;
          }
          send(id, message);
        }
      }
    }
  }

  void heard(@ObservesAsync LiveNews news) {
    if (LiveNews.RECONNECTED.equals(news.kind())) {
      for (long sectionId : bySection.keySet()) {
        deliver(sectionId, null, -1);
      }
    } else if (KIND.equals(news.kind())) {
      try {
        JsonNode json = mapper.readTree(news.json());
        deliver(json.path("sectionId").asLong(), null, -1);
      } catch (JsonProcessingException e) {
        LOG.warnf("Ignored unreadable co-editing news %s", news.json());
      }
    }
  }
}
