package org.plenary.live;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.plenary.identity.Audiences;
import org.plenary.identity.Credentials;
import org.plenary.identity.People.Audience;
import org.plenary.live.LiveRecords.Hello;
import org.plenary.live.LiveRecords.PresenceView;
import org.plenary.live.LiveRecords.Reset;
import org.plenary.platform.config.PlenaryConfig;
import org.plenary.platform.error.Invalid;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.Credential;
import org.plenary.platform.security.PermissionService;

/**
 * Opens live streams: replays what a reconnecting reader missed (bounded by {@code
 * plenary.live.replay-limit} and {@code replay-window}; beyond them the reader is told to reload),
 * then sends a {@code hello} with the presences and goes live. Keeps open streams alive and closes
 * those whose reader may no longer read the paper.
 */
@ApplicationScoped
public class LiveService {

  private static final Logger LOG = Logger.getLogger(LiveService.class);

  /** How long a browser waits before reconnecting a dropped stream. */
  static final long RECONNECT_MILLIS = 3_000;

  @Inject LiveHub hub;
  @Inject LiveLog log;
  @Inject PresenceService presence;
  @Inject PermissionService permissions;
  @Inject Audiences audiences;
  @Inject Credentials credentials;
  @Inject AgroalDataSource dataSource;
  @Inject PlenaryConfig config;

  /** The id a reconnecting client sent ({@code Last-Event-ID}), checked before the stream opens. */
  public static Optional<Long> lastEventId(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    try {
      long id = Long.parseLong(header.strip());
      if (id < 0) {
        throw new NumberFormatException();
      }
      return Optional.of(id);
    } catch (NumberFormatException e) {
      throw new Invalid("Last-Event-ID", "must be the id of an event this stream sent");
    }
  }

  /**
   * Opens a stream of the paper for {@code actor}, who may read it, signed in with {@code
   * credential} (the stream ends when that sign-in no longer holds).
   */
  public void open(
      long paperId,
      Actor actor,
      Optional<Credential> credential,
      Optional<Long> lastEventId,
      SseEventSink sink,
      Sse sse,
      io.vertx.core.http.HttpServerResponse response) {
    Audience audience = audiences.of(actor, paperId);
    Subscriber s = hub.subscribe(paperId, actor, credential.orElse(null), audience, sink, response);
    s.start(sse, RECONNECT_MILLIS);
    try (Connection c = dataSource.getConnection()) {
      long newest = log.newest(c, paperId);
      int replayed = 0;
      if (lastEventId.isPresent() && lastEventId.get() < newest) {
        Optional<String> refused = refuseReplay(c, paperId, lastEventId.get());
        if (refused.isPresent()) {
          s.passing(
              Frames.event(
                  Long.toString(newest),
                  "reset",
                  hub.json(new Reset(paperId, newest, refused.get()))));
        } else {
          List<LiveEvent> missed =
              log.after(c, paperId, lastEventId.get(), config.live().replayLimit());
          s.replayed(missed.stream().map(hub::logged).toList());
          replayed = missed.size();
        }
      } else if (lastEventId.isPresent() && lastEventId.get() > newest) {
        s.passing(
            Frames.event(
                Long.toString(newest),
                "reset",
                hub.json(new Reset(paperId, newest, "the stream does not know that event"))));
      }
      PresenceView present = presence.view(paperId, presence.read(c, paperId), audience);
      long id = Math.max(newest, s.lastId());
      s.passing(
          Frames.event(
              Long.toString(id),
              "hello",
              hub.json(
                  new Hello(
                      paperId, id, replayed, present, config.live().keepAlive().toSeconds()))));
      s.release();
    } catch (SQLException | RuntimeException e) {
      s.close("opening failed: " + e.getMessage());
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("could not open the live stream", e);
    }
  }

  /** Why a replay from {@code lastId} is not offered, or empty when it is. */
  private Optional<String> refuseReplay(Connection c, long paperId, long lastId)
      throws SQLException {
    Optional<Instant> when = log.timeOf(c, paperId, lastId);
    if (when.isEmpty()) {
      return Optional.of("the stream does not know that event");
    }
    if (when.get().isBefore(BaseEntity.now().minus(config.live().replayWindow()))) {
      return Optional.of("the last event seen is older than the replay window");
    }
    int limit = config.live().replayLimit();
    if (log.countAfter(c, paperId, lastId, limit + 1) > limit) {
      return Optional.of("more than " + limit + " events were missed");
    }
    return Optional.empty();
  }

  /**
   * Keeps every open stream alive, and closes those whose reader signed out (or whose token was
   * revoked or expired, or whose account was disabled or erased) or lost access to the paper (their
   * audience is brought up to date too: a contributor who became an observer sees fewer names).
   */
  @Scheduled(
      every = "${plenary.live.keep-alive:PT20S}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void keepAlive() {
    List<Subscriber> open = hub.all();
    List<Credential> held = open.stream().map(s -> s.credential).filter(Objects::nonNull).toList();
    Set<Credential> valid;
    try {
      valid = held.isEmpty() ? Set.of() : credentials.stillValid(held);
    } catch (RuntimeException e) {
      // The database is away: the streams get nothing new meanwhile; check again next round.
      LOG.warnf("Could not check the sign-ins of live streams: %s", e.getMessage());
      valid = Set.copyOf(held);
    }
    for (Subscriber s : open) {
      if (s.isClosed()) {
        s.close("the client went away");
        continue;
      }
      if (s.behind()) {
        continue;
      }
      if (s.credential != null && !valid.contains(s.credential)) {
        s.close("the reader's sign-in ended");
        continue;
      }
      if (!permissions.allows(s.actor, Action.READ_PAPER, s.paperId)) {
        s.close("no longer a reader of the paper");
        continue;
      }
      s.audience = audiences.of(s.actor, s.paperId);
      s.keepAlive();
    }
  }
}
