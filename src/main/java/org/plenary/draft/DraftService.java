package org.plenary.draft;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.draft.DraftRecords.CreateDraft;
import org.plenary.draft.DraftRecords.DraftDiff;
import org.plenary.draft.DraftRecords.DraftView;
import org.plenary.draft.DraftRecords.MergePreview;
import org.plenary.draft.DraftRecords.RegionView;
import org.plenary.draft.DraftRecords.Resolution;
import org.plenary.draft.DraftRecords.UpdateDraft;
import org.plenary.identity.Account;
import org.plenary.identity.Audiences;
import org.plenary.identity.AuthorView;
import org.plenary.identity.People;
import org.plenary.notification.Notify;
import org.plenary.notification.Reason;
import org.plenary.paper.PaperService;
import org.plenary.platform.error.Conflict;
import org.plenary.platform.error.Forbidden;
import org.plenary.platform.error.Invalid;
import org.plenary.platform.error.NotFound;
import org.plenary.platform.error.PreconditionFailed;
import org.plenary.platform.error.PreconditionRequired;
import org.plenary.platform.events.EventLog;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.CurrentActor;
import org.plenary.platform.security.PermissionService;
import org.plenary.revision.Revision;
import org.plenary.revision.RevisionService;
import org.plenary.section.ETags;
import org.plenary.section.Section;
import org.plenary.text.TextDiff;
import org.plenary.text.TextMerge;
import org.plenary.workshop.GroupAssignments;

/**
 * Drafts: proposed text for a section, its review and its merge. A draft is merged with the
 * three-way merge ({@link TextMerge}: base = the draft's base revision, ours = the current text,
 * theirs = the draft); conflicts come back as regions that the editor resolves one by one. The
 * merged text becomes a revision written by the draft's author and merged by the editor, in the
 * same transaction that marks the draft merged. A draft's text is never overwritten: updating or
 * rebasing it appends a version.
 */
@ApplicationScoped
public class DraftService {

  @Inject EventLog events;
  @Inject CurrentActor currentActor;
  @Inject PermissionService permissions;
  @Inject Audiences audiences;
  @Inject PaperService papers;
  @Inject RevisionService revisions;
  @Inject EntityManager em;
  @Inject GroupAssignments groups;

  @Transactional
  public DraftView create(long paperId, long sectionId, CreateDraft request) {
    Actor me = currentActor.get();
    papers.find(paperId).requireEditable("propose a draft");
    Section section = Section.ofPaper(paperId, sectionId, LockModeType.NONE);
    if (section.isDeleted()) {
      throw new Conflict("This section was deleted; it cannot take drafts until it is restored.");
    }
    int base = request.baseRevision() == null ? section.currentRevision : request.baseRevision();
    if (base < 1 || base > section.currentRevision) {
      throw new Invalid(
          "baseRevision", "must be a revision of this section, 1 to " + section.currentRevision);
    }
    if (request.groupId() != null) {
      requireGroupMember(paperId, request.groupId(), me.accountId());
    }
    Draft draft = new Draft();
    draft.paperId = paperId;
    draft.sectionId = sectionId;
    draft.authorId = me.accountId();
    draft.groupId = request.groupId();
    draft.status = Boolean.TRUE.equals(request.submit()) ? Draft.Status.OPEN : Draft.Status.DRAFT;
    draft.shared = draft.status == Draft.Status.OPEN;
    draft.currentVersion = 1;
    draft.createdAt = BaseEntity.now();
    draft.updatedAt = draft.createdAt;
    draft.persist();
    appendVersion(draft, 1, base, request.body(), request.rationale());
    record(draft, "draft.created", Map.of("status", draft.status.name()));
    return view(draft);
  }

