package org.plenary.live;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.plenary.identity.StakeholderGroup;

/** Request and response bodies of the live stream and presence. */
public final class LiveRecords {
  private LiveRecords() {}

  /**
   * A heartbeat from one browser tab: where its person is now.
   *
   * @param client a random id the tab chose for itself (8–64 letters, digits, {@code -} or {@code
   *     _}), so two tabs of one person are two presences
   * @param sectionId the section the person is looking at, or null for the paper as a whole
   * @param editing whether they are editing that section
   */
  public record Heartbeat(
      @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{8,64}") String client,
      Long sectionId,
      boolean editing) {}

  /**
   * Someone present in the paper, named as the reader may see them (Chatham House rule): {@code
   * accountId} and {@code handle} are null for someone not to be identified.
   */
  public record Present(
      Long accountId,
      String handle,
      String displayName,
      String organisation,
      StakeholderGroup stakeholderGroup,
      Long sectionId,
      boolean editing,
      Instant since) {}

  /** Everyone present in a paper now, and how often a client should send its heartbeat. */
  public record PresenceView(long paperId, List<Present> people, long heartbeatSeconds) {}

  /**
   * The first event of a stream.
   *
   * @param lastEventId the paper's newest event when the stream opened (also the event's id)
   * @param replayed how many missed events were sent before this one
   */
  public record Hello(
      long paperId, long lastEventId, int replayed, PresenceView presence, long keepAliveSeconds) {}

  /** Sent instead of a replay that is too long or too old: reload everything, then go on. */
  public record Reset(long paperId, long lastEventId, String reason) {}

  /** A compile job's progress, as it changes. */
  public record CompileProgress(
      long paperId, long jobId, String state, String stage, int percent) {}
}
