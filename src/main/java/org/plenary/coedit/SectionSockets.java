package org.plenary.coedit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
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
   * The ids of each section's joined connections. Ids, not the connections: an endpoint's injected
   * connection is a proxy for whichever connection the current thread serves.
   */
  private final Map<Long, Set<String>> bySection = new ConcurrentHashMap<>();

  void join(long sectionId, String connectionId) {
    bySection.computeIfAbsent(sectionId, id -> ConcurrentHashMap.newKeySet()).add(connectionId);
  }

  void leave(long sectionId, String connectionId) {
    Set<String> open = bySection.get(sectionId);
    if (open != null) {
      open.remove(connectionId);
    }
  }

  boolean joined(long sectionId, String connectionId) {
    Set<String> open = bySection.get(sectionId);
    return open != null && open.contains(connectionId);
  }

  /**
   * Sends the section's sockets every update they have not had; {@code origin} is not sent its own
   * update {@code originSeq} back (null and -1 for none).
   */
  void deliver(long sectionId, String origin, long originSeq) {
    Set<String> open = bySection.get(sectionId);
    if (open == null) {
      return;
    }
    // One sender at a time per section, so every socket gets the updates in seq order.
    synchronized (open) {
      for (LiveDocuments.Update u : documents.news(sectionId)) {
        byte[] message = SyncMessages.update(u.bytes());
        for (String id : open) {
          if (id.equals(u.origin()) || (id.equals(origin) && u.seq() == originSeq)) {
            continue;
          }
          connections
              .findByConnectionId(id)
              .filter(WebSocketConnection::isOpen)
              .ifPresent(
                  c ->
                      c.sendBinary(message)
                          .subscribe()
                          .with(
                              v -> {}, e -> LOG.debugf("Could not send to a live socket: %s", e)));
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
