package org.plenary.endorsement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.plenary.identity.Erasing;

/**
 * An erased person's stances keep what they said and how, but no longer the organisation they gave
 * them for: {@code endorsement.organisation} is cleared on every row, current and ended, past the
 * rows' history trigger through the transaction-local {@code plenary.redaction} (V8), which allows
 * only that change and marks the row {@code redacted}.
 */
@ApplicationScoped
public class EndorsementRedaction {

  @Inject EntityManager em;

  void onErasing(@Observes Erasing erasing) {
    em.flush();
    em.createNativeQuery("SELECT set_config('plenary.redaction', 'erasure', true)")
        .getSingleResult();
    em.createNativeQuery(
            "UPDATE endorsement SET organisation = NULL, redacted = true"
                + " WHERE account_id = ?1 AND organisation IS NOT NULL")
        .setParameter(1, erasing.accountId())
        .executeUpdate();
    em.createNativeQuery("SELECT set_config('plenary.redaction', '', true)").getSingleResult();
  }
}
