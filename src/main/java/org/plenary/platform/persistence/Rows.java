package org.plenary.platform.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;

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
}
