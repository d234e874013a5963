package org.plenary.revision;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.plenary.identity.AuthorView;
import org.plenary.text.TextDiff;

/** The API bodies of section text and its history. */
public final class RevisionRecords {
  private RevisionRecords() {}

  /** New text for a section. The size limit of {@code body} is checked by the service. */
  public record SaveContent(@NotNull String body, @Size(max = 500) String summary) {}

  /**
   * A section's text at one revision. {@code coAuthors}: for a revision a live session wrote, every
   * person who typed in it (the author is the last of them to type); empty otherwise.
   */
  public record ContentView(
      long sectionId,
      long paperId,
      int revision,
      String etag,
      String body,
      String sha256,
      AuthorView author,
      String summary,
      Integer parentRevision,
      Integer restoredFrom,
      Instant createdAt,
      Long draftId,
      AuthorView mergedBy,
      List<AuthorView> coAuthors) {}

  /** A revision in the history list (without its body, to keep the list light on slow links). */
  public record RevisionSummary(
      int number,
      AuthorView author,
      String summary,
      Integer parentRevision,
      Integer restoredFrom,
      String sha256,
      int length,
      Instant createdAt,
      List<AuthorView> coAuthors) {}

  /**
   * What checkpointing a section's live document gave: the current revision after it, whether it is
   * new, and the co-authors whose typing it holds (empty when nothing new was written).
   */
  public record CheckpointView(int revision, boolean created, List<AuthorView> coAuthors) {}

  /** The comparison of two revisions of a section. */
  public record DiffView(
      long sectionId,
      int from,
      int to,
      boolean identical,
      TextDiff.Stats stats,
      List<TextDiff.ParagraphDiff> paragraphs) {}
}
