package org.plenary.workshop;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** The API bodies of workshop sessions and breakout groups. */
public final class WorkshopRecords {
  private WorkshopRecords() {}

  /**
   * A new session. Times are local to {@code timeZone} (an IANA zone such as {@code
   * Africa/Nairobi}), as the facilitator announces them.
   */
  public record CreateWorkshop(
      @NotBlank @Size(max = 300) String title,
      @NotNull LocalDateTime startsAt,
      @NotNull LocalDateTime endsAt,
      @NotBlank @Size(max = 64) String timeZone,
      @Size(max = 300) String place,
      @Size(max = 2000) String onlineLink,
      @Size(max = 100_000) String agenda) {}

  /** Changes to a session; fields left out stay as they are. */
  public record UpdateWorkshop(
      @Size(min = 1, max = 300) String title,
      LocalDateTime startsAt,
      LocalDateTime endsAt,
      @Size(min = 1, max = 64) String timeZone,
      @Size(max = 300) String place,
      @Size(max = 2000) String onlineLink,
      @Size(max = 100_000) String agenda) {}

  /** A session with its groups. */
  public record WorkshopView(
      long id,
      long paperId,
      String title,
      Instant startsAt,
      Instant endsAt,
      LocalDateTime localStartsAt,
      LocalDateTime localEndsAt,
      String timeZone,
      String place,
      String onlineLink,
      String agenda,
      List<GroupView> groups) {}

  /** A new breakout group; {@code facilitatorId} must be a member of the paper. */
  public record CreateGroup(@NotBlank @Size(max = 200) String name, Long facilitatorId) {}

  /** Changes to a group; fields left out stay as they are. */
  public record UpdateGroup(@Size(min = 1, max = 200) String name, Long facilitatorId) {}

  /** The members of a group (replaces the list). */
  public record GroupMembers(@NotNull @Size(max = 500) List<@NotNull Long> accountIds) {}

  /** The sections assigned to a group (replaces the list). */
  public record GroupSections(@NotNull @Size(max = 500) List<@NotNull Long> sectionIds) {}

  /** A breakout group. */
  public record GroupView(
      long id,
      long workshopId,
      String name,
      Long facilitatorId,
      List<Long> memberIds,
      List<Long> sectionIds) {}

  /** How a group's work is going, for facilitators. */
  public record GroupProgress(
      long groupId,
      String name,
      int members,
      List<SectionProgress> sections,
      int words,
      int revisions,
      Instant lastActivity) {}

  /** One assigned section's progress. */
  public record SectionProgress(
      long sectionId,
      String heading,
      int words,
      int revisions,
      int revisionsByGroup,
      Instant lastActivity) {}
}
