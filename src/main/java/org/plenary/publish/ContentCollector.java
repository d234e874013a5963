package org.plenary.publish;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.endorsement.EndorsementRecords.Endorsements;
import org.plenary.endorsement.EndorsementService;
import org.plenary.identity.Account;
import org.plenary.identity.Attribution;
import org.plenary.identity.StakeholderGroup;
import org.plenary.member.Memberships;
import org.plenary.paper.Paper;
import org.plenary.platform.error.NotFound;
import org.plenary.publish.EditionContent.EndorsementPart;
import org.plenary.publish.EditionContent.OrganisationPart;
import org.plenary.publish.EditionContent.PaperPart;
import org.plenary.publish.EditionContent.SectionPart;
import org.plenary.publish.EditionContent.SignatoryPart;
import org.plenary.publish.EditionContent.StancePart;
import org.plenary.revision.Revision;
import org.plenary.revision.RevisionService;
import org.plenary.section.SectionRecords.SectionView;
import org.plenary.section.SectionService;

/** Gathers what an edition contains, as it stands now, in one transaction. */
@ApplicationScoped
public class ContentCollector {

  @Inject SectionService sections;
  @Inject EndorsementService endorsements;
  @Inject Memberships memberships;
  @Inject RevisionService revisions;

  @Transactional
  public EditionContent collect(long paperId) {
    revisions.checkpointPaper(paperId); // what co-editors typed live is in the edition
    Paper p =
        Paper.<Paper>findByIdOptional(paperId)
            .orElseThrow(() -> new NotFound("paper", String.valueOf(paperId)));
    PaperPart paper =
        new PaperPart(
            p.id,
            p.slug,
            p.title,
            p.subtitle,
            p.summary,
            p.language,
            p.initiative,
            List.copyOf(p.keywords),
            p.signatories.stream()
                .map(s -> new SignatoryPart(s.name(), s.title(), s.organisation()))
                .toList());
    List<SectionPart> parts = new ArrayList<>();
    for (SectionView s : sections.outline(paperId, false)) {
      Revision r = Revision.of(s.id(), s.currentRevision()).orElseThrow();
      parts.add(
          new SectionPart(
              s.id(),
              s.heading(),
              s.kind(),
              s.proposalNumber(),
              s.currentRevision(),
              r.sha256,
              s.proposalSummary(),
              r.body));
    }
    List<Endorsements> published = endorsements.published(paperId);
    EndorsementPart whole = part(published.get(0));
    List<EndorsementPart> proposals =
        published.subList(1, published.size()).stream().map(ContentCollector::part).toList();
    return organisations(paperId, paper, parts, whole, proposals);
  }

  private static EndorsementPart part(Endorsements e) {
    return new EndorsementPart(
        e.sectionId(),
        e.proposalNumber(),
        e.heading(),
        e.tally(),
        e.stances().stream()
            .map(
                s ->
                    new StancePart(
                        s.endorser().displayName(),
                        s.organisation(),
                        s.stakeholderGroup(),
                        s.stance(),
                        s.statement(),
                        s.capacity(),
                        s.onCurrentVersion()))
            .toList());
  }

  /**
   * The organisations of the paper's participants (not its observers) who let their organisation be
   * named; those who asked to stay anonymous are only counted.
   */
  private EditionContent organisations(
      long paperId,
      PaperPart paper,
      List<SectionPart> parts,
      EndorsementPart whole,
      List<EndorsementPart> proposals) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, StakeholderGroup> groups = new LinkedHashMap<>();
    int unnamed = 0;
    for (Account a : Account.notErasedAmong(memberships.participantsOf(paperId))) {
      String organisation = a.organisation;
      if (a.attribution == Attribution.ANONYMOUS) {
        unnamed++;
      } else if (organisation != null && !organisation.isBlank()) {
        counts.computeIfAbsent(organisation.strip(), k -> new int[1])[0]++;
        groups.putIfAbsent(organisation.strip(), a.stakeholderGroup);
      }
    }
    List<OrganisationPart> organisations = new ArrayList<>();
    counts.forEach(
        (name, n) -> organisations.add(new OrganisationPart(name, groups.get(name), n[0])));
    organisations.sort(
        Comparator.comparing(OrganisationPart::stakeholderGroup)
            .thenComparing(OrganisationPart::name));
    return new EditionContent(paper, parts, whole, proposals, organisations, unnamed);
  }
}
