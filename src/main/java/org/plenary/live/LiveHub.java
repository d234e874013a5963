package org.plenary.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.plenary.identity.People.Audience;
import org.plenary.platform.config.PlenaryConfig;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.Credential;

/**
 * This instance's open streams, by paper, and the fan-out to them. Events reach it only from {@link
 * LiveListener} (PostgreSQL's notifications), so a change made through any instance reaches the
 * streams of every instance the same way.
 */
@ApplicationScoped
public class LiveHub {

  private static final Logger LOG = Logger.getLogger(LiveHub.class);

  private final Map<Long, Set<Subscriber>> byPaper = new ConcurrentHashMap<>();
  private final AtomicLong dropped = new AtomicLong();

  /** Events waiting for their paper's batch window to end, by paper. */
  private final Map<Long, List<Subscriber.Logged>> batches = new java.util.HashMap<>();

  private final java.util.concurrent.ScheduledExecutorService flusher =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "plenary-live-flush");
            t.setDaemon(true);
            return t;
          });

  @Inject PlenaryConfig config;
  @Inject ObjectMapper mapper;

  /** Opens a stream; it holds live events until {@link Subscriber#release} after the replay. */
  Subscriber subscribe(
      long paperId,
      Actor actor,
      Credential credential,
      Audience audience,
      SseEventSink sink,
      io.vertx.core.http.HttpServerResponse response) {
    Subscriber s =
        new Subscriber(
            paperId,
            actor,
            credential,
            audience,
            sink,
            response,
            config.live().maxPending(),
            config.live().maxLag(),
            this::forget);
    byPaper.computeIfAbsent(paperId, id -> ConcurrentHashMap.newKeySet()).add(s);
    return s;
  }

  private void forget(Subscriber s) {
    byPaper.computeIfPresent(
        s.paperId,
        (id, set) -> {
          set.remove(s);
          return set.isEmpty() ? null : set;
        });
    if (s.closeReason() != null && s.closeReason().contains("behind")) {
      dropped.incrementAndGet();
      LOG.infof(
          "Closed the live stream of account %d on paper %d: %s",
          s.actor.accountId(), s.paperId, s.closeReason());
    }
  }

  /**
   * Sends logged events to the streams of their papers: each event encoded once, and each stream
   * getting the batch's events of its paper in one write.
   */
  void deliver(List<LiveEvent> events) {
    Map<Long, List<Subscriber.Logged>> byPaperBatch = new java.util.LinkedHashMap<>();
    for (LiveEvent e : events) {
      Set<Subscriber> subscribers = byPaper.get(e.paperId());
      if (subscribers == null || subscribers.isEmpty()) {
        continue;
      }
      byPaperBatch.computeIfAbsent(e.paperId(), id -> new java.util.ArrayList<>()).add(logged(e));
    }
    long window = config.live().batchWindow().toMillis();
    if (window <= 0) {
      byPaperBatch.forEach(this::send);
      return;
    }
    // A busy room's events wait up to one window and go out together: one write per stream per
    // window rather than one per event (writes and wake-ups, on both ends, are what a room of
    // hundreds of streams costs).
    synchronized (batches) {
      byPaperBatch.forEach(
          (paperId, batch) -> {
            List<Subscriber.Logged> open = batches.get(paperId);
            if (open == null) {
              batches.put(paperId, new java.util.ArrayList<>(batch));
              flusher.schedule(
                  () -> flush(paperId), window, java.util.concurrent.TimeUnit.MILLISECONDS);
            } else {
              open.addAll(batch);
            }
          });
    }
  }

  private void flush(long paperId) {
    List<Subscriber.Logged> batch;
    synchronized (batches) {
      batch = batches.remove(paperId);
    }
    if (batch != null) {
      try {
        send(paperId, batch);
      } catch (RuntimeException e) {
        LOG.warnf(e, "Could not send live events of paper %d", paperId);
      }
    }
  }

  private void send(long paperId, List<Subscriber.Logged> batch) {
    for (Subscriber s : byPaper.getOrDefault(paperId, Set.of())) {
      s.events(batch);
    }
  }

  /** An event with its frame, encoded once. */
  Subscriber.Logged logged(LiveEvent e) {
    return new Subscriber.Logged(e, Frames.event(Long.toString(e.id()), e.name(), json(e)));
  }

  /** Sends passing news (not in the log) to every stream of a paper. */
  void passing(long paperId, String name, Object data) {
    Set<Subscriber> subscribers = byPaper.get(paperId);
    if (subscribers == null || subscribers.isEmpty()) {
      return;
    }
    byte[] frame = Frames.event(null, name, json(data));
    for (Subscriber s : subscribers) {
      s.passing(frame);
    }
  }

  /** The streams of a paper (for news that each reader sees differently, such as presence). */
  Collection<Subscriber> of(long paperId) {
    return byPaper.getOrDefault(paperId, Set.of());
  }

  /** Every paper someone on this instance is watching. */
  Set<Long> watchedPapers() {
    return Set.copyOf(byPaper.keySet());
  }

  /** Every open stream on this instance. */
  List<Subscriber> all() {
    return byPaper.values().stream().flatMap(Set::stream).toList();
  }

  /** How many streams are open on this instance. */
  public int streams() {
    return byPaper.values().stream().mapToInt(Set::size).sum();
  }

  /** How many streams were closed because their clients fell behind. */
  public long dropped() {
    return dropped.get();
  }

  String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
