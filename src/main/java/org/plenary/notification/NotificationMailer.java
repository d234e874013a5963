package org.plenary.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
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
      "SELECT n.account_id, n.event_id, n.reason, a.email, e.paper_id, p.title, s.id, s.heading,"
          + " CASE WHEN c.deleted_at IS NULL AND c.hidden_at IS NULL THEN left(c.body, 400) END,"
          + " e.actor_id"
          + " FROM notification n JOIN account a ON a.id = n.account_id"
          + " JOIN event e ON e.id = n.event_id"
          + " LEFT JOIN paper p ON p.id = e.paper_id"
          + " LEFT JOIN section s ON s.id = coalesce((e.payload ->> 'sectionId')::bigint,"
          + " CASE WHEN e.object_type = 'section' THEN e.object_id END)"
          + " LEFT JOIN comment c ON e.object_type = 'comment' AND c.id = e.object_id"
          + " WHERE n.mail_state = 'PENDING' ORDER BY n.created_at LIMIT 50"
          + " FOR UPDATE OF n SKIP LOCKED";

  @Inject PlenaryConfig config;
  @Inject Mailer mailer;
  @Inject EntityManager em;
  @Inject PermissionService permissions;
  @Inject Audiences audiences;

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
    List<Object[]> rows = em.createNativeQuery(CLAIM).getResultList();
    for (Object[] r : rows) {
      long accountId = ((Number) r[0]).longValue();
      long eventId = ((Number) r[1]).longValue();
      String state;
      try {
        mailer.send(mail(r));
        state = "SENT";
      } catch (RuntimeException e) {
        LOG.warnf("Could not email notification %d to account %d: %s", eventId, accountId, e);
        state = "FAILED";
      }
      em.createNativeQuery(
              "UPDATE notification SET mail_state = ?3 WHERE account_id = ?1 AND event_id = ?2")
          .setParameter(1, accountId)
          .setParameter(2, eventId)
          .setParameter(3, state)
          .executeUpdate();
    }
    return rows.size();
  }

  private Mail mail(Object[] r) {
    long accountId = ((Number) r[0]).longValue();
    Reason reason = Reason.valueOf((String) r[2]);
    String to = (String) r[3];
    Long paperId = r[4] == null ? null : ((Number) r[4]).longValue();
    String paper = r[5] == null ? "a paper" : (String) r[5];
    Long sectionId = r[6] == null ? null : ((Number) r[6]).longValue();
    String section = r[7] == null ? paper : (String) r[7];
    String excerpt = (String) r[8];
    String actor = "Someone";
    if (r[9] != null && paperId != null) {
      Account a = Account.findById(((Number) r[9]).longValue());
      Account recipient = Account.findById(accountId);
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
