package org.plenary.publish;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.plenary.endorsement.EndorsementService;
import org.plenary.identity.Attribution;
import org.plenary.identity.Erasing;
import org.plenary.member.Memberships;
import org.plenary.platform.crypto.Digests;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.publish.EditionContent.EndorsementPart;
import org.plenary.publish.EditionContent.OrganisationPart;
import org.plenary.publish.EditionContent.StancePart;

/**
 * Erasure reaches editions compiled before it: each edition the person appears in has its content
 * rewritten as a compile after the erasure would have written it (their stances read "Former
 * participant" without an organisation, and they are no longer counted among the participating
 * organisations), its fingerprint recomputed, and every file rendered again from the redacted
 * content with the same renderers, so share links serve the redacted files too. Each redaction is
 * recorded in {@code edition_redaction} (edition, when, why, new fingerprint; never who).
 *
 * <p>This is the one writer allowed past the editions' append-only triggers, through the
 * transaction-local setting {@code plenary.redaction} (see V8). It runs inside the erasure's
 * transaction and holds each paper's edition lock, which a compile takes before it stores an
 * edition (and then re-checks for erasures, see {@link CompileWorker}).
 */
@ApplicationScoped
public class EditionRedaction {

  static final String FORMER = "Former participant";

  @Inject EntityManager em;
  @Inject PublishService publish;
  @Inject EndorsementService endorsements;
  @Inject Memberships memberships;

  @SuppressWarnings("unchecked")
  void onErasing(@Observes Erasing erasing) {
    long who = erasing.accountId();
    // Only papers the person took part in can name them; someone in none is done at once.
    Set<Long> papers = new TreeSet<>(endorsements.papersWithStancesOf(who));
    papers.addAll(memberships.papersTakenPartIn(who));
    for (Long paper : papers) {
      lockEditionsOf(em, paper);
      List<Object[]> editions =
          em.createNativeQuery(
                  "SELECT e.id, e.number, e.created_at, cast(e.content AS text) FROM edition e"
                      + " WHERE e.paper_id = ?1 ORDER BY e.number")
              .setParameter(1, paper)
              .getResultList();
      for (Object[] e : editions) {
        long editionId = ((Number) e[0]).longValue();
        Instant at = org.plenary.platform.persistence.Rows.instant(e[2]);
        EditionContent before = PublishService.read((String) e[3]);
        EditionContent after =
            redact(
                before,
                erasing,
                endorsements.targetsBy(who, paper, at),
                memberships.participatedBy(who, paper, at));
        if (!after.equals(before)) {
          store(editionId, ((Number) e[1]).intValue(), at, after);
        }
      }
    }
  }

  /** The edition lock of a paper: compiles take it to store an edition, erasure to redact. */
  static void lockEditionsOf(EntityManager em, long paperId) {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
        .setParameter(1, "edition:" + paperId)
        .getSingleResult();
  }

  /**
   * The content as a compile after the erasure would have collected it: on each target the person
   * had a stance on, their stance (the one published under their name) is a former participant's;
   * the stances are sorted again as they are published; the person no longer counts for an
   * organisation (or among the unnamed).
   */
  static EditionContent redact(
      EditionContent c, Erasing erasing, Set<Long> targets, boolean counted) {
    EndorsementPart whole =
        c.paperEndorsements() == null || !targets.contains(0L)
            ? c.paperEndorsements()
            : redact(c.paperEndorsements(), erasing);
    List<EndorsementPart> proposals =
        c.proposalEndorsements().stream()
            .map(
                p ->
                    p.sectionId() != null && targets.contains(p.sectionId())
                        ? redact(p, erasing)
                        : p)
            .toList();
    List<OrganisationPart> organisations = c.organisations();
    int unnamed = c.unnamedParticipants();
    if (counted) {
      String organisation = erasing.shownAs().organisation();
      if (erasing.attribution() == Attribution.ANONYMOUS) {
        unnamed = Math.max(0, unnamed - 1);
      } else if (organisation != null && !organisation.isBlank()) {
        organisations = new ArrayList<>();
        for (OrganisationPart o : c.organisations()) {
          if (o.name().equals(organisation.strip())) {
            if (o.people() > 1) {
              organisations.add(
                  new OrganisationPart(o.name(), o.stakeholderGroup(), o.people() - 1));
            }
          } else {
            organisations.add(o);
          }
        }
      }
    }
    return new EditionContent(c.paper(), c.sections(), whole, proposals, organisations, unnamed);
  }

  private static EndorsementPart redact(EndorsementPart part, Erasing erasing) {
    List<StancePart> stances = new ArrayList<>(part.stances());
    String name = erasing.shownAs().displayName();
    for (int i = 0; i < stances.size(); i++) {
      StancePart s = stances.get(i);
      if (s.name().equals(name)
          && (s.organisation() == null
              || Objects.equals(s.organisation(), erasing.shownAs().organisation())
              || erasing.shownAs().organisation() == null)) {
        stances.set(
            i,
            new StancePart(
                FORMER,
                null,
                s.stakeholderGroup(),
                s.stance(),
                s.statement(),
                s.capacity(),
                s.onCurrentVersion()));
        break;
      }
    }
    // The order stances are published in (EndorsementService.view).
    stances.sort(
        Comparator.comparing(StancePart::stance)
            .thenComparing(StancePart::stakeholderGroup)
            .thenComparing(StancePart::name));
    return new EndorsementPart(
        part.sectionId(), part.proposalNumber(), part.heading(), part.tally(), stances);
  }

  private void store(long editionId, int number, Instant at, EditionContent content) {
    String json = PublishService.json(content);
    String fingerprint = PublishService.fingerprint(json);
    Map<Format, byte[]> files = publish.render(content, json, number, at);
    em.createNativeQuery("SELECT set_config('plenary.redaction', 'erasure', true)")
        .getSingleResult();
    em.createNativeQuery(
            "UPDATE edition SET content = cast(?2 AS jsonb), fingerprint = ?3 WHERE id = ?1")
        .setParameter(1, editionId)
        .setParameter(2, json)
        .setParameter(3, fingerprint)
        .executeUpdate();
    for (var f : files.entrySet()) {
      em.createNativeQuery(
              "UPDATE edition_artifact SET body = ?3, sha256 = ?4, size = ?5"
                  + " WHERE edition_id = ?1 AND format = ?2")
          .setParameter(1, editionId)
          .setParameter(2, f.getKey().name())
          .setParameter(3, f.getValue())
          .setParameter(4, Digests.sha256Hex(f.getValue()))
          .setParameter(5, (long) f.getValue().length)
          .executeUpdate();
    }
    em.createNativeQuery(
            "INSERT INTO edition_redaction (edition_id, redacted_at, reason, fingerprint)"
                + " VALUES (?1, ?2, 'A participant was erased at their request', ?3)")
        .setParameter(1, editionId)
        .setParameter(2, BaseEntity.now())
        .setParameter(3, fingerprint)
        .executeUpdate();
    em.createNativeQuery("SELECT set_config('plenary.redaction', '', true)").getSingleResult();
  }
}
