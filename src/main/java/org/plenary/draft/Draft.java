package org.plenary.draft;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.plenary.platform.persistence.BaseEntity;

/**
 * A draft (an amendment): new text proposed for a section, based on one of its revisions. Its text
 * lives in {@link DraftVersion}s, which are never changed; {@link #currentVersion} points at the
 * latest.
 */
@Entity
@Table(name = "draft")
public class Draft extends BaseEntity {

  /** Where a draft stands. */
  public enum Status {
    /** Not yet submitted: private to its author (see {@link Draft#shared}). */
    DRAFT,
    /** Submitted for review. */
    OPEN,
    MERGED,
    REJECTED,
    WITHDRAWN;

    public boolean decided() {
      return this == MERGED || this == REJECTED || this == WITHDRAWN;
    }
  }

  @Column(nullable = false, updatable = false)
  public Long paperId;

  @Column(nullable = false, updatable = false)
  public Long sectionId;

  @Column(nullable = false, updatable = false)
  public Long authorId;

  /** The breakout group the draft speaks for, if any. */
  public Long groupId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  /**
   * Whether the author ever submitted the draft. A draft never submitted is private to its author
   * whatever its status, also after the author withdraws it.
   */
  @Column(nullable = false)
  public boolean shared;

  @Column(nullable = false)
  public int currentVersion;

  public String decisionReason;
  public Long decidedBy;
  public Instant decidedAt;
  public Integer mergedRevision;

  @Column(nullable = false)
  public Instant updatedAt;
}
