package org.plenary.endorsement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.plenary.endorsement.Endorsement.Capacity;
import org.plenary.endorsement.Endorsement.Stance;
import org.plenary.endorsement.EndorsementRecords.Endorsements;
import org.plenary.endorsement.EndorsementRecords.GroupTally;
import org.plenary.endorsement.EndorsementRecords.PaperEndorsements;
import org.plenary.endorsement.EndorsementRecords.ProposalTally;
import org.plenary.endorsement.EndorsementRecords.StanceView;
import org.plenary.endorsement.EndorsementRecords.TakeStance;
import org.plenary.endorsement.EndorsementRecords.Tally;
import org.plenary.identity.Account;
import org.plenary.identity.AuthorView;
import org.plenary.identity.People;
import org.plenary.identity.StakeholderGroup;
import org.plenary.paper.Paper;
import org.plenary.platform.crypto.Digests;
import org.plenary.platform.error.Conflict;
import org.plenary.platform.error.Invalid;
import org.plenary.platform.error.NotFound;
import org.plenary.platform.events.EventLog;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.CurrentActor;
import org.plenary.platform.security.PermissionService;
import org.plenary.section.Section;
import org.plenary.section.SectionKind;
import org.plenary.section.SectionService;

/**
 * Endorsements: each person's one current stance on each proposal and on the whole paper, the
 * tallies by stance and stakeholder group, and who is named (the editors see everyone; everyone
 * else sees each endorser as they chose). A stance records the text it was given on (a proposal's
 * revision, or a fingerprint of every section revision of the paper) and the endorser's
 * organisation and stakeholder group at that moment.
 */
@ApplicationScoped
public class EndorsementService {

  @Inject EventLog events;
  @Inject CurrentActor currentActor;
  @Inject PermissionService permissions;
  @Inject EntityManager em;
  @Inject SectionService sections;

  /** Takes, changes or re-confirms the caller's stance on a proposal (or the paper: null). */
  @Transactional
  public Endorsements take(long paperId, Long sectionId, TakeStance request) {
    Actor me = currentActor.get();
    Paper paper = lockPaper(paperId, "take or change a stance");
    Section section = sectionId == null ? null : proposal(paperId, sectionId);
    String statement =
        request.statement() == null || request.statement().isBlank()
            ? null
            : request.statement().strip();
    if (statement == null && request.stance() == Stance.ENDORSE_WITH_RESERVATIONS) {
      throw new Invalid("statement", "is required with reservations: say what they are");
    }
    if (statement == null && request.stance() == Stance.OBJECT) {
      throw new Invalid("statement", "is required to object: say why");
    }
    Account account = Account.findById(me.accountId());
    Capacity capacity = request.capacity() == null ? Capacity.PERSONAL : request.capacity();
    if (capacity == Capacity.ORGANISATION
        && (account.organisation == null || account.organisation.isBlank())) {
      throw new Invalid(
          "capacity",
          "is ORGANISATION, but your profile names no organisation; add it to your profile first");
    }
    serialise(paperId, sectionId, me.accountId());
    Integer revision = section == null ? null : section.currentRevision;
    String fingerprint = section == null ? fingerprint(paperId) : null;
    Optional<Endorsement> current = current(paperId, sectionId, me.accountId());
    if (current.isPresent()
        && current.get().stance == request.stance()
        && Objects.equals(current.get().statement, statement)
        && current.get().capacity == capacity
        && Objects.equals(current.get().organisation, organisation(account))
        && current.get().stakeholderGroup == account.stakeholderGroup
        && Objects.equals(current.get().revision, revision)
        && Objects.equals(current.get().fingerprint, fingerprint)) {
      return view(paper, section); // already exactly this
    }
    current.ifPresent(e -> end(e, Endorsement.Ended.CHANGED));
    Endorsement e = new Endorsement();
    e.paperId = paperId;
    e.sectionId = sectionId;
    e.accountId = me.accountId();
    e.stance = request.stance();
    e.statement = statement;
    e.capacity = capacity;
    e.organisation = organisation(account);
    e.stakeholderGroup = account.stakeholderGroup;
    e.revision = revision;
    e.fingerprint = fingerprint;
    e.createdAt = BaseEntity.now();
    e.persist();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("sectionId", sectionId);
    payload.put("stance", e.stance.name());
    payload.put("stakeholderGroup", e.stakeholderGroup.name());
    current.ifPresent(c -> payload.put("previous", c.stance.name()));
    events.record(
        paperId,
        current.isPresent() ? "endorsement.changed" : "endorsement.given",
        "endorsement",
        e.id,
        payload);
    return view(paper, section);
  }

