package org.plenary.platform.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

  private static SQLException connectionLost() {
    return new SQLException("An I/O error occurred while sending to the backend.", "08006");
  }

  @Test
  void a_lost_connection_anywhere_in_the_causes_is_the_database_being_unreachable() {
    Exception e =
        new IllegalStateException("Could not save", new RuntimeException(connectionLost()));

    assertTrue(DatabaseFailures.unreachable(e));
    assertFalse(DatabaseFailures.duringCommit(e));
  }

  @Test
  void a_shutting_down_server_is_the_database_being_unreachable() {
    assertTrue(
        DatabaseFailures.unreachable(
            new SQLException(
                "FATAL: terminating connection due to administrator command", "57P01")));
  }

  @Test
  void
      a_commit_that_lost_its_connection_is_found_through_what_the_transaction_manager_suppressed() {
    // Narayana's shape: the XAException that carries the SQL failure is suppressed, not a cause.
    XAException xa = new XAException(XAException.XAER_RMERR);
    xa.initCause(connectionLost());
    RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit");
    rollback.addSuppressed(xa);
    Exception e = new jakarta.transaction.TransactionalException("commit failed", rollback);

    assertTrue(DatabaseFailures.unreachable(e));
    assertTrue(DatabaseFailures.duringCommit(e));
  }

  @Test
  void a_pool_that_timed_out_handing_out_a_connection_is_the_database_being_unreachable() {
    assertTrue(
        DatabaseFailures.unreachable(
            new SQLException("Acquisition timeout while waiting for new connection")));
  }

  @Test
  void other_failures_are_not_the_database_being_unreachable() {
    SQLException syntax = new SQLException("syntax error at or near", "42601");
    RollbackException rollback = new RollbackException("marked for rollback");
    rollback.addSuppressed(new IllegalArgumentException("a bug"));

    assertFalse(DatabaseFailures.unreachable(syntax));
    assertFalse(DatabaseFailures.unreachable(rollback));
    assertFalse(DatabaseFailures.unreachable(new NullPointerException()));
  }

  @Test
  void a_failure_that_suppresses_itself_in_a_cycle_is_searched_once() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.addSuppressed(b);

    assertFalse(DatabaseFailures.unreachable(a));
  }
}
