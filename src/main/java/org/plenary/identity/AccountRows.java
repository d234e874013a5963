package org.plenary.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * The account as a hot path reads it in its own statement, when one more round trip to name a
 * person would cost too much (the save, the presence snapshot; see docs/data-access.md). Identity
 * owns the {@code account} table, so the join, its columns and reading them back are written here
 * and the hot path composes them; its own SQL never names the table.
 */
public final class AccountRows {
  private AccountRows() {}

  /** How many columns {@link #columns} selects. */
  public static final int COLUMN_COUNT = 7;

  /** What {@link People#present} needs of the account {@code alias}, in {@link #read}'s order. */
  public static String columns(String alias) {
    return String.join(
        ", ",
        alias + ".id",
        alias + ".handle",
        alias + ".display_name",
        alias + ".organisation",
        alias + ".stakeholder_group",
        alias + ".attribution",
        alias + ".erased_at");
  }

  /** {@code JOIN} the account table as {@code alias} on {@code condition}. */
  public static String join(String alias, String condition) {
    return " JOIN account " + alias + " ON " + condition;
  }

  /** {@code LEFT JOIN} the account table as {@code alias} on {@code condition}. */
  public static String leftJoin(String alias, String condition) {
    return " LEFT" + join(alias, condition);
  }

  /** The account whose {@link #columns} start at column {@code from}. */
  public static Account read(ResultSet rs, int from) throws SQLException {
    Account a = new Account();
    a.id = rs.getLong(from);
    a.handle = rs.getString(from + 1);
    a.displayName = rs.getString(from + 2);
    a.organisation = rs.getString(from + 3);
    a.stakeholderGroup = StakeholderGroup.valueOf(rs.getString(from + 4));
    a.attribution = Attribution.valueOf(rs.getString(from + 5));
    OffsetDateTime erased = rs.getObject(from + 6, OffsetDateTime.class);
    a.erasedAt = erased == null ? null : erased.toInstant();
    return a;
  }
}
