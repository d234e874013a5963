package org.plenary.draft;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.plenary.platform.events.PrivateObjects;

/**
 * A draft never submitted ({@link Draft#shared} false) exists only for its author, as {@code
 * DraftService} shows drafts: events about it (created, updated, outdated, withdrawn while still
 * private) reach only the author's live streams, never the paper's other readers.
 */
@ApplicationScoped
public class DraftPrivacy implements PrivateObjects {

  private static final String PRIVATE =
      "SELECT id, author_id FROM draft WHERE id = ANY(?) AND NOT shared";

  @Override
  public String objectType() {
    return "draft";
  }

  @Override
  public Map<Long, Long> privateTo(Connection c, Collection<Long> ids) throws SQLException {
    Map<Long, Long> authors = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(PRIVATE)) {
      s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          authors.put(r.getLong(1), r.getLong(2));
        }
      }
    }
    return authors;
  }
}
