package org.plenary.revision;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.plenary.identity.Account;
import org.plenary.identity.Audiences;
import org.plenary.identity.AuthorView;
import org.plenary.identity.People;
import org.plenary.paper.PaperService;
import org.plenary.platform.api.PageOf;
import org.plenary.platform.api.Paging;
import org.plenary.platform.crypto.Digests;
import org.plenary.platform.error.Conflict;
import org.plenary.platform.error.Invalid;
import org.plenary.platform.error.NotFound;
import org.plenary.platform.error.PreconditionFailed;
import org.plenary.platform.error.TooLarge;
import org.plenary.platform.events.EventLog;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.persistence.ReadOnly;
import org.plenary.platform.security.CurrentActor;
import org.plenary.platform.security.PermissionService;
import org.plenary.revision.RevisionRecords.CheckpointView;
import org.plenary.revision.RevisionRecords.ContentView;
import org.plenary.revision.RevisionRecords.DiffView;
import org.plenary.revision.RevisionRecords.RevisionSummary;
import org.plenary.revision.RevisionRecords.SaveContent;
import org.plenary.section.ETags;
import org.plenary.section.Section;
import org.plenary.section.SectionService.SectionCreated;
import org.plenary.text.TextDiff;
import org.plenary.text.TextModel;

/**
 * A section's text and its history. Saving appends revision n+1 and moves the section's pointer;
 * nothing ever overwrites or deletes a revision.
 *
 * <p>Every change must name the revision it was based on ({@code If-Match}): without it the answer
 * is 428, with a stale one 412 carrying the current text so the client can merge rather than
 * overwrite. 412 and not 409, because the request was fine; only its precondition is outdated.
 */
@ApplicationScoped
public class RevisionService {

  /** The largest section body Plenary stores: 1 MiB of UTF-8. */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  @Inject PaperService papers;
  @Inject EventLog events;
  @Inject CurrentActor actor;
  @Inject RevisionWriter writer;
  @Inject PermissionService permissions;
  @Inject Audiences audiences;
  @Inject EntityManager em;
  @Inject LiveSections live;

  /** Revision 1 of a new section, inside the section's creating transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  void createFirst(@Observes SectionCreated created) {
    Section section = created.section();
    String body = created.body();
    String summary = created.summary();
    Revision r = new Revision();
    r.sectionId = section.id;
    r.number = 1;
    r.body = checkedBody(body);
    r.authorId = actor.get().accountId();
    r.summary = summary == null ? "Created" : summaryOf(summary);
    r.sha256 = sha256(r.body);
    r.createdAt = BaseEntity.now();
    r.persist();
  }

  @ReadOnly
  public ContentView current(long paperId, long sectionId) {
    Section section = section(paperId, sectionId);
    return view(paperId, revision(section.id, section.currentRevision));
  }

  @ReadOnly
  public ContentView get(long paperId, long sectionId, int number) {
    Section section = section(paperId, sectionId);
    return view(paperId, revision(section.id, number));
  }

  /** Saves new text as the next revision, if {@code ifMatch} names the current one. */
  public ContentView save(long paperId, long sectionId, String ifMatch, SaveContent request) {
    String body = checkedBody(request.body());
    return append(
        paperId,
        sectionId,
        ifMatch,
        "save a section",
        new RevisionWriter.Change(
            body, sha256(body), summaryOf(request.summary()), null, "section.saved", Map.of()));
  }

  /** Brings revision {@code number}'s text back as a new revision; the history stays whole. */
  public ContentView restore(
      long paperId, long sectionId, int number, String ifMatch, String summary) {
    // Revisions never change, so the old text can be read before the section is locked.
    Revision old = revision(section(paperId, sectionId).id, number);
    String why = summaryOf(summary);
    return append(
        paperId,
        sectionId,
        ifMatch,
        "restore a revision",
        new RevisionWriter.Change(
            old.body,
            old.sha256,
            why == null ? "Restored revision " + number : why,
            number,
            "section.revision-restored",
            Map.of("restoredFrom", number)));
  }

