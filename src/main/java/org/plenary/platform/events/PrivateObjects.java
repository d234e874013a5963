package org.plenary.platform.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;

/**
 * Objects of a paper that only one person may see now, as the feature that keeps them knows it (a
 * private draft: only its author, {@code draft.DraftPrivacy}). Whatever passes events on to readers
 * (the live stream) asks before sending an event about such an object to anyone else, so it neither
 * reads that feature's tables nor depends on it.
 */
public interface PrivateObjects {

  /** The object type this answers for, as recorded events name it (e.g. {@code draft}). */
  String objectType();

  /**
   * Of the objects with these ids, those that are private now, each with the one account that may
   * see it. Plain JDBC on the caller's connection (the live listener holds its own).
   */
  Map<Long, Long> privateTo(Connection c, Collection<Long> ids) throws SQLException;
}
