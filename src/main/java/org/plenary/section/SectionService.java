package org.plenary.section;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.paper.Paper;
import org.plenary.paper.PaperService;
import org.plenary.paper.PaperService.PaperFrozenChange;
import org.plenary.platform.error.Conflict;
import org.plenary.platform.events.EventLog;
import org.plenary.platform.events.PaperChanges;
import org.plenary.platform.http.JsonSnapshot;
import org.plenary.platform.http.JsonSnapshots;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.persistence.ReadOnly;
import org.plenary.section.SectionRecords.CreateSection;
import org.plenary.section.SectionRecords.MoveSection;
import org.plenary.section.SectionRecords.SectionView;
import org.plenary.section.SectionRecords.UpdateSection;

/**
 * The outline of a paper: which sections it has, in what order, with which headings and kinds, and
 * how proposals are numbered.
 *
 * <p>Outline changes lock the paper row, so two people reordering at once cannot interleave into a
 * broken order; saves of section text do not touch that row and go on in parallel.
 *
 * <p>Proposal numbers follow the outline until the paper is first frozen; from then on each
 * proposal keeps its number for good (editions, letters and people cite it), and proposals added
 * after a reopening get the next free numbers, fixed at the next freeze.
 */
@ApplicationScoped
public class SectionService {

  @Inject PaperService papers;
  @Inject jakarta.enterprise.event.Event<SectionCreated> created;
  @Inject EventLog events;
  @Inject PaperChanges changes;
  @Inject JsonSnapshots json;

  /** Fired inside the creating transaction; the revision feature writes revision 1 of the text. */
  public record SectionCreated(Section section, String body, String summary) {}

  /**
   * The outline as JSON, served from memory until the paper next changes (it is the most read thing
   * in Plenary: every open page polls it).
   */
  @ReadOnly
  public JsonSnapshot outlineJson(long paperId, boolean includeDeleted) {
    return changes.cached(
        paperId,
        includeDeleted ? "outline+deleted" : "outline",
        () -> json.of(outline(paperId, includeDeleted)));
  }

  @ReadOnly
  public List<SectionView> outline(long paperId, boolean includeDeleted) {
    List<Section.OutlineRow> all = Section.outlineRowsOf(paperId);
    if (all.isEmpty()) {
      papers.find(paperId); // 404 for an unknown paper; an empty outline otherwise
    }
    return views(all, includeDeleted);
  }

  @ReadOnly
  public SectionView get(long paperId, long sectionId) {
    Section section = find(paperId, sectionId);
    return views(Section.outlineRowsOf(paperId), true).stream()
        .filter(v -> v.id() == section.id)
        .findFirst()
        .orElseThrow();
  }

  @Transactional
  public SectionView create(long paperId, CreateSection request) {
    Paper paper = papers.find(paperId, LockModeType.PESSIMISTIC_WRITE);
    paper.requireEditable("add a section");
    List<Section> all = new ArrayList<>(Section.outlineOf(paperId));
    Section section = new Section();
    section.paperId = paperId;
    section.heading = request.heading().strip();
    section.kind = request.kind() == null ? SectionKind.NARRATIVE : request.kind();
    section.currentRevision = 1;
    section.createdAt = BaseEntity.now();
    section.updatedAt = section.createdAt;
    insertAt(all, section, request.position());
    section.position = all.indexOf(section);
    section.persist();
    renumber(all);
    created.fire(
        new SectionCreated(
            section, request.body() == null ? "" : request.body(), request.summary()));
    events.record(
        paperId,
        "section.created",
        "section",
        section.id,
        Map.of("heading", section.heading, "kind", section.kind.name()));
    return get(paperId, section.id);
  }

  @Transactional
  public SectionView update(long paperId, long sectionId, UpdateSection request) {
    Paper paper = papers.find(paperId, LockModeType.PESSIMISTIC_WRITE);
    paper.requireEditable("rename a section or change its kind");
    Section section = find(paperId, sectionId);
    Map<String, Object> changed = new LinkedHashMap<>();
    if (request.heading() != null) {
      if (request.heading().isBlank()) {
        throw new org.plenary.platform.error.Invalid("heading", "must not be blank");
      }
      changed.put("heading", section.heading = request.heading().strip());
    }
    if (request.kind() != null && request.kind() != section.kind) {
      changed.put("fromKind", section.kind.name());
      changed.put("kind", (section.kind = request.kind()).name());
    }
    if (request.proposalSummary() != null) {
      if (section.kind != SectionKind.PROPOSAL) {
        throw new org.plenary.platform.error.Invalid(
            "proposalSummary", "is for proposals; this section is not one");
      }
      String summary = request.proposalSummary().strip();
      section.proposalSummary = summary.isEmpty() ? null : summary;
      changed.put("proposalSummary", true);
    }
    if (!changed.isEmpty()) {
      section.updatedAt = BaseEntity.now();
      events.record(paperId, "section.updated", "section", section.id, changed);
    }
    return get(paperId, sectionId);
  }