  /**
   * Appends a merged draft's text as the next revision, if {@code ifMatch} names the current one:
   * the draft's author is its author, the caller is recorded as the one who merged it. Joins the
   * caller's transaction, so the draft's own change commits with it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public ContentView appendMerge(
      long paperId,
      long sectionId,
      String ifMatch,
      String body,
      long authorId,
      long draftId,
      String summary) {
    String text = checkedBody(body);
    return append(
        paperId,
        sectionId,
        ifMatch,
        "merge a draft",
        new RevisionWriter.Change(
            text,
            sha256(text),
            summaryOf(summary),
            null,
            "section.merged",
            Map.of("draftId", draftId, "authorId", authorId),
            authorId,
            actor.get().accountId(),
            draftId));
  }

  private ContentView append(
      long paperId, long sectionId, String ifMatch, String what, RevisionWriter.Change change) {
    RevisionWriter.Outcome outcome =
        writer.append(
            paperId, sectionId, ETags.parseIfMatch(ifMatch, sectionId), actor.get(), what, change);
    if (outcome instanceof RevisionWriter.Stale stale) {
      throw stale(paperId, sectionId, stale);
    }
    if (outcome instanceof RevisionWriter.Unchanged unchanged) {
      // Nothing changed: no empty revision in the history.
      return view(paperId, revision(sectionId, unchanged.revision()));
    }
    return ((RevisionWriter.Saved) outcome).content();
  }

  @Transactional
  public PageOf<RevisionSummary> history(long paperId, long sectionId, Paging paging) {
    Section section = section(paperId, sectionId);
    var query = Revision.<Revision>find("sectionId", Sort.descending("number"), section.id);
    List<Revision> page = query.page(Page.of(paging.page(), paging.size())).list();
    Map<Long, List<Long>> coAuthors = coAuthorsOf(page.stream().map(r -> r.id).toList());
    Set<Long> people = page.stream().map(r -> r.authorId).collect(Collectors.toSet());
    coAuthors.values().forEach(people::addAll);
    Map<Long, AuthorView> authors = authors(paperId, people);
    List<RevisionSummary> items =
        page.stream()
            .map(
                r ->
                    new RevisionSummary(
                        r.number,
                        authors.get(r.authorId),
                        r.summary,
                        r.parentNumber,
                        r.restoredFrom,
                        r.sha256,
                        r.body.length(),
                        r.createdAt,
                        coAuthors.getOrDefault(r.id, List.of()).stream()
                            .map(authors::get)
                            .toList()))
            .toList();
    return new PageOf<>(items, paging.page(), paging.size(), section.currentRevision);
  }

  /**
   * Word-level comparison of two revisions ({@code to} defaults to current, {@code from} to the one
   * before).
   */
  @Transactional
  public DiffView diff(long paperId, long sectionId, Integer from, Integer to) {
    Section section = section(paperId, sectionId);
    int target = to == null ? section.currentRevision : to;
    Revision b = revisionOrInvalid(section, target, "to");
    int source = from == null ? Math.max(1, target - 1) : from;
    Revision a = revisionOrInvalid(section, source, "from");
    TextDiff.Result result = TextDiff.diff(a.body, b.body);
    return new DiffView(
        section.id, source, target, result.identical(), result.stats(), result.paragraphs());
  }

  /** The id and body of a section's current revision (for rendering). */
  @Transactional
  public CurrentText currentText(long paperId, long sectionId) {
    Section section = section(paperId, sectionId);
    Revision r = revision(section.id, section.currentRevision);
    return new CurrentText(r.id, r.number, r.body);
  }

  /** The current text of a section, for rendering and search. */
  public record CurrentText(long revisionId, int number, String body) {}

  /** A section's current text, and how many of its revisions some people (a group) wrote. */
  public record SectionWork(String currentBody, int revisionsBy) {}

