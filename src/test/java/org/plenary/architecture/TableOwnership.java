package org.plenary.architecture;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which feature package owns each table, written down here and nowhere else in code ({@code
 * docs/data-access.md} mirrors {@link #OWNERS} line by line). The owner is the only package whose
 * SQL names the table; another feature asks the owner's service or a read model it publishes.
 * {@link TableOwnershipTest} checks the map against the migrations and the sources.
 */
final class TableOwnership {
  private TableOwnership() {}

  /** Table name to owning package under org.plenary, in the order the migrations create them. */
  static final Map<String, String> OWNERS;

  /**
   * Tables published for reading: any feature may read them in its SQL, only the owner writes them.
   * The event log is the one (docs/data-access.md, rule 4): notifications, the live stream and
   * audits read it; every write goes through {@code platform.events.EventLog}.
   */
  static final Set<String> PUBLISHED_FOR_READING = Set.of("event");

  static {
    Map<String, String> owners = new LinkedHashMap<>();
    own(owners, "identity", "account", "access_token", "login_throttle", "password_reset");
    own(owners, "paper", "paper");
    own(owners, "section", "section");
    own(owners, "revision", "revision", "revision_coauthor");
    own(owners, "platform", "event");
    own(owners, "member", "paper_member", "invitation");
    own(owners, "workshop", "workshop", "breakout_group", "group_member", "group_section");
    own(owners, "draft", "draft", "draft_version");
    own(owners, "comment", "comment", "comment_version", "comment_mention", "comment_flag");
    own(owners, "endorsement", "endorsement");
    own(owners, "notification", "notification", "notification_reason");
    own(
        owners,
        "publish",
        "edition",
        "edition_artifact",
        "compile_job",
        "share_link",
        "edition_redaction");
    own(owners, "live", "presence");
    own(owners, "coedit", "live_document", "live_update");
    OWNERS = Collections.unmodifiableMap(owners);
  }

  private static void own(Map<String, String> owners, String feature, String... tables) {
    for (String t : tables) {
      if (owners.put(t, feature) != null) {
        throw new IllegalStateException("table " + t + " is given two owners");
      }
    }
  }
}