  @Transactional
  public SectionView move(long paperId, long sectionId, MoveSection request) {
    Paper paper = papers.find(paperId, LockModeType.PESSIMISTIC_WRITE);
    paper.requireEditable("reorder its sections");
    Section section = find(paperId, sectionId);
    if (section.isDeleted()) {
      throw new Conflict("This section is deleted; restore it before moving it.");
    }
    List<Section> all = new ArrayList<>(Section.outlineOf(paperId));
    int from = visible(all).indexOf(section);
    all.remove(section);
    insertAt(all, section, request.position());
    renumber(all);
    int to = visible(all).indexOf(section);
    if (from != to) {
      events.record(
          paperId, "section.moved", "section", section.id, Map.of("from", from, "to", to));
    }
    return get(paperId, sectionId);
  }

  @Transactional
  public SectionView delete(long paperId, long sectionId) {
    return setDeleted(paperId, sectionId, true);
  }

  @Transactional
  public SectionView restore(long paperId, long sectionId) {
    return setDeleted(paperId, sectionId, false);
  }

  private SectionView setDeleted(long paperId, long sectionId, boolean deleted) {
    Paper paper = papers.find(paperId, LockModeType.PESSIMISTIC_WRITE);
    paper.requireEditable(deleted ? "delete a section" : "restore a section");
    Section section = find(paperId, sectionId);
    if (section.isDeleted() != deleted) {
      section.deletedAt = deleted ? BaseEntity.now() : null;
      section.updatedAt = BaseEntity.now();
      events.record(
          paperId,
          deleted ? "section.deleted" : "section.restored",
          "section",
          section.id,
          Map.of("heading", section.heading));
    }
    return get(paperId, sectionId);
  }

  /**
   * Freezing locks every section of the paper, so saves still running finish first and later ones
   * see the paper frozen (see {@code RevisionService}), and fixes the numbers of proposals that
   * have none yet, in outline order.
   */
  void onFrozenChange(@Observes PaperFrozenChange change) {
    if (!change.frozen()) {
      return;
    }
    List<Section> all =
        Section.<Section>find(Section.OUTLINE, change.paperId())
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .list();
    int next =
        all.stream().mapToInt(s -> s.proposalNumber == null ? 0 : s.proposalNumber).max().orElse(0);
    for (Section s : visible(all)) {
      if (s.kind == SectionKind.PROPOSAL && s.proposalNumber == null) {
        s.proposalNumber = ++next;
      }
    }
  }

  /** The section of this paper, or 404 (also when it belongs to another paper). */
  public Section find(long paperId, long sectionId) {
    return Section.ofPaper(paperId, sectionId, LockModeType.NONE);
  }

  private static void insertAt(List<Section> all, Section section, Integer position) {
    List<Section> visible = visible(all);
    if (position == null || position >= visible.size()) {
      all.add(section);
    } else {
      all.add(all.indexOf(visible.get(position)), section);
    }
  }

  private static void renumber(List<Section> all) {
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).position != i) {
        all.get(i).position = i;
      }
    }
  }

  private static List<Section> visible(List<Section> all) {
    return all.stream().filter(s -> !s.isDeleted()).toList();
  }

  /** The outline as the API shows it, with live or fixed proposal numbers. */
  static List<SectionView> views(List<Section.OutlineRow> all, boolean includeDeleted) {
    int next =
        all.stream()
            .mapToInt(s -> s.proposalNumber() == null ? 0 : s.proposalNumber())
            .max()
            .orElse(0);
    List<SectionView> views = new ArrayList<>(all.size());
    int index = 0;
    for (Section.OutlineRow s : all) {
      Integer number = null;
      if (s.kind() == SectionKind.PROPOSAL) {
        number = s.proposalNumber() != null ? s.proposalNumber() : s.isDeleted() ? null : ++next;
      }
      Integer position = s.isDeleted() ? null : index++;
      if (!s.isDeleted() || includeDeleted) {
        views.add(
            new SectionView(
                s.id(),
                s.paperId(),
                position,
                s.heading(),
                s.kind(),
                number,
                s.proposalNumber() != null,
                s.proposalSummary(),
                s.currentRevision(),
                ETags.of(s.id(), s.currentRevision()),
                s.isDeleted(),
                s.deletedAt(),
                s.createdAt(),
                s.updatedAt()));
      }
    }
    return views;
  }
}