  /** Withdraws the caller's stance (nothing to withdraw is not an error). */
  @Transactional
  public Endorsements withdraw(long paperId, Long sectionId) {
    Actor me = currentActor.get();
    Paper paper = lockPaper(paperId, "withdraw a stance");
    Section section = sectionId == null ? null : proposal(paperId, sectionId);
    serialise(paperId, sectionId, me.accountId());
    current(paperId, sectionId, me.accountId())
        .ifPresent(
            e -> {
              end(e, Endorsement.Ended.WITHDRAWN);
              Map<String, Object> payload = new LinkedHashMap<>();
              payload.put("sectionId", sectionId);
              payload.put("previous", e.stance.name());
              events.record(paperId, "endorsement.withdrawn", "endorsement", e.id, payload);
            });
    return view(paper, section);
  }

  @Transactional
  public Endorsements ofProposal(long paperId, long sectionId) {
    return view(paper(paperId), proposal(paperId, sectionId));
  }

  /** The paper's own endorsements, and the tally of each proposal. */
  @Transactional
  public PaperEndorsements ofPaper(long paperId) {
    Paper paper = paper(paperId);
    Endorsements whole = view(paper, null);
    List<Section> proposals =
        Section.outlineOf(paperId).stream()
            .filter(s -> s.kind == SectionKind.PROPOSAL && !s.isDeleted())
            .toList();
    List<Endorsement> all =
        Endorsement.list("paperId = ?1 and sectionId is not null and endedAt is null", paperId);
    Map<Long, List<Endorsement>> bySection =
        all.stream().collect(Collectors.groupingBy(e -> e.sectionId));
    long me = currentActor.get().accountId();
    People.Audience audience = audience(paperId);
    Map<Long, Account> accounts = accounts(all);
    Map<Long, Integer> numbers = proposalNumbers(paperId);
    List<ProposalTally> tallies = new ArrayList<>();
    for (Section s : proposals) {
      List<Endorsement> stances = bySection.getOrDefault(s.id, List.of());
      StanceView mine =
          stances.stream()
              .filter(e -> e.accountId == me)
              .findFirst()
              .map(e -> stance(e, accounts, audience, s.currentRevision, null))
              .orElse(null);
      tallies.add(
          new ProposalTally(
              s.id, numbers.get(s.id), s.heading, tally(stances, s.currentRevision, null), mine));
    }
    return new PaperEndorsements(whole, tallies);
  }

  /**
   * The endorsements as a published document shows them (everyone outside the room: each endorser
   * as they chose to be shown): the paper's own first, then each live proposal's in outline order.
   */
  @Transactional
  public List<Endorsements> published(long paperId) {
    Paper paper = paper(paperId);
    List<Endorsements> all = new ArrayList<>();
    Map<Long, Integer> numbers = proposalNumbers(paperId);
    all.add(view(paper, null, People.Audience.OUTSIDE, numbers));
    for (Section s : Section.outlineOf(paperId)) {
      if (s.kind == SectionKind.PROPOSAL && !s.isDeleted()) {
        all.add(view(paper, s, People.Audience.OUTSIDE, numbers));
      }
    }
    return all;
  }

  // ---- Views ----------------------------------------------------------------------------------

  private Endorsements view(Paper paper, Section section) {
    return view(
        paper, section, audience(paper.id), section == null ? Map.of() : proposalNumbers(paper.id));
  }

