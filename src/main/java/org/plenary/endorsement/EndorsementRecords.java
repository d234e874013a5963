package org.plenary.endorsement;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.plenary.endorsement.Endorsement.Capacity;
import org.plenary.endorsement.Endorsement.Stance;
import org.plenary.identity.AuthorView;
import org.plenary.identity.StakeholderGroup;

/** The API bodies of endorsements. */
public final class EndorsementRecords {
  private EndorsementRecords() {}

  /**
   * A stance: {@code statement} is the reservation ({@code ENDORSE_WITH_RESERVATIONS}) or the
   * reason ({@code OBJECT}), required for both; {@code capacity} defaults to {@code PERSONAL}.
   */
  public record TakeStance(
      @NotNull Stance stance, @Size(max = 5000) String statement, Capacity capacity) {}

  /**
   * One person's current stance. {@code endorser} follows their attribution preference for anyone
   * but the paper's editors and owners; {@code onCurrentVersion} is false when the text changed
   * after the stance was given.
   */
  public record StanceView(
      long id,
      AuthorView endorser,
      Stance stance,
      String statement,
      Capacity capacity,
      String organisation,
      StakeholderGroup stakeholderGroup,
      Integer revision,
      String fingerprint,
      boolean onCurrentVersion,
      Instant givenAt) {}

  /** The stances of one stakeholder group. */
  public record GroupTally(
      StakeholderGroup group, int endorse, int withReservations, int object, int total) {}

  /**
   * Counts of current stances. {@code supportingGroups}: how many stakeholder groups have at least
   * one endorser (with or without reservations); {@code singleSector}: all support comes from one
   * group. {@code onEarlierVersion}: stances given before the text last changed.
   */
  public record Tally(
      int total,
      int endorse,
      int withReservations,
      int object,
      int onEarlierVersion,
      int supportingGroups,
      boolean singleSector,
      List<GroupTally> byGroup) {}

  /**
   * The endorsements of a proposal ({@code sectionId} set) or of the whole paper: the tally, every
   * current stance, and the caller's own.
   */
  public record Endorsements(
      Long sectionId,
      Integer proposalNumber,
      String heading,
      Integer currentRevision,
      String currentFingerprint,
      boolean frozen,
      Tally tally,
      List<StanceView> stances,
      StanceView mine) {}

  /** A proposal's tally, for the paper's overview. */
  public record ProposalTally(
      long sectionId, Integer proposalNumber, String heading, Tally tally, StanceView mine) {}

  /** The paper's endorsements and each proposal's tally. */
  public record PaperEndorsements(Endorsements paper, List<ProposalTally> proposals) {}
}
