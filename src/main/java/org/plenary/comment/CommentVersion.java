package org.plenary.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.Immutable;
import org.plenary.platform.persistence.BaseEntity;

/** One version of a comment's text. Never changed: editing a comment appends a version. */
@Entity
@Immutable
@Table(name = "comment_version")
public class CommentVersion extends BaseEntity {
  @Column(nullable = false, updatable = false)
  public Long commentId;

  @Column(nullable = false, updatable = false)
  public int number;

  @Column(nullable = false, updatable = false)
  public String body;

  public static List<CommentVersion> of(long commentId) {
    return list("commentId = ?1 order by number", commentId);
  }
}
