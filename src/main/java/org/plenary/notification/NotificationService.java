package org.plenary.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.plenary.identity.Account;
import org.plenary.identity.Audiences;
import org.plenary.identity.AuthorView;
import org.plenary.identity.People;
import org.plenary.member.Memberships;
import org.plenary.notification.NotificationRecords.NotificationPage;
import org.plenary.notification.NotificationRecords.NotificationView;
import org.plenary.notification.NotificationRecords.Unread;
import org.plenary.platform.error.Invalid;
import org.plenary.platform.error.NotFound;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.persistence.Rows;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.CurrentActor;
import org.plenary.platform.security.PermissionService;

/**
 * Your notifications: rows fanned out from the event record (see {@link Notify}), read together
 * with the event they point at. Only papers you are still a member of are shown.
 */
@ApplicationScoped
public class NotificationService {

  /**
   * Notifications of papers the person may still read: {@code ?1} is the person, {@code ?2} the
   * papers they are a member of (asked of {@link Memberships}).
   */
  static final String VISIBLE =
      " n.account_id = ?1 AND (n.paper_id IS NULL OR n.paper_id = ANY(?2))";

  /** The section an event is about: named in its payload, or the event's object. */
  static final String SECTION_OF_EVENT =
      "coalesce((e.payload ->> 'sectionId')::bigint,"
          + " CASE WHEN e.object_type = 'section' THEN e.object_id END)";

  private static final String LIST =
      "SELECT n.event_id, n.reason, n.read_at, e.created_at, e.type, e.paper_id, "
          + SECTION_OF_EVENT
          + ", (e.payload ->> 'threadId')::bigint,"
          + " CASE WHEN e.object_type = 'comment' THEN e.object_id END,"
          + " CASE WHEN e.object_type = 'draft' THEN e.object_id END,"
          + " coalesce((e.payload ->> 'revision')::int, (e.payload ->> 'sectionRevision')::int),"
          + " e.actor_id"
          + " FROM notification n JOIN event e ON e.id = n.event_id"
          + " WHERE"
          + VISIBLE
          + " AND (?3 = false OR n.read_at IS NULL) AND n.event_id < ?4"
          + " ORDER BY n.event_id DESC LIMIT ?5";

  @Inject CurrentActor currentActor;
  @Inject PermissionService permissions;
  @Inject Audiences audiences;
  @Inject EntityManager em;
  @Inject Memberships memberships;
  @Inject Subjects subjects;

  @Transactional
  @SuppressWarnings("unchecked")
  public NotificationPage list(boolean unreadOnly, Long before, Integer limit) {
    int size = limit == null ? 30 : limit;
    if (size < 1 || size > 100) {
      throw new Invalid("limit", "must be 1 to 100");
    }
    Actor me = currentActor.get();
    Long[] papers = papersOf(me.accountId());
    List<Object[]> rows =
        em.createNativeQuery(LIST)
            .setParameter(1, me.accountId())
            .setParameter(2, papers)
            .setParameter(3, unreadOnly)
            .setParameter(4, before == null ? Long.MAX_VALUE : before)
            .setParameter(5, size + 1)
            .getResultList();
    boolean more = rows.size() > size;
    List<Object[]> page = more ? rows.subList(0, size) : rows;
    Set<Long> actorIds = idsIn(page, 11);
    Map<Long, Account> actors =
        actorIds.isEmpty()
            ? Map.of()
            : Account.<Account>list("id in ?1", actorIds).stream()
                .collect(Collectors.toMap(a -> a.id, a -> a));
    Map<Long, String> titles = subjects.paperTitles(idsIn(page, 5));
    Map<Long, String> headings = subjects.sectionHeadings(idsIn(page, 6));
    Map<Long, String> excerpts = subjects.commentExcerpts(idsIn(page, 8), 240);
    Map<Long, People.Audience> audiences = new HashMap<>();
    List<NotificationView> items = new ArrayList<>();
    for (Object[] r : page) {
      Long paperId = longOf(r[5]);
      People.Audience audience =
          paperId == null
              ? People.Audience.OUTSIDE
              : audiences.computeIfAbsent(paperId, p -> this.audiences.of(me, p));
      Account actor = r[11] == null ? null : actors.get(((Number) r[11]).longValue());
      Long sectionId = longOf(r[6]);
      Long commentId = longOf(r[8]);
      items.add(
          new NotificationView(
              ((Number) r[0]).longValue(),
              Reason.valueOf((String) r[1]),
              (String) r[4],
              paperId,
              titles.get(paperId),
              headings.containsKey(sectionId) ? sectionId : null,
              headings.get(sectionId),
              longOf(r[7]),
              commentId,
              longOf(r[9]),
              r[10] == null ? null : ((Number) r[10]).intValue(),
              excerpts.get(commentId),
              actor == null ? null : AuthorView.of(People.present(actor, audience)),
              Rows.instant(r[3]),
              r[2] != null));
    }
    Long next = more ? items.get(items.size() - 1).id() : null;
    return new NotificationPage(items, unread(me.accountId()), next);
  }

  @Transactional
  public Unread unread() {
    return new Unread(unread(currentActor.get().accountId()));
  }

  /** Marks one notification read (reading it twice is fine). */
  @Transactional
  public Unread markRead(long eventId) {
    long me = currentActor.get().accountId();
    int found =
        em.createNativeQuery(
                "UPDATE notification SET read_at = coalesce(read_at, ?3)"
                    + " WHERE account_id = ?1 AND event_id = ?2")
            .setParameter(1, me)
            .setParameter(2, eventId)
            .setParameter(3, BaseEntity.now())
            .executeUpdate();
    if (found == 0) {
      throw new NotFound("notification", String.valueOf(eventId));
    }
    return new Unread(unread(me));
  }

  /** Marks every notification read, or those up to {@code upTo} (an event id) when given. */
  @Transactional
  public Unread markAllRead(Long upTo) {
    long me = currentActor.get().accountId();
    em.createNativeQuery(
            "UPDATE notification SET read_at = ?3"
                + " WHERE account_id = ?1 AND read_at IS NULL AND event_id <= ?2")
        .setParameter(1, me)
        .setParameter(2, upTo == null ? Long.MAX_VALUE : upTo)
        .setParameter(3, BaseEntity.now())
        .executeUpdate();
    return new Unread(unread(me));
  }

  private int unread(long accountId) {
    Number n =
        (Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM notification n WHERE"
                        + VISIBLE
                        + " AND n.read_at IS NULL")
                .setParameter(1, accountId)
                .setParameter(2, papersOf(accountId))
                .getSingleResult();
    return n.intValue();
  }

  private Long[] papersOf(long accountId) {
    return memberships.papersOf(accountId).toArray(new Long[0]);
  }

  /** The non-null ids in column {@code column} of the rows. */
  private static Set<Long> idsIn(List<Object[]> rows, int column) {
    return rows.stream()
        .map(r -> longOf(r[column]))
        .filter(id -> id != null)
        .collect(Collectors.toSet());
  }

  private static Long longOf(Object o) {
    return o == null ? null : ((Number) o).longValue();
  }
}
