package org.plenary.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.plenary.platform.security.CurrentActor;

/**
 * The one event record. Every state change calls {@link #record} inside the transaction that makes
 * the change, so the record and the change commit or roll back together. The audit log,
 * notifications and the live stream read from here; there is no other store for them.
 */
@ApplicationScoped
public class EventLog {

  @Inject CurrentActor currentActor;
  @Inject PaperChanges changes;

  /** Records that the current actor changed something. Must run inside the change's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Event record(
      Long paperId, String type, String objectType, Long objectId, Map<String, Object> payload) {
    Event event = new Event();
    event.paperId = paperId;
    event.actorId = currentActor.get().accountId();
    event.type = type;
    event.objectType = objectType;
    event.objectId = objectId;
    event.payload = payload;
    event.persist();
    if (paperId != null) {
      changes.changedOnCommit(paperId);
    }
    return event;
  }
}
