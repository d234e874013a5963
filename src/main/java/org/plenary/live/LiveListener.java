package org.plenary.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.plenary.identity.People;
import org.plenary.live.LiveRecords.CompileProgress;
import org.plenary.platform.config.PlenaryConfig;
import org.plenary.platform.events.PaperChanges;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears, through PostgreSQL's {@code LISTEN}, every change any instance commits, and passes it on:
 * the paper's cached reads on this instance are refreshed ({@link PaperChanges}), and the event is
 * read from the event log and sent to this instance's streams ({@link LiveHub}). No broker: the
 * database that holds the change also tells about it.
 *
 * <p>One thread, one connection of its own. When the connection is lost (PostgreSQL restarted,
 * network), it connects again after {@code plenary.live.reconnect-delay}; notifications sent
 * meanwhile are lost, so on reconnecting it forgets every cached read and sends each open stream
 * what it missed from the event log.
 */
@ApplicationScoped
public class LiveListener {

  /** Channel of logged events: the payload is {@code "<paper id>:<event id>"}. */
  static final String EVENTS = "plenary_events";

  /** Channel of passing news (presence, compile progress): a small JSON object. */
  static final String PASSING = "plenary_live";

  private static final Logger LOG = Logger.getLogger(LiveListener.class);

  /** How long one wait for notifications lasts before the connection is checked. */
  private static final int WAIT_MILLIS = 5_000;

  @Inject AgroalDataSource dataSource;
  @Inject LiveHub hub;
  @Inject LiveLog log;
  @Inject PresenceService presence;
  @Inject PaperChanges changes;
  @Inject PlenaryConfig config;
  @Inject ObjectMapper mapper;
  @Inject Event<LiveNews> others;

  private volatile boolean running;
  private volatile boolean connected;
  private volatile Thread thread;
  private final AtomicLong notifications = new AtomicLong();

  void onStart(@Observes StartupEvent start) {
    running = true;
    Thread t = new Thread(this::run, "plenary-live-listener");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  void onStop(@Observes ShutdownEvent stop) {
    running = false;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
    for (Subscriber s : hub.all()) {
      s.close("the server is stopping");
    }
  }

  /** Whether this instance is listening now (readiness reports it). */
  public boolean connected() {
    return connected;
  }

  /** Notifications heard since start. */
  public long notifications() {
    return notifications.get();
  }

  private void run() {
    boolean heardBefore = false;
    boolean warned = false;
    while (running) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + EVENTS);
          s.execute("LISTEN " + PASSING);
        }
        connected = true;
        if (heardBefore) {
          LOG.info("Listening to PostgreSQL again; catching the open streams up");
          changes.changedEverywhere();
          catchUp(c);
          others.fireAsync(new LiveNews(LiveNews.RECONNECTED, null));
        }
        heardBefore = true;
        warned = false;
        listen(c);
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          break;
        }
        if (!warned) {
          LOG.warnf("Not listening to PostgreSQL (%s); trying again", e.getMessage());
          warned = true;
        }
      } finally {
        connected = false;
      }
      pause();
    }
  }

  private void listen(Connection c) throws SQLException {
    PGConnection pg = c.unwrap(PGConnection.class);
    while (running) {
      PGNotification[] heard = pg.getNotifications(WAIT_MILLIS);
      if (heard == null || heard.length == 0) {
        try (Statement s = c.createStatement()) {
          s.execute("SELECT 1"); // finds a connection that died quietly
        }
        continue;
      }
      notifications.addAndGet(heard.length);
      handle(c, heard);
    }
  }

  private void handle(Connection c, PGNotification[] heard) throws SQLException {
    Set<Long> eventIds = new LinkedHashSet<>();
    Set<Long> presenceChanged = new LinkedHashSet<>();
    for (PGNotification n : heard) {
      if (EVENTS.equals(n.getName())) {
        String payload = n.getParameter();
        int colon = payload.indexOf(':');
        long paperId = Long.parseLong(payload.substring(0, colon));
        changes.changed(paperId);
        eventIds.add(Long.parseLong(payload.substring(colon + 1)));
      } else if (PASSING.equals(n.getName())) {
        passing(n.getParameter(), presenceChanged);
      }
    }
    if (!eventIds.isEmpty()) {
      hub.deliver(log.byIds(c, eventIds));
    }
    for (long paperId : presenceChanged) {
      if (!hub.of(paperId).isEmpty()) {
        sendPresence(paperId, presence.read(c, paperId));
      }
    }
  }

  private void passing(String json, Set<Long> presenceChanged) {
    try {
      JsonNode news = mapper.readTree(json);
      long paperId = news.path("paperId").asLong();
      switch (news.path("kind").asText()) {
        case "presence" -> presenceChanged.add(paperId);
        case "compile" ->
            hub.passing(
                paperId,
                "compile.progress",
                new CompileProgress(
                    paperId,
                    news.path("jobId").asLong(),
                    news.path("state").asText(),
                    news.path("stage").asText(),
                    news.path("percent").asInt()));
        default -> others.fireAsync(new LiveNews(news.path("kind").asText(), json));
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      LOG.warnf("Ignored unreadable live news %s", json);
    }
  }

  /** Sends each stream of the paper the presences as its reader may see them. */
  private void sendPresence(long paperId, List<PresenceService.Row> rows) {
    Map<People.Audience, byte[]> byAudience = new HashMap<>();
    for (Subscriber s : hub.of(paperId)) {
      byte[] frame =
          byAudience.computeIfAbsent(
              s.audience,
              a -> Frames.event(null, "presence", hub.json(presence.view(paperId, rows, a))));
      s.passing(frame);
    }
  }

  /** After a gap: sends every open stream the logged events it missed. */
  private void catchUp(Connection c) throws SQLException {
    for (long paperId : hub.watchedPapers()) {
      long since = Long.MAX_VALUE;
      for (Subscriber s : hub.of(paperId)) {
        since = Math.min(since, s.lastId());
      }
      if (since == Long.MAX_VALUE) {
        continue;
      }
      hub.deliver(log.after(c, paperId, since, config.live().replayLimit()));
      sendPresence(paperId, presence.read(c, paperId));
    }
  }

  private void pause() {
    try {
      Thread.sleep(config.live().reconnectDelay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
