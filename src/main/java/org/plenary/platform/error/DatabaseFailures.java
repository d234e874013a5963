package org.plenary.platform.error;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tells from a failure whether PostgreSQL could not be reached, and whether that happened while a
 * transaction was being committed (when nobody can know whether the commit took).
 *
 * <p>The cause can hide in two places: the chain of causes (Hibernate, Agroal) and the suppressed
 * exceptions (Narayana adds what went wrong during commit to a {@code RollbackException} or a
 * heuristic exception as suppressed, not as its cause). Both are searched.
 */
final class DatabaseFailures {

  private DatabaseFailures() {}

  /**
   * Whether {@code e} comes from not reaching PostgreSQL (down, restarting, no connection free):
   * SQLSTATE class 08 (connection exception) or 57P (operator intervention, e.g. shutdown), or a
   * pool that could not hand out a connection.
   */
  static boolean unreachable(Throwable e) {
    return anyWithin(e, DatabaseFailures::connectionFailure);
  }

  /** Whether {@code e} was raised while committing, so the outcome of the write is unknown. */
  static boolean duringCommit(Throwable e) {
    return anyWithin(
        e,
        t ->
            t instanceof jakarta.transaction.RollbackException
                || t instanceof jakarta.transaction.HeuristicMixedException
                || t instanceof jakarta.transaction.HeuristicRollbackException);
  }

  /** The innermost cause, named with its message, for the log. */
  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private static boolean connectionFailure(Throwable t) {
    if (t instanceof java.sql.SQLTransientConnectionException
        || t instanceof org.hibernate.exception.JDBCConnectionException) {
      return true;
    }
    if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      if (state.startsWith("08") || state.startsWith("57P")) {
        return true;
      }
    }
    return t.getMessage() != null && t.getMessage().contains("Acquisition timeout");
  }

  /** Whether {@code e}, one of its causes or anything suppressed along the way matches. */
  private static boolean anyWithin(Throwable e, Predicate<Throwable> test) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>();
    todo.add(e);
    while (!todo.isEmpty()) {
      Throwable t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (test.test(t)) {
        return true;
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      Collections.addAll(todo, t.getSuppressed());
    }
    return false;
  }
}
