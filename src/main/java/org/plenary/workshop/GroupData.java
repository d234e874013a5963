package org.plenary.workshop;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.plenary.identity.PersonalData;
import org.plenary.platform.persistence.Rows;

/** The breakout groups a person belongs to, for their data export. */
@ApplicationScoped
public class GroupData implements PersonalData {

  @Inject EntityManager em;

  @Override
  public Part of(long accountId) {
    return new Part(
        "groups",
        20,
        Rows.query(
            em,
            "SELECT g.paper_id, g.id, g.name FROM group_member gm JOIN breakout_group g"
                + " ON g.id = gm.group_id WHERE gm.account_id = ?1 ORDER BY g.id",
            accountId,
            "paperId",
            "groupId",
            "name"));
  }
}
