package org.plenary.coedit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.plenary.identity.Account;
import org.plenary.identity.People.Audience;
import org.plenary.live.LiveNews;
import org.plenary.platform.config.PlenaryConfig;
import org.plenary.platform.error.NotFound;
import org.plenary.platform.security.Actor;

/**
 * Presence in the text: relays y-protocols awareness states (cursors, selections) between the
 * sockets of a section, on this instance and, through PostgreSQL's {@code NOTIFY plenary_live}
 * (news of kind {@code awareness}), on the others. Nothing is stored.
 *
 * <p>The server says who a cursor is: it drops the {@code user} and {@code readOnly} a client
 * claims and writes its own {@link CursorUser} (named for each recipient as the Chatham House rule
 * allows, so a state is encoded once per audience) and whether the socket may save. A state's JSON
 * is at most {@link #MAX_STATE_BYTES}; a bigger one, one that is not a JSON object, or a client id
 * another account holds, is ignored with a logged reason (the document is never touched). A socket
 * that closes takes its states with it; a state not refreshed for {@link #OUTDATED} is removed.
 */
@ApplicationScoped
public class Awareness {

  private static final Logger LOG = Logger.getLogger(Awareness.class);

  /** The news kind of another instance's awareness changes. */
  static final String KIND = "awareness";

  /** {@code live.LiveListener}'s channel of passing news (also {@code V14}'s trigger's). */
  static final String CHANNEL = "plenary_live";

  /** The most a client's state may hold, as UTF-8 JSON (a cursor and a selection need ~200). */
  static final int MAX_STATE_BYTES = 2_048;

  /** How many client ids one socket may announce (a tab has one; a reloaded one a second). */
  static final int MAX_CLIENTS_PER_SOCKET = 4;

  /** y-protocols' {@code outdatedTimeout}: clients refresh their state every 15 s. */
  static final Duration OUTDATED = Duration.ofSeconds(30);

  /** Notifications stay well under PostgreSQL's 8,000 bytes. */
  static final int MAX_NEWS_BYTES = 6_000;

  @Inject ObjectMapper mapper;
  @Inject SectionSockets sockets;
  @Inject AgroalDataSource dataSource;
  @Inject PlenaryConfig config;

  /** Tells this instance's own news from the others'. */
  private final String instance = UUID.randomUUID().toString();

  private final Map<Long, AwarenessStates> bySection = new ConcurrentHashMap<>();

  /** Changes waiting for the batch window to be told to other instances, latest per client. */
  private final Map<Long, Map<Long, AwarenessStates.Change>> outbox = new LinkedHashMap<>();

