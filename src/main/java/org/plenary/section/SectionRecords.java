package org.plenary.section;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The API bodies of the section (outline) feature. */
public final class SectionRecords {
  private SectionRecords() {}

  /**
   * A new section. {@code position} is its 0-based place among the sections that are not deleted
   * (omitted: at the end); {@code body} its first text (omitted: empty).
   */
  public record CreateSection(
      @NotBlank @Size(max = 300) String heading,
      SectionKind kind,
      @Min(0) Integer position,
      String body,
      @Size(max = 500) String summary) {}

  /**
   * A change of heading, kind or (for a proposal) the one-paragraph summary; fields left out stay
   * as they are.
   */
  public record UpdateSection(
      @Size(min = 1, max = 300) String heading,
      SectionKind kind,
      @Size(max = 3000) String proposalSummary) {}

  /** Where to move a section: its new 0-based place among the sections that are not deleted. */
  public record MoveSection(@NotNull @Min(0) Integer position) {}

  /**
   * A section in the outline. {@code position} is its 0-based place among the sections that are not
   * deleted (null for a deleted one). {@code proposalNumber} is set for proposals; it is {@code
   * proposalNumberFixed} once the paper has been frozen.
   */
  public record SectionView(
      long id,
      long paperId,
      Integer position,
      String heading,
      SectionKind kind,
      Integer proposalNumber,
      boolean proposalNumberFixed,
      String proposalSummary,
      int currentRevision,
      String etag,
      boolean deleted,
      Instant deletedAt,
      Instant createdAt,
      Instant updatedAt) {}
}
