package org.plenary.comment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.plenary.identity.AuthorView;

/** The API bodies of comments. */
public final class CommentRecords {
  private CommentRecords() {}

  /** The longest comment, in characters (UTF-16 code units, as JavaScript counts them). */
  public static final int MAX_LENGTH = 10_000;

  /**
   * A passage of the section's Markdown source, as a W3C TextQuoteSelector: the quoted text, some
   * text before and after it, and the revision it was selected on. {@code start} (the offset of
   * {@code exact} in that revision) tells apart a passage that occurs more than once.
   */
  public record AnchorRequest(
      @NotNull @Size(min = 1, max = 2000) String exact,
      @Size(max = 500) String prefix,
      @Size(max = 500) String suffix,
      @NotNull Integer revision,
      Integer start) {}

  /** A new thread, on a passage ({@code anchor}) or on the whole section (no anchor). */
  public record CreateComment(
      @NotBlank @Size(max = MAX_LENGTH) String body, @Valid AnchorRequest anchor) {}

  /** A reply, or a comment's new text. */
  public record CommentText(@NotBlank @Size(max = MAX_LENGTH) String body) {}

  /** Why an editor hides a comment (shown in its place). */
  public record Hide(@NotBlank @Size(max = 2000) String reason) {}

  /** Why someone flags a comment for the editors (optional). */
  public record Flag(@Size(max = 2000) String reason) {}

  /**
   * Where a thread's passage is now. {@code status}: {@code SECTION} (the thread is about the whole
   * section), {@code ATTACHED} (the same words, found at {@code start}..{@code end} of the current
   * text), {@code CHANGED} (found, but edited since: {@code text} is what stands there now) or
   * {@code OUTDATED} (the passage is gone; {@code exact} is the original quote).
   */
  public record AnchorView(
      String status,
      String exact,
      String prefix,
      String suffix,
      Integer revision,
      Integer start,
      Integer end,
      String text,
      int currentRevision) {}

  /**
   * One comment. {@code body} is null when it was deleted, or hidden by an editor (editors still
   * see a hidden comment's text). {@code flags} is shown to editors only.
   */
  public record CommentView(
      long id,
      long threadId,
      Long replyTo,
      AuthorView author,
      String body,
      int version,
      boolean edited,
      boolean deleted,
      boolean hidden,
      String hiddenReason,
      Integer flags,
      boolean flaggedByMe,
      boolean mine,
      Instant createdAt,
      Instant updatedAt) {}

  /** A thread: its first comment, where it is anchored, and its replies in order. */
  public record ThreadView(
      long id,
      long paperId,
      long sectionId,
      AnchorView anchor,
      boolean resolved,
      Instant resolvedAt,
      AuthorView resolvedBy,
      CommentView comment,
      List<CommentView> replies) {}

  /** An earlier (or the current) text of a comment. */
  public record VersionView(int number, String body, Instant createdAt) {}

  /** A member who can be mentioned. */
  public record Mentionable(String handle, String displayName, String organisation) {}
}