  @Transactional
  public List<DraftView> list(long paperId, Draft.Status status, Long sectionId) {
    long me = currentActor.get().accountId();
    StringBuilder where = new StringBuilder("paperId = ?1 and (shared = true or authorId = ?2)");
    List<Object> params = new ArrayList<>(List.of(paperId, me));
    if (status != null) {
      params.add(status);
      where.append(" and status = ?").append(params.size());
    }
    if (sectionId != null) {
      params.add(sectionId);
      where.append(" and sectionId = ?").append(params.size());
    }
    where.append(" order by id desc");
    List<Draft> drafts = Draft.list(where.toString(), params.toArray());
    return drafts.stream().map(this::view).toList();
  }

  @Transactional
  public DraftView get(long paperId, long draftId) {
    return view(visible(paperId, draftId));
  }

  /** The author changes the text or rationale (a new version; the old one stays). */
  @Transactional
  public DraftView update(long paperId, long draftId, String ifMatch, UpdateDraft request) {
    papers.find(paperId).requireEditable("change a draft");
    Draft draft = ownUndecided(paperId, draftId, "change");
    requireDraftTag(draft, ifMatch);
    DraftVersion current = version(draft);
    appendVersion(
        draft,
        draft.currentVersion + 1,
        current.baseRevision,
        request.body() == null ? current.body : request.body(),
        request.rationale() == null ? current.rationale : request.rationale());
    record(draft, "draft.updated", Map.of("version", draft.currentVersion));
    return view(draft);
  }

  @Transactional
  public DraftView submit(long paperId, long draftId) {
    papers.find(paperId).requireEditable("submit a draft");
    Draft draft = ownUndecided(paperId, draftId, "submit");
    if (draft.status == Draft.Status.DRAFT) {
      draft.status = Draft.Status.OPEN;
      draft.shared = true;
      draft.updatedAt = BaseEntity.now();
      record(draft, "draft.submitted", Map.of());
    }
    return view(draft);
  }

  @Transactional
  public DraftView withdraw(long paperId, long draftId) {
    Draft draft = ownUndecided(paperId, draftId, "withdraw");
    decide(draft, Draft.Status.WITHDRAWN, null);
    record(draft, "draft.withdrawn", Map.of());
    return view(draft);
  }

  @Transactional
  public DraftView reject(long paperId, long draftId, String reason) {
    Draft draft = lock(paperId, draftId);
    requireOpen(draft, "reject");
    decide(draft, Draft.Status.REJECTED, reason.strip());
    record(
        draft,
        "draft.rejected",
        Notify.of(Reason.DRAFT_REJECTED, List.of(draft.authorId))
            .into(new LinkedHashMap<>(Map.of("reason", draft.decisionReason))));
    return view(draft);
  }

  /** The draft compared with its base revision or with the section's current text. */
  @Transactional
  public DraftDiff diff(long paperId, long draftId, String against) {
    Draft draft = visible(paperId, draftId);
    DraftVersion v = version(draft);
    boolean current = "current".equals(against);
    if (!current && against != null && !"base".equals(against)) {
      throw new Invalid("against", "must be base or current");
    }
    Section section = Section.ofPaper(paperId, draft.sectionId, LockModeType.NONE);
    int revision = current ? section.currentRevision : v.baseRevision;
    TextDiff.Result result = TextDiff.diff(body(draft.sectionId, revision), v.body);
    return new DraftDiff(
        draft.id,
        current ? "current" : "base",
        revision,
        result.identical(),
        result.stats(),
        result.paragraphs());
  }

  /** Two drafts of one section compared: from {@code a} to {@code b}. */
  @Transactional
  public DraftDiff compare(long paperId, long a, long b) {
    Draft first = visible(paperId, a);
    Draft second = visible(paperId, b);
    if (!first.sectionId.equals(second.sectionId)) {
      throw new Invalid("with", "must be a draft of the same section");
    }
    TextDiff.Result result = TextDiff.diff(version(first).body, version(second).body);
    return new DraftDiff(
        first.id,
        "draft " + second.id,
        version(second).baseRevision,
        result.identical(),
        result.stats(),
        result.paragraphs());
  }

