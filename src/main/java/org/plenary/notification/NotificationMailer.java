package org.plenary.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.plenary.identity.Account;
import org.plenary.identity.Audiences;
import org.plenary.identity.People;
import org.plenary.platform.config.PlenaryConfig;
import org.plenary.platform.security.PermissionService;

/**
 * Sends notification emails, when {@code plenary.mail.enabled} is on and SMTP is configured. The
 * notification table is the outbox: rows owed an email wait as {@code PENDING} and are claimed with
 * {@code SKIP LOCKED}, so several instances never send one twice, and a restart loses none. A row
 * not sent within {@code plenary.mail.max-delay} is given up ({@code EXPIRED}).
 */
@ApplicationScoped
public class NotificationMailer {

  private static final Logger LOG = Logger.getLogger(NotificationMailer.class);

  private static final String CLAIM =
      "SELECT n.account_id, n.event_id, n.reason, e.paper_id, "
          + NotificationService.SECTION_OF_EVENT
          + ", CASE WHEN e.object_type = 'comment' THEN e.object_id END, e.actor_id"
          + " FROM notification n JOIN event e ON e.id = n.event_id"
          + " WHERE n.mail_state = 'PENDING' ORDER BY n.created_at LIMIT 50"
          + " FOR UPDATE OF n SKIP LOCKED";

  /** The columns of a claimed row. */
  private record Claimed(
      long accountId,
      long eventId,
      Reason reason,
      Long paperId,
      Long sectionId,
      Long commentId,
      Long actorId) {}

  /** What the batch's emails are about, read once for the whole batch. */
  private record About(
      Map<Long, Account> accounts,
      Map<Long, String> titles,
      Map<Long, String> headings,
      Map<Long, String> excerpts) {}

  @Inject PlenaryConfig config;
  @Inject Mailer mailer;
  @Inject EntityManager em;
  @Inject PermissionService permissions;
  @Inject Audiences audiences;
  @Inject Subjects subjects;

  @Scheduled(
      every = "${plenary.mail.interval}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sendWaiting() {
    if (!config.mail().enabled()) {
      return;
    }
    try {
      while (QuarkusTransaction.requiringNew().call(this::sendBatch) == 50) {
        // a full batch: there may be more waiting
      }
    } catch (RuntimeException e) {
      LOG.warnf("Could not send notification emails: %s", e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private int sendBatch() {
    em.createNativeQuery(
            "UPDATE notification SET mail_state = 'EXPIRED'"
                + " WHERE mail_state = 'PENDING' AND created_at < ?1")
        .setParameter(1, Instant.now().minus(config.mail().maxDelay()))
        .executeUpdate();
    List<Claimed> rows =
        ((List<Object[]>) em.createNativeQuery(CLAIM).getResultList())
            .stream()
                .map(
                    r ->
                        new Claimed(
                            ((Number) r[0]).longValue(),
                            ((Number) r[1]).longValue(),
                            Reason.valueOf((String) r[2]),
                            longOf(r[3]),
                            longOf(r[4]),
                            longOf(r[5]),
                            longOf(r[6])))
                .toList();
    About about = about(rows);
    for (Claimed r : rows) {
      String state;
      try {
        mailer.send(mail(r, about));
        state = "SENT";
      } catch (RuntimeException e) {
        LOG.warnf(
            "Could not email notification %d to account %d: %s", r.eventId(), r.accountId(), e);
        state = "FAILED";
      }
      em.createNativeQuery(
              "UPDATE notification SET mail_state = ?3 WHERE account_id = ?1 AND event_id = ?2")
          .setParameter(1, r.accountId())
          .setParameter(2, r.eventId())
          .setParameter(3, state)
          .executeUpdate();
    }
    return rows.size();
  }

  private About about(List<Claimed> rows) {
    Set<Long> people = new HashSet<>();
    rows.forEach(
        r -> {
          people.add(r.accountId());
          if (r.actorId() != null) {
            people.add(r.actorId());
          }
        });
    Map<Long, Account> accounts = new HashMap<>();
    if (!people.isEmpty()) {
      Account.<Account>list("id in ?1", people).forEach(a -> accounts.put(a.id, a));
    }
    return new About(
        accounts,
        subjects.paperTitles(rows.stream().map(Claimed::paperId).toList()),
        subjects.sectionHeadings(rows.stream().map(Claimed::sectionId).toList()),
        subjects.commentExcerpts(rows.stream().map(Claimed::commentId).toList(), 400));
  }

  private Mail mail(Claimed r, About about) {
    Reason reason = r.reason();
    Account recipient = about.accounts().get(r.accountId());
    String to = recipient == null ? null : recipient.email;
    Long paperId = r.paperId();
    String title = about.titles().get(paperId);
    String paper = title == null ? "a paper" : title;
    String heading = about.headings().get(r.sectionId());
    Long sectionId = heading == null ? null : r.sectionId();
    String section = heading == null ? paper : heading;
    String excerpt = about.excerpts().get(r.commentId());
    String actor = "Someone";
    if (r.actorId() != null && paperId != null) {
      Account a = about.accounts().get(r.actorId());
      if (a != null && recipient != null) {
        var audience =
            audiences.of(
                new org.plenary.platform.security.Actor(
                    recipient.id, recipient.handle, recipient.platformAdmin),
                paperId);
        actor = People.present(a, audience).displayName();
      }
    }
    String headline = headline(reason, actor, "“" + section + "”");
    StringBuilder text = new StringBuilder(headline).append(".\n\n");
    if (excerpt != null) {
      text.append("> ").append(excerpt.replace("\n", "\n> ")).append("\n\n");
    }
    String link =
        config.publicUrl().replaceAll("/+$", "")
            + "/#/papers/"
            + paperId
            + (sectionId == null ? "" : "/sections/" + sectionId);
    text.append("Open it in Plenary: ").append(link).append("\n\n");
    text.append(
        "You get these emails because you gave Plenary your address. Turn them off in your"
            + " profile (email notifications).\n");
    return Mail.withText(to, "[Plenary] " + paper + ": " + headline, text.toString());
  }

  private static Long longOf(Object o) {
    return o == null ? null : ((Number) o).longValue();
  }

  static String headline(Reason reason, String actor, String section) {
    return switch (reason) {
      case MENTION -> actor + " mentioned you in a comment on " + section;
      case REPLY -> actor + " replied in a thread you are part of, on " + section;
      case DRAFT_MERGED -> actor + " merged your draft of " + section;
      case DRAFT_REJECTED -> actor + " rejected your draft of " + section;
      case DRAFT_OUTDATED -> section + " changed after your draft was based on it";
      case ENDORSED_PROPOSAL_CHANGED ->
          section + ", which you took a stance on, changed: please look again and re-confirm";
      case COMMENT_FLAGGED -> "A comment on " + section + " was flagged for moderation";
    };
  }
}
