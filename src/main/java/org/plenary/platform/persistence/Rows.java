package org.plenary.platform.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Values of native-query rows, whatever type the JDBC driver returned them as. */
public final class Rows {
  private Rows() {}

  /** A {@code timestamptz} column as an instant (null stays null). */
  public static Instant instant(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Instant i) {
      return i;
    }
    if (o instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    if (o instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    return Instant.parse(o.toString());
  }

  /** Native-query rows as maps of {@code names} (in column order) to values, for an export. */
  public static List<Map<String, Object>> named(List<Object[]> rows, String... names) {
    return rows.stream()
        .map(
            row -> {
              Map<String, Object> m = new LinkedHashMap<>();
              for (int i = 0; i < names.length; i++) {
                m.put(names[i], row[i]);
              }
              return m;
            })
        .toList();
  }

  /**
   * The rows of native query {@code sql} with its one parameter {@code ?1}, each a map of the
   * columns, in order, under {@code names}.
   */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> query(
      EntityManager em, String sql, Object parameter, String... names) {
    return named(em.createNativeQuery(sql).setParameter(1, parameter).getResultList(), names);
  }
}
