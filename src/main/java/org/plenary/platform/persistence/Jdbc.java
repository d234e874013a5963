package org.plenary.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One plain JDBC query on a pooled connection, for the few reads that are measured hot paths (see
 * docs/data-access.md); everything else goes through Panache.
 */
public final class Jdbc {
  private Jdbc() {}

  /** Reads the query's result set into a value. */
  public interface Reader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /**
   * Runs {@code sql} with {@code params} bound in order and reads its result; {@code what} names
   * the read in the exception a database failure becomes.
   */
  public static <T> T query(
      DataSource dataSource, String what, String sql, Reader<T> reader, long... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setLong(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        return reader.read(rs);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read " + what, e);
    }
  }
}
