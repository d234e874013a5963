package org.plenary.publish;

import java.util.List;
import org.plenary.endorsement.Endorsement.Capacity;
import org.plenary.endorsement.Endorsement.Stance;
import org.plenary.endorsement.EndorsementRecords.Tally;
import org.plenary.identity.StakeholderGroup;
import org.plenary.section.SectionKind;

/**
 * Exactly what an edition contains: the paper's details, the text of every section at the revision
 * it had, and the endorsements as they stood, with people shown as published outputs must show them
 * (the Chatham House rule: {@code OUTSIDE}). Every artifact of the edition is rendered from this
 * and nothing else, so an edition can be rendered again, identically, at any time.
 */
public record EditionContent(
    PaperPart paper,
    List<SectionPart> sections,
    EndorsementPart paperEndorsements,
    List<EndorsementPart> proposalEndorsements,
    List<OrganisationPart> organisations,
    int unnamedParticipants) {

  /** The paper's details. */
  public record PaperPart(
      long id,
      String slug,
      String title,
      String subtitle,
      String summary,
      String language,
      String initiative,
      List<String> keywords,
      List<SignatoryPart> signatories) {}

  /** A signatory of the cover letter. */
  public record SignatoryPart(String name, String title, String organisation) {}

  /** A section at the revision the edition took. */
  public record SectionPart(
      long id,
      String heading,
      SectionKind kind,
      Integer proposalNumber,
      int revision,
      String sha256,
      String proposalSummary,
      String body) {}

  /** The stances on one proposal (or the paper: {@code sectionId} null) as published. */
  public record EndorsementPart(
      Long sectionId,
      Integer proposalNumber,
      String heading,
      Tally tally,
      List<StancePart> stances) {}

  /** One stance as published: {@code name} follows the person's attribution preference. */
  public record StancePart(
      String name,
      String organisation,
      StakeholderGroup stakeholderGroup,
      Stance stance,
      String statement,
      Capacity capacity,
      boolean onCurrentVersion) {}

  /** An organisation that took part, with how many of its people did. */
  public record OrganisationPart(String name, StakeholderGroup stakeholderGroup, int people) {}

  /** The sections of one kind, in order. */
  public List<SectionPart> sectionsOf(SectionKind kind) {
    return sections.stream().filter(s -> s.kind() == kind).toList();
  }

  /** The endorsements of a proposal, if it has a part. */
  public EndorsementPart endorsementsOf(long sectionId) {
    return proposalEndorsements.stream()
        .filter(e -> e.sectionId() != null && e.sectionId() == sectionId)
        .findFirst()
        .orElse(null);
  }
}