  private final ScheduledExecutorService teller =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "plenary-awareness-news");
            t.setDaemon(true);
            return t;
          });

  /** Reads a client's JSON: one value, nothing after it. */
  private ObjectReader strict;

  @jakarta.annotation.PostConstruct
  void init() {
    strict = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** How the actor's cursor looks in the paper, to each audience. */
  CursorUser.Looks looksOf(Actor actor, long paperId) {
    Account account =
        QuarkusTransaction.joiningExisting()
            .call(() -> Account.<Account>findByIdOptional(actor.accountId()))
            .orElseThrow(() -> new NotFound("account", Long.toString(actor.accountId())));
    return CursorUser.looks(account, paperId);
  }

  /** A socket joined its section: it is sent the others' states, as its reader may see them. */
  void joined(CoEditor editor) {
    AwarenessStates room = room(editor.sectionId);
    List<AwarenessStates.Change> current;
    synchronized (room) {
      current = room.currentBesides(editor.connectionId);
    }
    if (!current.isEmpty()) {
      sockets.send(editor.connectionId, encode(current, editor.audience));
    }
  }

  /** An awareness message from a socket: its states, checked, relayed here and to the others. */
  void received(CoEditor from, byte[] payload) {
    List<AwarenessMessages.Entry> entries;
    try {
      entries = AwarenessMessages.read(payload);
    } catch (SyncMessages.Malformed e) {
      LOG.infof(
          "Ignored a malformed awareness message on section %d from account %d: %s",
          from.sectionId, from.actor.accountId(), e.getMessage());
      return;
    }
    AwarenessStates room = room(from.sectionId);
    AwarenessStates.Owner owner = owner(from);
    List<AwarenessStates.Change> changes = new ArrayList<>();
    long now = System.nanoTime();
    synchronized (room) {
      for (AwarenessMessages.Entry e : entries) {
        Checked checked = check(room, from, e);
        if (checked.refused() != null) {
          LOG.infof(
              "Ignored the awareness state of client %d on section %d from account %d: %s",
              e.clientId(), from.sectionId, from.actor.accountId(), checked.refused());
          continue;
        }
        AwarenessStates.Change change =
            room.put(owner, e.clientId(), e.clock(), checked.state(), now);
        if (change != null) {
          changes.add(change);
        }
      }
    }
    relay(from.sectionId, changes, from.connectionId);
    tell(from.sectionId, changes);
  }

  /**
   * A client's entry as taken: its state without what only the server may say ({@code user}, {@code
   * readOnly}; null when the client is gone), or why it is not taken.
   */
  private record Checked(ObjectNode state, String refused) {
    static Checked refused(String why) {
      return new Checked(null, why);
    }
  }

  private Checked check(AwarenessStates room, CoEditor from, AwarenessMessages.Entry e) {
    if (!room.mayAnnounce(e.clientId(), from.actor.accountId())) {
      return Checked.refused("another person's client");
    }
    if (e.gone()) {
      return new Checked(null, null);
    }
    int size = e.state().getBytes(StandardCharsets.UTF_8).length;
    if (size > MAX_STATE_BYTES) {
      return Checked.refused(size + " bytes of state; at most " + MAX_STATE_BYTES);
    }
    if (room.ownedBy(from.connectionId) >= MAX_CLIENTS_PER_SOCKET
        && !room.holds(from.connectionId, e.clientId())) {
      return Checked.refused("the socket announced " + MAX_CLIENTS_PER_SOCKET + " clients already");
    }
    JsonNode json;
    try {
      json = strict.readTree(e.state());
    } catch (JsonProcessingException ex) {
      return Checked.refused("the state is not JSON");
    }
    if (!(json instanceof ObjectNode state)) {
      return Checked.refused("the state is not a JSON object");
    }
    state.remove("user");
    state.remove("readOnly");
    return new Checked(state, null);
  }

  /**
   * A socket is closing: the others are told its clients are gone. Called before or after the
   * socket left {@link SectionSockets}; a second call changes nothing.
   */
  void left(CoEditor editor) {
    AwarenessStates room = bySection.get(editor.sectionId);
    if (room == null) {
      return;
    }
    List<AwarenessStates.Change> gone;
    synchronized (room) {
      gone = room.removeOwnedBy(editor.connectionId);
    }
    relay(editor.sectionId, gone, editor.connectionId);
    tell(editor.sectionId, gone);
    if (sockets.of(editor.sectionId).stream()
        .allMatch(e -> e.connectionId.equals(editor.connectionId))) {
      bySection.remove(editor.sectionId, room); // nobody here has the section open any more
    }
  }

  /**
   * The socket's reader was checked again ({@link SocketAccess}): when they may now write, or no
   * longer, the others see it; when they see people differently now, they are sent everyone again.
   */
  void accessChanged(CoEditor editor, boolean writeChanged, boolean audienceChanged) {
    AwarenessStates room = bySection.get(editor.sectionId);
    if (room == null) {
      return;
    }
    if (writeChanged) {
      List<AwarenessStates.Change> changes;
      synchronized (room) {
        changes = room.reown(editor.connectionId, owner(editor));
      }
      relay(editor.sectionId, changes, editor.connectionId);
      tell(editor.sectionId, changes);
    }
    if (audienceChanged) {
      joined(editor);
    }
  }

  /** Removes the states their clients stopped refreshing; each instance does so for itself. */
  @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sweep() {
    long before = System.nanoTime() - OUTDATED.toNanos();
    bySection.forEach(
        (sectionId, room) -> {
          List<AwarenessStates.Change> gone;
          synchronized (room) {
            gone = room.outdated(before);
          }
          relay(sectionId, gone, null);
        });
  }

  /**
   * Sends the changes to the section's sockets here, but {@code origin}, each as it may see them.
   */
  private void relay(long sectionId, List<AwarenessStates.Change> changes, String origin) {
    if (changes.isEmpty()) {
      return;
    }
    Map<Audience, byte[]> byAudience = new EnumMap<>(Audience.class);
    for (CoEditor to : sockets.of(sectionId)) {
      if (to.connectionId.equals(origin)) {
        continue;
      }
      sockets.send(
          to.connectionId, byAudience.computeIfAbsent(to.audience, a -> encode(changes, a)));
    }
  }

  /** The awareness message of the changes as {@code audience} may see them. */
  private byte[] encode(List<AwarenessStates.Change> changes, Audience audience) {
    List<AwarenessMessages.Entry> entries = new ArrayList<>(changes.size());
    for (AwarenessStates.Change c : changes) {
      String json = AwarenessMessages.Entry.GONE;
      if (c.state() != null) {
        ObjectNode shown = c.state().deepCopy();
        shown.set("user", mapper.valueToTree(c.owner().looks().to(audience)));
        shown.put("readOnly", c.owner().readOnly());
        json = shown.toString();
      }
      entries.add(new AwarenessMessages.Entry(c.clientId(), c.clock(), json));
    }
    return AwarenessMessages.message(entries);
  }

  private static AwarenessStates.Owner owner(CoEditor editor) {
    return new AwarenessStates.Owner(
        editor.actor.accountId(), editor.connectionId, !editor.mayWrite, editor.looks);
  }

  private AwarenessStates room(long sectionId) {
    return bySection.computeIfAbsent(sectionId, id -> new AwarenessStates());
  }

  // ---- Across instances -------------------------------------------------------------------

  /**
   * Queues the changes for the other instances: a busy section's cursor moves within one batch
   * window ({@code plenary.live.batch-window}) go out together, only the latest of each client.
   */
  private void tell(long sectionId, List<AwarenessStates.Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    boolean first;
    synchronized (outbox) {
      Map<Long, AwarenessStates.Change> pending = outbox.get(sectionId);
      first = pending == null;
      if (first) {
        pending = new LinkedHashMap<>();
        outbox.put(sectionId, pending);
      }
      for (AwarenessStates.Change c : changes) {
        pending.put(c.clientId(), c);
      }
    }
    if (first) {
      long window = Math.max(0, config.live().batchWindow().toMillis());
      teller.schedule(() -> flush(sectionId), window, TimeUnit.MILLISECONDS);
    }
  }

  private void flush(long sectionId) {
    List<AwarenessStates.Change> changes;
    synchronized (outbox) {
      Map<Long, AwarenessStates.Change> pending = outbox.remove(sectionId);
      if (pending == null) {
        return;
      }
      changes = new ArrayList<>(pending.values());
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      for (String news : news(sectionId, changes)) {
        s.setString(1, CHANNEL);
        s.setString(2, news);
        s.execute();
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warnf("Could not tell other instances about cursors in section %d: %s", sectionId, e);
    }
  }

  /** The changes as notifications, each under {@link #MAX_NEWS_BYTES}. */
  List<String> news(long sectionId, List<AwarenessStates.Change> changes) {
    List<String> out = new ArrayList<>();
    ObjectNode news = newsHead(sectionId);
    int size = news.toString().length();
    for (AwarenessStates.Change c : changes) {
      ObjectNode item = mapper.createObjectNode();
      item.put("clientId", c.clientId());
      item.put("clock", c.clock());
      item.set("state", c.state());
      item.put("accountId", c.owner().accountId());
      item.put("readOnly", c.owner().readOnly());
      item.set("looks", mapper.valueToTree(c.owner().looks()));
      int itemSize = item.toString().getBytes(StandardCharsets.UTF_8).length + 1;
      if (size + itemSize > MAX_NEWS_BYTES && news.withArray("states").size() > 0) {
        out.add(news.toString());
        news = newsHead(sectionId);
        size = news.toString().length();
      }
      news.withArray("states").add(item);
      size += itemSize;
    }
    if (news.withArray("states").size() > 0) {
      out.add(news.toString());
    }
    return out;
  }

  private ObjectNode newsHead(long sectionId) {
    ObjectNode news = mapper.createObjectNode();
    news.put("kind", KIND);
    news.put("instance", instance);
    news.put("sectionId", sectionId);
    news.putArray("states");
    return news;
  }

  /** Another instance's changes: taken as its sockets' own, relayed to the sockets here. */
  void heard(@ObservesAsync LiveNews news) {
    if (!KIND.equals(news.kind())) {
      return;
    }
    JsonNode json;
    try {
      json = mapper.readTree(news.json());
    } catch (JsonProcessingException e) {
      LOG.warnf("Ignored unreadable awareness news %s", news.json());
      return;
    }
    if (instance.equals(json.path("instance").asText())) {
      return;
    }
    long sectionId = json.path("sectionId").asLong();
    AwarenessStates room = bySection.get(sectionId);
    if (room == null) {
      return; // nobody here has the section open
    }
    List<AwarenessStates.Change> changes = new ArrayList<>();
    long now = System.nanoTime();
    try {
      synchronized (room) {
        for (JsonNode item : json.path("states")) {
          long accountId = item.path("accountId").asLong();
          long clientId = item.path("clientId").asLong();
          if (!room.mayAnnounce(clientId, accountId)) {
            continue;
          }
          AwarenessStates.Owner owner =
              new AwarenessStates.Owner(
                  accountId,
                  null,
                  item.path("readOnly").asBoolean(),
                  mapper.treeToValue(item.path("looks"), CursorUser.Looks.class));
          JsonNode state = item.path("state");
          AwarenessStates.Change change =
              room.put(
                  owner,
                  clientId,
                  item.path("clock").asLong(),
                  state.isObject() ? (ObjectNode) state : null,
                  now);
          if (change != null) {
            changes.add(change);
          }
        }
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      LOG.warnf("Ignored unreadable awareness news %s", news.json());
      return;
    }
    relay(sectionId, changes, null);
  }
}
