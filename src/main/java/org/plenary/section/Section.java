package org.plenary.section;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.plenary.platform.error.NotFound;
import org.plenary.platform.persistence.BaseEntity;

/**
 * A section of a paper: its place in the outline, heading and kind. Its text is the revision
 * numbered {@link #currentRevision}; revisions are never changed, so saving moves this pointer.
 */
@Entity
@Table(name = "section")
public class Section extends BaseEntity {

  @Column(nullable = false, updatable = false)
  public Long paperId;

  /** Place in the paper's outline, deleted sections included (they keep their place). */
  @Column(nullable = false)
  public int position;

  @Column(nullable = false)
  public String heading;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SectionKind kind;

  /**
   * Written on insert only: afterwards only {@code RevisionWriter} moves it (with plain SQL, under
   * the section's row lock), so an entity loaded earlier can never write an older number back.
   */
  @Column(nullable = false, updatable = false)
  public int currentRevision;

  /** Fixed when the paper is first frozen; null while the number still follows the outline. */
  public Integer proposalNumber;

  public Instant deletedAt;

  /** For a proposal: its one-paragraph summary (the body is the rationale). */
  public String proposalSummary;

  @Column(nullable = false)
  public Instant updatedAt;

  public boolean isDeleted() {
    return deletedAt != null;
  }

  /** The query of a paper's sections in outline order, deleted ones included. */
  static final String OUTLINE = "paperId = ?1 order by position, id";

  /** All sections of a paper in outline order, deleted ones included. */
  public static List<Section> outlineOf(long paperId) {
    return list(OUTLINE, paperId);
  }

  /** The section of this paper (locked as asked), or 404, also when it is another paper's. */
  public static Section ofPaper(long paperId, long sectionId, LockModeType lock) {
    return Section.<Section>findByIdOptional(sectionId, lock)
        .filter(s -> s.paperId == paperId)
        .orElseThrow(() -> new NotFound("section", sectionId + " in paper " + paperId));
  }

  /**
   * The same as {@link #outlineOf}, read as plain rows: the outline is the most read thing in
   * Plenary, and rows skip the entity bookkeeping that only changes need.
   */
  public static List<OutlineRow> outlineRowsOf(long paperId) {
    return find(OUTLINE, paperId).project(OutlineRow.class).list();
  }

  /** A section as the outline needs it (field names match the entity's). */
  public record OutlineRow(
      Long id,
      Long paperId,
      int position,
      String heading,
      SectionKind kind,
      int currentRevision,
      Integer proposalNumber,
      String proposalSummary,
      Instant deletedAt,
      Instant createdAt,
      Instant updatedAt) {
    boolean isDeleted() {
      return deletedAt != null;
    }
  }
}
