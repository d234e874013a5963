package org.plenary.live;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.plenary.identity.Account;
import org.plenary.identity.AccountRows;
import org.plenary.identity.People;
import org.plenary.identity.People.Audience;
import org.plenary.live.LiveRecords.Heartbeat;
import org.plenary.live.LiveRecords.PresenceView;
import org.plenary.live.LiveRecords.Present;
import org.plenary.platform.config.PlenaryConfig;
import org.plenary.platform.error.Invalid;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.security.Actor;

/**
 * Who is in a paper right now. Each browser tab sends a heartbeat; a presence without one for
 * {@code plenary.live.presence-timeout} is gone. The presences live in PostgreSQL (shared by every
 * instance); a change is told to every instance through {@code NOTIFY plenary_live}, and each sends
 * its streams the paper's presences as their readers may see them.
 */
@ApplicationScoped
public class PresenceService {

  /** The people present in a paper, one row per person and section, earliest first. */
  static final String SNAPSHOT =
      "SELECT p.section_id, bool_or(p.editing), min(p.since), "
          + AccountRows.columns("a")
          + " FROM presence p"
          + AccountRows.join("a", "a.id = p.account_id")
          + " WHERE p.paper_id = ? AND p.seen_at > ?"
          + " GROUP BY p.account_id, p.section_id, a.id ORDER BY min(p.since), p.account_id";

  @Inject EntityManager em;
  @Inject PlenaryConfig config;
  @Inject PaperSections sections;

  /** A person's account as far as naming them needs, and where they are. */
  record Row(Account account, Long sectionId, boolean editing, Instant since) {}

  /** Records a heartbeat; tells every instance when the person arrived, moved or changed mode. */
  @Transactional
  public void beat(long paperId, Actor actor, Heartbeat beat) {
    if (beat.sectionId() != null && !sections.isSectionOf(paperId, beat.sectionId())) {
      throw new Invalid("sectionId", "is not a section of this paper");
    }
    Instant now = BaseEntity.now();
    @SuppressWarnings("unchecked")
    List<Object[]> before =
        em.createNativeQuery(
                "SELECT section_id, editing, seen_at FROM presence"
                    + " WHERE paper_id = ?1 AND account_id = ?2 AND client = ?3 FOR UPDATE")
            .setParameter(1, paperId)
            .setParameter(2, actor.accountId())
            .setParameter(3, beat.client())
            .getResultList();
    em.createNativeQuery(
            "INSERT INTO presence (paper_id, account_id, client, section_id, editing, since,"
                + " seen_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)"
                + " ON CONFLICT (paper_id, account_id, client) DO UPDATE SET"
                + " section_id = excluded.section_id, editing = excluded.editing,"
                + " seen_at = excluded.seen_at, since = CASE WHEN"
                + " presence.section_id IS NOT DISTINCT FROM excluded.section_id"
                + " AND presence.editing = excluded.editing"
                + " AND presence.seen_at > ?7 THEN presence.since ELSE excluded.since END")
        .setParameter(1, paperId)
        .setParameter(2, actor.accountId())
        .setParameter(3, beat.client())
        .setParameter(4, beat.sectionId())
        .setParameter(5, beat.editing())
        .setParameter(6, now)
        .setParameter(7, now.minus(config.live().presenceTimeout()))
        .executeUpdate();
    boolean changed =
        before.isEmpty()
            || !java.util.Objects.equals(
                before.get(0)[0] == null ? null : ((Number) before.get(0)[0]).longValue(),
                beat.sectionId())
            || !Boolean.valueOf(beat.editing()).equals(before.get(0)[1])
            || org.plenary.platform.persistence.Rows.instant(before.get(0)[2])
                .isBefore(now.minus(config.live().presenceTimeout()));
    if (changed) {
      tell(paperId);
    }
  }

  /** Ends one tab's presence at once (the tab was closed or left the paper). */
  @Transactional
  public void leave(long paperId, Actor actor, String client) {
    int gone =
        em.createNativeQuery(
                "DELETE FROM presence WHERE paper_id = ?1 AND account_id = ?2 AND client = ?3")
            .setParameter(1, paperId)
            .setParameter(2, actor.accountId())
            .setParameter(3, client)
            .executeUpdate();
    if (gone > 0) {
      tell(paperId);
    }
  }

  /** Removes presences whose heartbeats stopped; any instance may do it, each paper is told. */
  @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  @Transactional
  void sweep() {
    @SuppressWarnings("unchecked")
    List<Number> papers =
        em.createNativeQuery("DELETE FROM presence WHERE seen_at < ?1 RETURNING paper_id")
            .setParameter(1, BaseEntity.now().minus(config.live().presenceTimeout()))
            .getResultList();
    papers.stream().map(Number::longValue).distinct().forEach(this::tell);
  }

  /** Everyone present in the paper, as {@code audience} may see them. */
  @Transactional
  public PresenceView view(long paperId, Audience audience) {
    List<Row> rows = em.unwrap(Session.class).doReturningWork(c -> read(c, paperId));
    return view(paperId, rows, audience);
  }

  PresenceView view(long paperId, List<Row> rows, Audience audience) {
    List<Present> people = new ArrayList<>(rows.size());
    for (Row r : rows) {
      People.Shown shown = People.present(r.account(), audience);
      people.add(
          new Present(
              shown.id(),
              shown.handle(),
              shown.displayName(),
              shown.organisation(),
              shown.stakeholderGroup(),
              r.sectionId(),
              r.editing(),
              r.since()));
    }
    return new PresenceView(paperId, people, heartbeatSeconds());
  }

  /** How often a client should send its heartbeat: a third of the timeout. */
  long heartbeatSeconds() {
    return Math.max(1, config.live().presenceTimeout().toSeconds() / 3);
  }

  /** The paper's presences, read on {@code c} (the listener's own connection or a pooled one). */
  List<Row> read(Connection c, long paperId) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(SNAPSHOT)) {
      s.setLong(1, paperId);
      s.setTimestamp(2, Timestamp.from(BaseEntity.now().minus(config.live().presenceTimeout())));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          long section = r.getLong(1);
          boolean noSection = r.wasNull();
          rows.add(
              new Row(
                  AccountRows.read(r, 4),
                  noSection ? null : section,
                  r.getBoolean(2),
                  r.getTimestamp(3).toInstant()));
        }
      }
    }
    return rows;
  }

  /** Tells every instance (when this transaction commits) that the paper's presences changed. */
  private void tell(long paperId) {
    em.unwrap(Session.class)
        .doWork(
            c -> {
              try (PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                s.setString(1, LiveListener.PASSING);
                s.setString(2, "{\"kind\":\"presence\",\"paperId\":" + paperId + "}");
                s.execute();
              }
            });
  }
}