  /** What {@code authors} did to each of {@code sections}, by section id: two queries in all. */
  @Transactional
  @SuppressWarnings("unchecked")
  public Map<Long, SectionWork> workOn(List<Section> sections, List<Long> authors) {
    if (sections.isEmpty()) {
      return Map.of();
    }
    Long[] ids = sections.stream().map(s -> s.id).toArray(Long[]::new);
    Integer[] numbers = sections.stream().map(s -> s.currentRevision).toArray(Integer[]::new);
    Map<Long, String> bodies = new HashMap<>();
    for (Object[] row :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT r.section_id, r.body FROM revision r"
                        + " JOIN unnest(CAST(?1 AS bigint[]), CAST(?2 AS int[])) AS c(id, number)"
                        + " ON r.section_id = c.id AND r.number = c.number")
                .setParameter(1, ids)
                .setParameter(2, numbers)
                .getResultList()) {
      bodies.put(((Number) row[0]).longValue(), (String) row[1]);
    }
    Map<Long, Integer> counts = new HashMap<>();
    for (Object[] row :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT section_id, count(*) FROM revision WHERE section_id = ANY(?1)"
                        + " AND author_id = ANY(?2) GROUP BY section_id")
                .setParameter(1, ids)
                .setParameter(2, authors.toArray(Long[]::new))
                .getResultList()) {
      counts.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
    }
    Map<Long, SectionWork> work = new HashMap<>();
    for (Section s : sections) {
      work.put(s.id, new SectionWork(bodies.get(s.id), counts.getOrDefault(s.id, 0)));
    }
    return work;
  }

  private PreconditionFailed stale(long paperId, long sectionId, RevisionWriter.Stale current) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("currentRevision", current.revision());
    details.put("currentEtag", ETags.of(sectionId, current.revision()));
    details.put("currentBody", current.body());
    details.put("currentAuthor", author(paperId, current.author()));
    return new PreconditionFailed(
        "Someone saved this section after the version you edited: it is now at revision "
            + current.revision()
            + ". Your text was not saved; merge it with the current text and save again.",
        details);
  }

  private static Section section(long paperId, long sectionId) {
    return Section.ofPaper(paperId, sectionId, LockModeType.NONE);
  }

  private static Revision revision(long sectionId, int number) {
    return Revision.of(sectionId, number)
        .orElseThrow(() -> new NotFound("revision", number + " of section " + sectionId));
  }

  private static Revision revisionOrInvalid(Section section, int number, String field) {
    if (number < 1 || number > section.currentRevision) {
      throw new Invalid(
          field, "must be a revision of this section, between 1 and " + section.currentRevision);
    }
    return revision(section.id, number);
  }

  private ContentView view(long paperId, Revision r) {
    return new ContentView(
        r.sectionId,
        paperId,
        r.number,
        ETags.of(r.sectionId, r.number),
        r.body,
        r.sha256,
        author(paperId, r.authorId),
        r.summary,
        r.parentNumber,
        r.restoredFrom,
        r.createdAt,
        r.draftId,
        r.mergedBy == null ? null : author(paperId, r.mergedBy),
        coAuthors(paperId, coAuthorsOf(List.of(r.id)).getOrDefault(r.id, List.of())));
  }

  /**
   * The co-authors of each of {@code revisionIds} that a live session wrote, in order: one query.
   */
  @SuppressWarnings("unchecked")
  private Map<Long, List<Long>> coAuthorsOf(List<Long> revisionIds) {
    Map<Long, List<Long>> out = new HashMap<>();
    if (revisionIds.isEmpty()) {
      return out;
    }
    for (Object[] row :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT revision_id, account_id FROM revision_coauthor"
                        + " WHERE revision_id = ANY(?1) ORDER BY revision_id, position")
                .setParameter(1, revisionIds.toArray(Long[]::new))
                .getResultList()) {
      out.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>())
          .add(((Number) row[1]).longValue());
    }
    return out;
  }

  /** {@code ids} as the caller may see them (the Chatham House rule), in order. */
  private List<AuthorView> coAuthors(long paperId, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, AuthorView> shown = authors(paperId, new HashSet<>(ids));
    return ids.stream().map(shown::get).toList();
  }

  // ---- Live documents -----------------------------------------------------------------------

  /**
   * "Save version": the section's live document's text becomes the next revision unless it equals
   * the current one, with every co-author since the last checkpoint; the caller is the event's
   * actor. Joins the caller's transaction when there is one (a merge reads the text after it).
   */
  public CheckpointView checkpoint(long paperId, long sectionId) {
    RevisionWriter.Checkpoint done =
        writer.checkpoint(paperId, sectionId, actor.get().accountId(), false);
    return new CheckpointView(
        done.revision(), done.created(), coAuthors(paperId, done.coAuthors()));
  }

  /**
   * Checkpoints without a caller (a pause in typing, the last writer leaving): the last co-author
   * is the event's actor, and a section or document another writer holds is skipped (true) rather
   * than waited for; the next pause checks again.
   */
  public boolean checkpointUnattended(long paperId, long sectionId) {
    return !writer.checkpoint(paperId, sectionId, null, true).skipped();
  }

  /**
   * Before anything reads a paper's texts for a compile: every section whose live document has
   * typing not yet in a revision is checkpointed.
   */
  public void checkpointPaper(long paperId) {
    List<Long> ids =
        Section.outlineOf(paperId).stream()
            .filter(s -> s.deletedAt == null)
            .map(s -> s.id)
            .toList();
    for (long sectionId : live.unsavedAmong(ids)) {
      try {
        writer.checkpoint(paperId, sectionId, actor.get().accountId(), false);
      } catch (Conflict e) {
        // A frozen paper or a deleted section: its live text cannot become a revision any more.
      }
    }
  }

  private AuthorView author(long paperId, long accountId) {
    return author(paperId, Account.<Account>findById(accountId));
  }

  private AuthorView author(long paperId, Account account) {
    return AuthorView.of(People.present(account, audiences.ofCaller(paperId)));
  }

  private Map<Long, AuthorView> authors(long paperId, Set<Long> ids) {
    People.Audience audience = audiences.ofCaller(paperId);
    return Account.<Account>list("id in ?1", ids).stream()
        .collect(Collectors.toMap(a -> a.id, a -> AuthorView.of(People.present(a, audience))));
  }

  private static String summaryOf(String summary) {
    return summary == null || summary.isBlank() ? null : summary.strip();
  }

  /** Line endings normalised; at most {@link #MAX_BODY_BYTES} of UTF-8. */
  public static String checkedBody(String body) {
    String text = TextModel.normalizeLineEndings(body);
    if (text.length() > MAX_BODY_BYTES / 4
        && text.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
      throw new TooLarge(
          "body",
          "A section's text can be at most 1 MiB (about 150,000 words); split it into several"
              + " sections.");
    }
    return text;
  }

  static String sha256(String body) {
    return Digests.sha256Hex(body);
  }
}
