package org.plenary.identity;

import java.util.List;
import java.util.Map;

/**
 * One part of a person's data export ({@link AccountCare#export}) that another feature holds. Each
 * feature that keeps rows about a person implements it over its own tables (picked up by CDI), so
 * identity, at the bottom of the layering, never reads them.
 */
public interface PersonalData {

  /** The person's part of this feature's data. */
  Part of(long accountId);

  /**
   * A part of the export: its name (such as {@code memberships}), where it stands (lower first) and
   * the person's rows, in the part's order, each a map of field name to value.
   */
  record Part(String name, int place, List<Map<String, Object>> rows) {}
}
