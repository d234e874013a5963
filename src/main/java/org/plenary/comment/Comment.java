package org.plenary.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.plenary.platform.persistence.BaseEntity;

/**
 * A comment on a section. The first comment of a thread ({@link #threadId} null) carries the anchor
 * and the thread's resolved state; replies point at it. The text of every version is kept in {@link
 * CommentVersion}; deleting and hiding only mark the comment, so no one's words are lost.
 */
@Entity
@Table(name = "comment")
public class Comment extends BaseEntity {

  @Column(nullable = false, updatable = false)
  public Long paperId;

  @Column(nullable = false, updatable = false)
  public Long sectionId;

  /** The thread's first comment; null when this is it. */
  @Column(updatable = false)
  public Long threadId;

  /** The comment of the thread this one answers, if it answers a particular one. */
  @Column(updatable = false)
  public Long replyTo;

  @Column(nullable = false, updatable = false)
  public Long authorId;

  @Column(nullable = false)
  public String body;

  @Column(nullable = false)
  public int currentVersion;

  /** The quoted passage (null: the whole section) and its context, on {@link #anchorRevision}. */
  @Column(updatable = false)
  public String anchorExact;

  @Column(updatable = false)
  public String anchorPrefix;

  @Column(updatable = false)
  public String anchorSuffix;

  @Column(updatable = false)
  public Integer anchorRevision;

  @Column(updatable = false)
  public Integer anchorStart;

  public Instant resolvedAt;
  public Long resolvedBy;
  public Instant deletedAt;
  public Instant hiddenAt;
  public Long hiddenBy;
  public String hiddenReason;

  @Column(nullable = false)
  public Instant updatedAt;

  public boolean isThread() {
    return threadId == null;
  }

  /** The id of the thread this comment belongs to. */
  public long thread() {
    return threadId == null ? id : threadId;
  }
}
