package org.plenary.notification;

import java.time.Instant;
import java.util.List;
import org.plenary.identity.AuthorView;

/** The API bodies of notifications. */
public final class NotificationRecords {
  private NotificationRecords() {}

  /**
   * Something that happened that concerns you: the event ({@code id} is its number in the event
   * record), why you are told, where it happened and who did it (named as the Chatham House rule
   * allows you to see). {@code excerpt} is the start of a comment's text; {@code threadId}, {@code
   * draftId} and {@code revision} say where to look.
   */
  public record NotificationView(
      long id,
      Reason reason,
      String type,
      Long paperId,
      String paperTitle,
      Long sectionId,
      String sectionHeading,
      Long threadId,
      Long commentId,
      Long draftId,
      Integer revision,
      String excerpt,
      AuthorView actor,
      Instant at,
      boolean read) {}

  /** Your notifications, newest first; {@code next} is the {@code before} of the next page. */
  public record NotificationPage(List<NotificationView> items, int unread, Long next) {}

  /** How many notifications you have not read. */
  public record Unread(int unread) {}
}
