package org.plenary.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.plenary.identity.PersonalData;
import org.plenary.platform.persistence.Rows;

/** The comments a person wrote, every version, for their data export. */
@ApplicationScoped
public class CommentData implements PersonalData {

  @Inject EntityManager em;

  @Override
  public Part of(long accountId) {
    return new Part(
        "comments",
        40,
        Rows.query(
            em,
            "SELECT c.paper_id, c.section_id, c.id, c.thread_id, v.number, v.created_at, v.body,"
                + " c.deleted_at, c.hidden_at FROM comment c JOIN comment_version v"
                + " ON v.comment_id = c.id WHERE c.author_id = ?1 ORDER BY c.id, v.number",
            accountId,
            "paperId",
            "sectionId",
            "commentId",
            "threadId",
            "version",
            "createdAt",
            "body",
            "deletedAt",
            "hiddenAt"));
  }
}
