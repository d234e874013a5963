package org.plenary.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.CurrentActor;

/**
 * The one event record, which is also the audit log. Every state change calls {@link #record}
 * inside the transaction that makes the change, so the record and the change commit or roll back
 * together. Security events that change nothing (a failed sign-in, a refused request, an
 * administrator looking into a paper) go through {@link #audit} in a transaction of their own. The
 * audit log, notifications and the live stream read from here; there is no other store for them.
 */
@ApplicationScoped
public class EventLog {

  /**
   * Inserts one event ({@code ?}: paper, actor, type, object type, object id, payload as JSON text,
   * when), for the one hot path that appends its event in its own statement: the save ({@code
   * revision.RevisionWriter}) composes it, so the event log stays the only writer that names it.
   */
  public static final String INSERT =
      "INSERT INTO event (paper_id, actor_id, type, object_type, object_id, payload, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)";

  @Inject CurrentActor currentActor;
  @Inject PaperChanges changes;

  /** Records that the current actor changed something. Must run inside the change's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Event record(
      Long paperId, String type, String objectType, Long objectId, Map<String, Object> payload) {
    return recordAs(currentActor.get(), paperId, type, objectType, objectId, payload);
  }

  /** Records that {@code actor} changed something (for changes made before anyone signed in). */
  @Transactional(Transactional.TxType.MANDATORY)
  public Event recordAs(
      Actor actor,
      Long paperId,
      String type,
      String objectType,
      Long objectId,
      Map<String, Object> payload) {
    Event event = insert(actor, paperId, type, objectType, objectId, payload);
    if (paperId != null) {
      changes.changedOnCommit(paperId);
    }
    return event;
  }

  /**
   * Records a security event in a transaction of its own, so it stays even when the request fails.
   * {@code actor} may be null (an unknown caller).
   */
  public void audit(
      Actor actor,
      Long paperId,
      String type,
      String objectType,
      Long objectId,
      Map<String, Object> payload) {
    QuarkusTransaction.requiringNew()
        .run(() -> insert(actor, paperId, type, objectType, objectId, payload));
  }

  private Event insert(
      Actor actor,
      Long paperId,
      String type,
      String objectType,
      Long objectId,
      Map<String, Object> payload) {
    Event event = new Event();
    event.paperId = paperId;
    event.actorId = actor == null ? null : actor.accountId();
    event.type = type;
    event.objectType = objectType;
    event.objectId = objectId;
    event.payload = payload;
    event.address = currentActor.address().orElse(null);
    event.persist();
    return event;
  }
}
