package org.plenary.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Whom an event tells, in the form the event payload carries it: {@code "notify": [{"reason":
 * "MENTION", "to": [ids]}, ...]}. The database fans that out into notifications in the same
 * transaction (migration V4); the first reason listed for a person wins, so list the most specific
 * first. The one who acted is never told.
 */
public final class Notify {

  private final List<Map<String, Object>> entries = new ArrayList<>();

  public static Notify of(Reason reason, Collection<Long> to) {
    return new Notify().and(reason, to);
  }

  public Notify and(Reason reason, Collection<Long> to) {
    if (to != null && !to.isEmpty()) {
      entries.add(Map.of("reason", reason.name(), "to", List.copyOf(new LinkedHashSet<>(to))));
    }
    return this;
  }

  /** {@code payload} with the notification list added (unchanged when nobody is told). */
  public Map<String, Object> into(Map<String, Object> payload) {
    if (!entries.isEmpty()) {
      payload.put("notify", List.copyOf(entries));
    }
    return payload;
  }
}
