package org.plenary.revision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.identity.PersonalData;
import org.plenary.section.Section;

/** The revisions a person wrote, with each section's paper, for their data export. */
@ApplicationScoped
public class RevisionData implements PersonalData {

  @Inject EntityManager em;

  @Override
  @SuppressWarnings("unchecked")
  public Part of(long accountId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT section_id, number, created_at, summary, body FROM revision"
                    + " WHERE author_id = ?1 ORDER BY created_at")
            .setParameter(1, accountId)
            .getResultList();
    Map<Long, Long> paperOf = new HashMap<>();
    List<Long> sections = rows.stream().map(r -> ((Number) r[0]).longValue()).distinct().toList();
    if (!sections.isEmpty()) {
      Section.<Section>list("id in ?1", sections).forEach(s -> paperOf.put(s.id, s.paperId));
    }
    return new Part(
        "revisions",
        30,
        rows.stream()
            .map(
                r -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("paperId", paperOf.get(((Number) r[0]).longValue()));
                  m.put("sectionId", r[0]);
                  m.put("revision", r[1]);
                  m.put("createdAt", r[2]);
                  m.put("summary", r[3]);
                  m.put("body", r[4]);
                  return m;
                })
            .toList());
  }
}