  /** What merging the draft into the current text would give now (nothing is changed). */
  @Transactional
  public MergePreview preview(long paperId, long draftId) {
    Draft draft = visible(paperId, draftId);
    revisions.checkpointBeforeReading(paperId, draft.sectionId); // live typing is the text now
    return preview(draft, Section.ofPaper(paperId, draft.sectionId, LockModeType.NONE));
  }

  /**
   * Merges the draft into the current text: with {@code ifMatch} naming the current revision, and a
   * resolution for every conflict. Nothing is applied unless everything is.
   */
  @Transactional
  public DraftView merge(long paperId, long draftId, String ifMatch, List<Resolution> resolutions) {
    Draft draft = lock(paperId, draftId);
    requireOpen(draft, "merge");
    // Live typing becomes a revision first: a tag older than it gets the usual 412.
    revisions.checkpointBeforeReading(paperId, draft.sectionId);
    Section section = Section.ofPaper(paperId, draft.sectionId, LockModeType.NONE);
    requireSectionTag(section, ifMatch);
    DraftVersion v = version(draft);
    TextMerge.Result merged =
        TextMerge.merge(
            body(draft.sectionId, v.baseRevision),
            body(draft.sectionId, section.currentRevision),
            v.body);
    String text = resolve(merged, resolutions);
    String summary =
        "Merged draft #" + draft.id + (v.rationale == null ? "" : ": " + shorten(v.rationale));
    var revision =
        revisions.appendMerge(
            paperId, draft.sectionId, ifMatch, text, draft.authorId, draft.id, summary);
    draft.mergedRevision = revision.revision();
    decide(draft, Draft.Status.MERGED, null);
    record(
        draft,
        "draft.merged",
        Notify.of(Reason.DRAFT_MERGED, List.of(draft.authorId))
            .into(
                new LinkedHashMap<>(
                    Map.of(
                        "revision",
                        revision.revision(),
                        "conflictsResolved",
                        merged.conflicts()))));
    return view(draft);
  }

  /** The author brings an outdated draft onto the current text (a new version). */
  @Transactional
  public DraftView rebase(
      long paperId, long draftId, String ifMatch, List<Resolution> resolutions) {
    Draft draft = ownUndecided(paperId, draftId, "rebase");
    requireDraftTag(draft, ifMatch);
    revisions.checkpointBeforeReading(paperId, draft.sectionId); // rebase onto the live text
    Section section = Section.ofPaper(paperId, draft.sectionId, LockModeType.NONE);
    DraftVersion v = version(draft);
    if (v.baseRevision == section.currentRevision) {
      return view(draft); // already on the current text
    }
    TextMerge.Result merged =
        TextMerge.merge(
            body(draft.sectionId, v.baseRevision),
            body(draft.sectionId, section.currentRevision),
            v.body);
    appendVersion(
        draft,
        draft.currentVersion + 1,
        section.currentRevision,
        resolve(merged, resolutions),
        v.rationale);
    record(draft, "draft.rebased", Map.of("from", v.baseRevision, "to", section.currentRevision));
    return view(draft);
  }

  // ---- Merging ------------------------------------------------------------------------------

  private MergePreview preview(Draft draft, Section section) {
    DraftVersion v = version(draft);
    TextMerge.Result merged =
        TextMerge.merge(
            body(draft.sectionId, v.baseRevision),
            body(draft.sectionId, section.currentRevision),
            v.body);
    List<RegionView> regions = new ArrayList<>();
    int conflict = 0;
    for (TextMerge.Region r : merged.regions()) {
      if (r instanceof TextMerge.Agreed a) {
        regions.add(new RegionView("agreed", null, a.text(), null, null, null));
      } else if (r instanceof TextMerge.Conflict c) {
        regions.add(new RegionView("conflict", conflict++, null, c.base(), c.ours(), c.theirs()));
      }
    }
    return new MergePreview(
        draft.id,
        v.baseRevision,
        section.currentRevision,
        ETags.of(section.id, section.currentRevision),
        merged.clean(),
        conflict,
        regions,
        merged.clean() ? merged.text() : null);
  }