  /** {@code numbers}: the proposals' numbers (see {@link #proposalNumbers}), computed once. */
  private Endorsements view(
      Paper paper, Section section, People.Audience audience, Map<Long, Integer> numbers) {
    Long sectionId = section == null ? null : section.id;
    List<Endorsement> stances =
        sectionId == null
            ? Endorsement.list(
                "paperId = ?1 and sectionId is null and endedAt is null order by id", paper.id)
            : Endorsement.list("sectionId = ?1 and endedAt is null order by id", sectionId);
    Integer revision = section == null ? null : section.currentRevision;
    String fingerprint = section == null ? fingerprint(paper.id) : null;
    Map<Long, Account> accounts = accounts(stances);
    long me = currentActor.get().accountId();
    List<StanceView> views =
        stances.stream()
            .map(e -> stance(e, accounts, audience, revision, fingerprint))
            .sorted(
                Comparator.comparing((StanceView v) -> v.stance())
                    .thenComparing(v -> v.stakeholderGroup())
                    .thenComparing(v -> v.endorser().displayName()))
            .toList();
    StanceView mine =
        stances.stream()
            .filter(e -> e.accountId == me)
            .findFirst()
            .map(e -> stance(e, accounts, audience, revision, fingerprint))
            .orElse(null);
    return new Endorsements(
        sectionId,
        section == null ? null : numbers.get(section.id),
        section == null ? paper.title : section.heading,
        revision,
        fingerprint,
        paper.isFrozen(),
        tally(stances, revision, fingerprint),
        views,
        mine);
  }

  static Tally tally(List<Endorsement> stances, Integer revision, String fingerprint) {
    Map<StakeholderGroup, int[]> byGroup = new EnumMap<>(StakeholderGroup.class);
    for (StakeholderGroup g : StakeholderGroup.values()) {
      byGroup.put(g, new int[3]);
    }
    int[] total = new int[3];
    int earlier = 0;
    for (Endorsement e : stances) {
      byGroup.get(e.stakeholderGroup)[e.stance.ordinal()]++;
      total[e.stance.ordinal()]++;
      if (!onCurrent(e, revision, fingerprint)) {
        earlier++;
      }
    }
    List<GroupTally> groups = new ArrayList<>();
    int supporting = 0;
    for (var entry : byGroup.entrySet()) {
      int[] c = entry.getValue();
      groups.add(new GroupTally(entry.getKey(), c[0], c[1], c[2], c[0] + c[1] + c[2]));
      if (c[0] + c[1] > 0) {
        supporting++;
      }
    }
    return new Tally(
        stances.size(), total[0], total[1], total[2], earlier, supporting, supporting == 1, groups);
  }

  private StanceView stance(
      Endorsement e,
      Map<Long, Account> accounts,
      People.Audience audience,
      Integer revision,
      String fingerprint) {
    People.Shown shown = People.present(accounts.get(e.accountId), audience);
    return new StanceView(
        e.id,
        AuthorView.of(shown),
        e.stance,
        e.statement,
        e.capacity,
        shown.organisation() == null ? null : e.organisation,
        e.stakeholderGroup,
        e.revision,
        e.fingerprint,
        onCurrent(e, revision, fingerprint),
        e.createdAt);
  }

  private static boolean onCurrent(Endorsement e, Integer revision, String fingerprint) {
    return e.sectionId == null
        ? Objects.equals(e.fingerprint, fingerprint)
        : Objects.equals(e.revision, revision);
  }

  private People.Audience audience(long paperId) {
    Actor me = currentActor.get();
    return People.endorsementAudience(me, permissions.roleIn(paperId, me.accountId()));
  }

  private static Map<Long, Account> accounts(List<Endorsement> stances) {
    List<Long> ids = stances.stream().map(e -> e.accountId).distinct().toList();
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, Account> byId = new HashMap<>();
    Account.<Account>list("id in ?1", ids).forEach(a -> byId.put(a.id, a));
    return byId;
  }

  // ---- Helpers --------------------------------------------------------------------------------

  /** The proposals' numbers as the outline shows them (fixed for good once a paper froze). */
  private Map<Long, Integer> proposalNumbers(long paperId) {
    Map<Long, Integer> numbers = new HashMap<>();
    sections.outline(paperId, false).stream()
        .filter(v -> v.proposalNumber() != null)
        .forEach(v -> numbers.put(v.id(), v.proposalNumber()));
    return numbers;
  }

