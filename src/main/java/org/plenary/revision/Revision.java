package org.plenary.revision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Optional;
import org.hibernate.annotations.Immutable;
import org.plenary.platform.persistence.BaseEntity;

/**
 * One saved state of a section's text. Revisions are immutable rows (the database refuses updates
 * and deletes): a correction or a restore is a new revision.
 */
@Entity
@Immutable
@Table(name = "revision")
public class Revision extends BaseEntity {

  @Column(nullable = false, updatable = false)
  public Long sectionId;

  @Column(nullable = false, updatable = false)
  public int number;

  @Column(nullable = false, updatable = false)
  public String body;

  @Column(nullable = false, updatable = false)
  public Long authorId;

  @Column(updatable = false)
  public String summary;

  /** The revision this one was based on (null for the first). */
  @Column(updatable = false)
  public Integer parentNumber;

  /** Set when this revision restored an earlier one. */
  @Column(updatable = false)
  public Integer restoredFrom;

  /** SHA-256 of the UTF-8 body, hex. */
  @Column(nullable = false, updatable = false)
  public String sha256;

  /** Who merged the draft this revision came from (its author is the draft's author). */
  @Column(updatable = false)
  public Long mergedBy;

  /** The draft this revision came from, if it was merged from one. */
  @Column(updatable = false)
  public Long draftId;

  /**
   * {@code JOIN} the current revision {@code alias} of the section {@code section} (a row with
   * {@code id} and {@code current_revision}), for a query that must read a section's text with the
   * section in one statement (full-text search ranks heading and text together).
   */
  public static String joinCurrent(String alias, String section) {
    return " JOIN revision "
        + alias
        + " ON "
        + alias
        + ".section_id = "
        + section
        + ".id AND "
        + alias
        + ".number = "
        + section
        + ".current_revision";
  }

  public static Optional<Revision> of(long sectionId, int number) {
    return find("sectionId = ?1 and number = ?2", sectionId, number).firstResultOptional();
  }
}
