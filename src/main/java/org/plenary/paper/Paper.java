package org.plenary.paper;

import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.plenary.platform.error.Conflict;
import org.plenary.platform.persistence.BaseEntity;

/** A paper: the document a workshop writes together. Its text lives in its sections. */
@Entity
@Table(name = "paper")
public class Paper extends BaseEntity {

  @Column(nullable = false)
  public String slug;

  @Column(nullable = false)
  public String title;

  public String subtitle;
  public String summary;

  /** A BCP 47 language tag, e.g. {@code en} or {@code fr-CA}. */
  @Column(nullable = false)
  public String language;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public PaperStatus status;

  @Column(nullable = false, updatable = false)
  public Long createdBy;

  public Instant archivedAt;

  /** The initiative or process the paper belongs to (printed on covers). */
  public String initiative;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<String> keywords = new ArrayList<>();

  /** Who signs the cover letter, in order. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<Signatory> signatories = new ArrayList<>();

  /** A signatory of the paper's letter. */
  public record Signatory(String name, String title, String organisation) {}

  @Column(nullable = false)
  public Instant updatedAt;

  @Version public long version;

  /**
   * The papers with this slug, oldest first. Slugs are unique only among the papers one person can
   * read (see {@code PaperService}), so there may be several.
   */
  public static List<Paper> withSlug(String slug) {
    return list("slug", Sort.ascending("id"), slug);
  }

  public boolean isFrozen() {
    return status == PaperStatus.FROZEN;
  }

  /**
   * Refuses a content change while the paper is frozen, saying why and what to do about it.
   *
   * @param what the change, for the message (e.g. "save a section")
   */
  public void requireEditable(String what) {
    requireEditable(title, status, what);
  }

  /** {@link #requireEditable(String)} for a paper read as a plain row. */
  public static void requireEditable(String title, PaperStatus status, String what) {
    if (status == PaperStatus.FROZEN) {
      throw new Conflict(
          "The paper \""
              + title
              + "\" is frozen, so you cannot "
              + what
              + ". Its owner can reopen it for changes.",
          java.util.Map.of("paperStatus", status.name()));
    }
  }
}
