package org.plenary.endorsement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.plenary.identity.PersonalData;
import org.plenary.platform.persistence.Rows;

/** Every stance a person took, current and ended, for their data export. */
@ApplicationScoped
public class EndorsementData implements PersonalData {

  @Inject EntityManager em;

  @Override
  public Part of(long accountId) {
    return new Part(
        "endorsements",
        50,
        Rows.query(
            em,
            "SELECT paper_id, section_id, stance, statement, capacity, organisation,"
                + " stakeholder_group, revision, created_at, ended_at, ended_how"
                + " FROM endorsement WHERE account_id = ?1 ORDER BY id",
            accountId,
            "paperId",
            "sectionId",
            "stance",
            "statement",
            "capacity",
            "organisation",
            "stakeholderGroup",
            "revision",
            "givenAt",
            "endedAt",
            "ended"));
  }
}