  /** The merged text with every conflict resolved, or 409 listing the ones left open. */
  static String resolve(TextMerge.Result merged, List<Resolution> resolutions) {
    Map<Integer, Resolution> byRegion = new HashMap<>();
    List<Resolution> given = resolutions == null ? List.of() : resolutions;
    for (int i = 0; i < given.size(); i++) {
      Resolution r = given.get(i);
      if (r.region() < 0 || r.region() >= merged.conflicts()) {
        throw new Invalid(
            "resolutions[" + i + "].region",
            "must name a conflict of this merge, 0 to " + (merged.conflicts() - 1));
      }
      if (r.take() == DraftRecords.Take.TEXT && r.text() == null) {
        throw new Invalid("resolutions[" + i + "].text", "is needed to take your own text");
      }
      if (byRegion.put(r.region(), r) != null) {
        throw new Invalid("resolutions[" + i + "].region", "is resolved twice");
      }
    }
    StringBuilder text = new StringBuilder();
    List<Integer> open = new ArrayList<>();
    int index = 0;
    for (TextMerge.Region region : merged.regions()) {
      if (region instanceof TextMerge.Agreed a) {
        text.append(a.text());
        continue;
      }
      TextMerge.Conflict c = (TextMerge.Conflict) region;
      Resolution r = byRegion.get(index);
      if (r == null) {
        open.add(index);
      } else {
        text.append(
            switch (r.take()) {
              case OURS -> c.ours();
              case THEIRS -> c.theirs();
              case BOTH -> both(c.ours(), c.theirs());
              case TEXT -> r.text();
            });
      }
      index++;
    }
    if (!open.isEmpty()) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("unresolved", open);
      throw new Conflict(
          "The merge has "
              + merged.conflicts()
              + " conflict(s) and "
              + open.size()
              + " are not resolved yet ("
              + open
              + "). Nothing was changed; resolve each one (ours, theirs, both or your own text).",
          details);
    }
    return text.toString();
  }

  private static String both(String ours, String theirs) {
    if (ours.isEmpty() || theirs.isEmpty()) {
      return ours + theirs;
    }
    boolean spaced =
        Character.isWhitespace(ours.charAt(ours.length() - 1))
            || Character.isWhitespace(theirs.charAt(0));
    return ours + (spaced ? "" : " ") + theirs;
  }

  // ---- Helpers ------------------------------------------------------------------------------

  /** Appends version {@code number} of the draft's text and points the draft at it. */
  private void appendVersion(Draft draft, int number, int base, String body, String rationale) {
    DraftVersion v = new DraftVersion();
    v.draftId = draft.id;
    v.number = number;
    v.baseRevision = base;
    v.body = RevisionService.checkedBody(body);
    v.rationale = rationale == null || rationale.isBlank() ? null : rationale.strip();
    v.createdAt = BaseEntity.now();
    v.persist();
    draft.currentVersion = v.number;
    draft.updatedAt = v.createdAt;
  }

  private void decide(Draft draft, Draft.Status status, String reason) {
    draft.status = status;
    draft.decisionReason = reason;
    draft.decidedBy = currentActor.get().accountId();
    draft.decidedAt = BaseEntity.now();
    draft.updatedAt = draft.decidedAt;
  }

  private void record(Draft draft, String type, Map<String, Object> extra) {
    Map<String, Object> payload = new LinkedHashMap<>(extra);
    payload.put("sectionId", draft.sectionId);
    payload.put("authorId", draft.authorId);
    if (draft.groupId != null) {
      payload.put("groupId", draft.groupId);
    }
    events.record(draft.paperId, type, "draft", draft.id, payload);
  }

  /**
   * The draft, if the caller may see it: a draft never submitted exists only for its author, also
   * once withdrawn.
   */
  private Draft visible(long paperId, long draftId) {
    Draft draft =
        Draft.<Draft>findByIdOptional(draftId)
            .filter(d -> d.paperId == paperId)
            .orElseThrow(() -> new NotFound("draft", String.valueOf(draftId)));
    if (!draft.shared && draft.authorId != currentActor.get().accountId()) {
      throw new NotFound("draft", String.valueOf(draftId));
    }
    return draft;
  }

  private Draft lock(long paperId, long draftId) {
    Draft draft = visible(paperId, draftId);
    em.lock(draft, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(draft);
    return draft;
  }

  private Draft ownUndecided(long paperId, long draftId, String what) {
    Draft draft = lock(paperId, draftId);
    if (draft.authorId != currentActor.get().accountId()) {
      throw new Forbidden("Only the draft's author can " + what + " it.");
    }
    if (draft.status.decided()) {
      throw new Conflict(
          "This draft was already "
              + draft.status.name().toLowerCase()
              + "; it can no longer be"
              + " changed.");
    }
    return draft;
  }

  private static void requireOpen(Draft draft, String what) {
    if (draft.status != Draft.Status.OPEN) {
      throw new Conflict(
          "Only a submitted (open) draft can be "
              + (what.equals("merge") ? "merged" : "rejected")
              + "; this one is "
              + draft.status.name().toLowerCase()
              + ".");
    }
  }

  private void requireGroupMember(long paperId, long groupId, long accountId) {
    if (!groups.belongsTo(paperId, groupId, accountId)) {
      throw new Invalid("groupId", "must be a breakout group of this paper that you belong to");
    }
  }

  static String draftTag(Draft draft) {
    return "\"d" + draft.id + "-v" + draft.currentVersion + "\"";
  }

  private static void requireDraftTag(Draft draft, String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new PreconditionRequired(
          "Say which version of the draft you changed: send its ETag (currently "
              + draftTag(draft)
              + ") in If-Match.");
    }
    if (!ifMatch.strip().equals(draftTag(draft))) {
      throw new PreconditionFailed(
          "The draft changed since you loaded it (it is now at version "
              + draft.currentVersion
              + "). Reload it and try again.",
          Map.of("currentEtag", draftTag(draft)));
    }
  }

  private static void requireSectionTag(Section section, String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new PreconditionRequired(
          "Say which text you merged into: send the section's ETag (currently "
              + ETags.of(section.id, section.currentRevision)
              + ") in If-Match, so that nothing moves underneath the merge.");
    }
  }

  private static DraftVersion version(Draft draft) {
    return DraftVersion.of(draft.id, draft.currentVersion).orElseThrow();
  }

  private static String body(long sectionId, int revision) {
    return Revision.of(sectionId, revision)
        .orElseThrow(() -> new NotFound("revision", revision + " of section " + sectionId))
        .body;
  }

  private static String shorten(String s) {
    String line = s.strip().replaceAll("\\s+", " ");
    return line.length() > 200 ? line.substring(0, 197) + "…" : line;
  }

  private DraftView view(Draft d) {
    DraftVersion v = version(d);
    int sectionRevision =
        Section.<Section>findByIdOptional(d.sectionId).map(s -> s.currentRevision).orElse(0);
    Actor me = currentActor.get();
    People.Audience audience = audiences.of(me, d.paperId);
    Account author = Account.findById(d.authorId);
    return new DraftView(
        d.id,
        d.paperId,
        d.sectionId,
        AuthorView.of(People.present(author, audience)),
        d.groupId,
        d.status,
        !d.status.decided() && v.baseRevision < sectionRevision,
        d.currentVersion,
        draftTag(d),
        v.baseRevision,
        sectionRevision,
        v.body,
        v.rationale,
        d.decisionReason,
        d.decidedAt,
        d.mergedRevision,
        d.createdAt,
        d.updatedAt);
  }
}
