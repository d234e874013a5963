package org.plenary.draft;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.plenary.identity.AuthorView;
import org.plenary.text.TextDiff;

/** The API bodies of drafts and merging. */
public final class DraftRecords {
  private DraftRecords() {}

  /**
   * A new draft of a section. {@code baseRevision} defaults to the current one; {@code submit}
   * opens it for review at once (otherwise it stays private); {@code groupId} makes it the draft of
   * a breakout group the author belongs to.
   */
  public record CreateDraft(
      @NotNull String body,
      @Size(max = 5000) String rationale,
      Integer baseRevision,
      Boolean submit,
      Long groupId) {}

  /** New text or rationale for a draft; fields left out stay as they are. */
  public record UpdateDraft(String body, @Size(max = 5000) String rationale) {}

  /** Why a draft is rejected. */
  public record Reject(@NotNull @Size(min = 1, max = 2000) String reason) {}

  /** A draft. {@code outdated}: the section has moved past {@code baseRevision}. */
  public record DraftView(
      long id,
      long paperId,
      long sectionId,
      AuthorView author,
      Long groupId,
      Draft.Status status,
      boolean outdated,
      int version,
      String etag,
      int baseRevision,
      int sectionRevision,
      String body,
      String rationale,
      String decisionReason,
      Instant decidedAt,
      Integer mergedRevision,
      Instant createdAt,
      Instant updatedAt) {}

  /** How one conflict region is resolved. */
  public enum Take {
    OURS,
    THEIRS,
    BOTH,
    TEXT
  }

  /**
   * The resolution of conflict region {@code region} (its index among the conflicts, from 0): keep
   * the current text, the draft's, both (current first), or {@code text}.
   */
  public record Resolution(@NotNull Integer region, @NotNull Take take, String text) {}

  /** Resolutions of a merge's (or rebase's) conflicts. */
  public record Resolve(@Size(max = 10_000) List<@Valid @NotNull Resolution> resolutions) {}

  /** A piece of a merge preview: agreed text, or a conflict (numbered from 0). */
  public record RegionView(
      String kind, Integer conflict, String text, String base, String ours, String theirs) {}

  /** What merging the draft now would give. {@code text} is set when it is clean. */
  public record MergePreview(
      long draftId,
      int baseRevision,
      int currentRevision,
      String currentEtag,
      boolean clean,
      int conflicts,
      List<RegionView> regions,
      String text) {}

  /** A draft compared with its base or with the current text. */
  public record DraftDiff(
      long draftId,
      String against,
      int revision,
      boolean identical,
      TextDiff.Stats stats,
      List<TextDiff.ParagraphDiff> paragraphs) {}
}
