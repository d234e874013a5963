package org.plenary.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.plenary.notification.CommentExcerpts;

/**
 * What comments said, for the notifications that point at them (deleted and hidden ones: nothing).
 */
@ApplicationScoped
class NotifiedComments implements CommentExcerpts {

  @Inject EntityManager em;

  @Override
  @SuppressWarnings("unchecked")
  public Map<Long, String> excerpts(Collection<Long> ids, int length) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, left(body, ?2) FROM comment WHERE id = ANY(?1)"
                    + " AND deleted_at IS NULL AND hidden_at IS NULL")
            .setParameter(1, ids.toArray(new Long[0]))
            .setParameter(2, length)
            .getResultList();
    Map<Long, String> byId = new HashMap<>();
    rows.forEach(r -> byId.put(((Number) r[0]).longValue(), (String) r[1]));
    return byId;
  }
}