  /**
   * The fingerprint of the paper's text: SHA-256 of every live section's id and current revision.
   * Any change to any section changes it.
   */
  String fingerprint(long paperId) {
    StringBuilder text = new StringBuilder();
    Section.outlineRowsOf(paperId).stream()
        .filter(r -> r.deletedAt() == null)
        .sorted(Comparator.comparing(Section.OutlineRow::id))
        .forEach(r -> text.append(r.id()).append(':').append(r.currentRevision()).append('\n'));
    return Digests.sha256Hex(text.toString());
  }

  /**
   * The paper, share-locked: a freeze updates the paper row, so it waits for stances being taken
   * and they wait for it; no stance slips in after a freeze.
   */
  private Paper lockPaper(long paperId, String what) {
    Paper paper = em.find(Paper.class, paperId, LockModeType.PESSIMISTIC_READ);
    if (paper == null) {
      throw new NotFound("paper", String.valueOf(paperId));
    }
    paper.requireEditable(what);
    return paper;
  }

  private static Paper paper(long paperId) {
    return Paper.<Paper>findByIdOptional(paperId)
        .orElseThrow(() -> new NotFound("paper", String.valueOf(paperId)));
  }

  private static Section proposal(long paperId, long sectionId) {
    Section section = Section.ofPaper(paperId, sectionId, LockModeType.NONE);
    if (section.isDeleted()) {
      throw new Conflict("This section was deleted; it takes no endorsements.");
    }
    if (section.kind != SectionKind.PROPOSAL) {
      throw new Invalid(
          "sectionId",
          "must be a proposal; section "
              + sectionId
              + " is "
              + section.kind.name().toLowerCase()
              + " text, which is not endorsed (endorse the whole paper instead)");
    }
    return section;
  }

  /** One person's stance changes on one target are made one after another. */
  private void serialise(long paperId, Long sectionId, long accountId) {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
        .setParameter(1, "endorsement:" + paperId + ":" + sectionId + ":" + accountId)
        .getSingleResult();
  }

  private static Optional<Endorsement> current(long paperId, Long sectionId, long accountId) {
    return sectionId == null
        ? Endorsement.find(
                "paperId = ?1 and sectionId is null and accountId = ?2 and endedAt is null",
                paperId,
                accountId)
            .firstResultOptional()
        : Endorsement.find(
                "sectionId = ?1 and accountId = ?2 and endedAt is null", sectionId, accountId)
            .firstResultOptional();
  }

  /** Ends a stance, written at once: the new one may only be inserted after it. */
  private void end(Endorsement e, Endorsement.Ended how) {
    e.endedAt = BaseEntity.now();
    e.ended = how;
    em.flush();
  }

  private static String organisation(Account account) {
    return account.organisation == null || account.organisation.isBlank()
        ? null
        : account.organisation.strip();
  }

  /** The papers the account has taken a stance in (current or ended), by id. */
  @SuppressWarnings("unchecked")
  public List<Long> papersWithStancesOf(long accountId) {
    List<Number> rows =
        em.createNativeQuery("SELECT DISTINCT paper_id FROM endorsement WHERE account_id = ?1")
            .setParameter(1, accountId)
            .getResultList();
    return rows.stream().map(Number::longValue).toList();
  }

  /** The targets (a section's id, 0 for the paper itself) the account took a stance on by then. */
  @SuppressWarnings("unchecked")
  public Set<Long> targetsBy(long accountId, long paperId, Instant at) {
    List<Number> rows =
        em.createNativeQuery(
                "SELECT DISTINCT coalesce(section_id, 0) FROM endorsement WHERE account_id = ?1"
                    + " AND paper_id = ?2 AND created_at <= ?3")
            .setParameter(1, accountId)
            .setParameter(2, paperId)
            .setParameter(3, at)
            .getResultList();
    return rows.stream().map(Number::longValue).collect(Collectors.toSet());
  }
}
