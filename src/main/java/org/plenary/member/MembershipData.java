package org.plenary.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.identity.PersonalData;
import org.plenary.paper.Paper;

/** A person's memberships, with each paper's title, for their data export. */
@ApplicationScoped
public class MembershipData implements PersonalData {

  @Inject EntityManager em;

  @Override
  @SuppressWarnings("unchecked")
  public Part of(long accountId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT paper_id, role, added_at FROM paper_member WHERE account_id = ?1"
                    + " ORDER BY added_at")
            .setParameter(1, accountId)
            .getResultList();
    Map<Long, String> titles = new HashMap<>();
    List<Long> papers = rows.stream().map(r -> ((Number) r[0]).longValue()).distinct().toList();
    if (!papers.isEmpty()) {
      Paper.<Paper>list("id in ?1", papers).forEach(p -> titles.put(p.id, p.title));
    }
    return new Part(
        "memberships",
        10,
        rows.stream()
            .map(
                r -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("paperId", r[0]);
                  m.put("paperTitle", titles.get(((Number) r[0]).longValue()));
                  m.put("role", r[1]);
                  m.put("since", r[2]);
                  return m;
                })
            .toList());
  }
}
