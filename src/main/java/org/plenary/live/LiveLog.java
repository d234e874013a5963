package org.plenary.live;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.plenary.platform.events.PrivateObjects;

/**
 * The live stream's view of the event log: events by id (what a notification names), the events of
 * a paper after an id (a replay), and the paper's newest event. Plain JDBC on a connection the
 * caller holds, so the listener can use its own.
 */
@ApplicationScoped
public class LiveLog {

  private static final String COLUMNS =
      "SELECT id, paper_id, type, object_type, object_id, payload::text, created_at FROM event";
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  @Inject ObjectMapper mapper;
  @Inject @Any Instance<PrivateObjects> privateObjects;

  /** The streamed events among {@code ids}, in id order. */
  List<LiveEvent> byIds(Connection c, Collection<Long> ids) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(COLUMNS + " WHERE id = ANY(?) AND paper_id IS NOT NULL ORDER BY id")) {
      s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      return read(s);
    }
  }

  /** The paper's streamed events after {@code afterId}, oldest first, at most {@code limit}. */
  List<LiveEvent> after(Connection c, long paperId, long afterId, int limit) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            COLUMNS + " WHERE paper_id = ? AND id > ? ORDER BY id LIMIT " + Math.max(1, limit))) {
      s.setLong(1, paperId);
      s.setLong(2, afterId);
      return read(s);
    }
  }

  /** How many of the paper's events (streamed or not) follow {@code afterId}, up to {@code cap}. */
  int countAfter(Connection c, long paperId, long afterId, int cap) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT count(*) FROM (SELECT 1 FROM event WHERE paper_id = ? AND id > ? LIMIT ?) e")) {
      s.setLong(1, paperId);
      s.setLong(2, afterId);
      s.setInt(3, cap);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  /** When event {@code id} of the paper happened, if it is one. */
  Optional<Instant> timeOf(Connection c, long paperId, long id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT created_at FROM event WHERE id = ? AND paper_id = ?")) {
      s.setLong(1, id);
      s.setLong(2, paperId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getTimestamp(1).toInstant()) : Optional.empty();
      }
    }
  }

  /** The paper's newest event id (0: none). */
  long newest(Connection c, long paperId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT coalesce(max(id), 0) FROM event WHERE paper_id = ?")) {
      s.setLong(1, paperId);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private List<LiveEvent> read(PreparedStatement s) throws SQLException {
    return restricted(s.getConnection(), readAll(s));
  }

  /**
   * The events, those about an object that is private now (a private draft) marked for the one
   * account that may see it ({@link PrivateObjects}); one query per kind of private object.
   */
  private List<LiveEvent> restricted(Connection c, List<LiveEvent> events) throws SQLException {
    List<LiveEvent> out = events;
    for (PrivateObjects kind : privateObjects) {
      Set<Long> ids = new HashSet<>();
      for (LiveEvent e : events) {
        if (kind.objectType().equals(e.objectType()) && e.objectId() != null) {
          ids.add(e.objectId());
        }
      }
      if (ids.isEmpty()) {
        continue;
      }
      Map<Long, Long> owners = kind.privateTo(c, ids);
      if (owners.isEmpty()) {
        continue;
      }
      List<LiveEvent> marked = new ArrayList<>(out.size());
      for (LiveEvent e : out) {
        Long owner =
            kind.objectType().equals(e.objectType()) && e.objectId() != null
                ? owners.get(e.objectId())
                : null;
        marked.add(owner == null ? e : e.onlyFor(owner));
      }
      out = marked;
    }
    return out;
  }

  private List<LiveEvent> readAll(PreparedStatement s) throws SQLException {
    List<LiveEvent> events = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        long objectId = r.getLong(5);
        Long object = r.wasNull() ? null : objectId;
        LiveEvents.of(
                r.getLong(1),
                r.getString(3),
                r.getLong(2),
                r.getString(4),
                object,
                r.getTimestamp(7).toInstant(),
                payload(r.getString(6)))
            .ifPresent(events::add);
      }
    }
    return events;
  }

  private Map<String, Object> payload(String json) {
    try {
      return json == null ? Map.of() : mapper.readValue(json, MAP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
