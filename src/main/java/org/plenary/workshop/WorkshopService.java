package org.plenary.workshop;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plenary.member.PaperMember;
import org.plenary.platform.error.Conflict;
import org.plenary.platform.error.Invalid;
import org.plenary.platform.error.NotFound;
import org.plenary.platform.events.EventLog;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.revision.RevisionService;
import org.plenary.revision.RevisionService.SectionWork;
import org.plenary.section.Section;
import org.plenary.text.TextModel;
import org.plenary.workshop.WorkshopRecords.CreateGroup;
import org.plenary.workshop.WorkshopRecords.CreateWorkshop;
import org.plenary.workshop.WorkshopRecords.GroupProgress;
import org.plenary.workshop.WorkshopRecords.GroupView;
import org.plenary.workshop.WorkshopRecords.SectionProgress;
import org.plenary.workshop.WorkshopRecords.UpdateGroup;
import org.plenary.workshop.WorkshopRecords.UpdateWorkshop;
import org.plenary.workshop.WorkshopRecords.WorkshopView;

/**
 * Workshop sessions of a paper and their breakout groups: who is in each group and which sections
 * it writes. Every change records an event for the paper, which also refreshes the permission cache
 * (group membership decides who may save which section).
 */
@ApplicationScoped
public class WorkshopService {

  @Inject EventLog events;
  @Inject EntityManager em;
  @Inject RevisionService revisions;
  @Inject org.plenary.paper.PaperService papers;

  @Transactional
  public List<WorkshopView> list(long paperId) {
    List<Workshop> workshops = Workshop.list("paperId = ?1 order by startsAt, id", paperId);
    Map<Long, List<GroupView>> groups = groupsOfPaper(paperId);
    return workshops.stream().map(w -> view(w, groups.getOrDefault(w.id, List.of()))).toList();
  }

  @Transactional
  public WorkshopView get(long paperId, long workshopId) {
    Workshop w = workshop(paperId, workshopId);
    return view(w, groupsOfPaper(paperId).getOrDefault(w.id, List.of()));
  }

  @Transactional
  public WorkshopView create(long paperId, CreateWorkshop request) {
    lockPaper(paperId);
    Workshop w = new Workshop();
    w.paperId = paperId;
    w.title = request.title().strip();
    w.timeZone = zone(request.timeZone()).getId();
    setTimes(w, request.startsAt(), request.endsAt());
    w.place = blankToNull(request.place());
    w.onlineLink = link(request.onlineLink());
    w.agenda = request.agenda() == null ? "" : request.agenda();
    w.createdAt = BaseEntity.now();
    w.updatedAt = w.createdAt;
    w.persist();
    events.record(paperId, "workshop.created", "workshop", w.id, Map.of("title", w.title));
    return view(w, List.of());
  }

  @Transactional
  public WorkshopView update(long paperId, long workshopId, UpdateWorkshop request) {
    lockPaper(paperId);
    Workshop w = workshop(paperId, workshopId);
    ZoneId zone = zone(request.timeZone() == null ? w.timeZone : request.timeZone());
    LocalDateTime starts =
        request.startsAt() != null
            ? request.startsAt()
            : LocalDateTime.ofInstant(w.startsAt, ZoneId.of(w.timeZone));
    LocalDateTime ends =
        request.endsAt() != null
            ? request.endsAt()
            : LocalDateTime.ofInstant(w.endsAt, ZoneId.of(w.timeZone));
    w.timeZone = zone.getId();
    setTimes(w, starts, ends);
    if (request.title() != null) {
      w.title = request.title().strip();
    }
    if (request.place() != null) {
      w.place = blankToNull(request.place());
    }
    if (request.onlineLink() != null) {
      w.onlineLink = link(request.onlineLink());
    }
    if (request.agenda() != null) {
      w.agenda = request.agenda();
    }
    w.updatedAt = BaseEntity.now();
    events.record(paperId, "workshop.updated", "workshop", w.id, Map.of());
    return view(w, groupsOfPaper(paperId).getOrDefault(w.id, List.of()));
  }

  @Transactional
  public void delete(long paperId, long workshopId) {
    lockPaper(paperId);
    Workshop w = workshop(paperId, workshopId);
    for (BreakoutGroup g : BreakoutGroup.<BreakoutGroup>list("workshopId", w.id)) {
      deleteGroupRows(g.id);
      g.delete();
    }
    w.delete();
    events.record(paperId, "workshop.deleted", "workshop", workshopId, Map.of("title", w.title));
  }

  // ---- Groups -------------------------------------------------------------------------------

  @Transactional
  public GroupView createGroup(long paperId, long workshopId, CreateGroup request) {
    lockPaper(paperId);
    Workshop w = workshop(paperId, workshopId);
    String name = request.name().strip();
    requireFreeName(w.id, name, null);
    BreakoutGroup g = new BreakoutGroup();
    g.workshopId = w.id;
    g.paperId = paperId;
    g.name = name;
    g.facilitatorId = facilitator(paperId, request.facilitatorId());
    g.createdAt = BaseEntity.now();
    g.persist();
    events.record(paperId, "group.created", "group", g.id, Map.of("name", g.name));
    return groupView(g);
  }

  @Transactional
  public GroupView updateGroup(long paperId, long workshopId, long groupId, UpdateGroup request) {
    lockPaper(paperId);
    BreakoutGroup g = group(paperId, workshopId, groupId);
    if (request.name() != null) {
      requireFreeName(workshopId, request.name().strip(), g.id);
      g.name = request.name().strip();
    }
    if (request.facilitatorId() != null) {
      g.facilitatorId = facilitator(paperId, request.facilitatorId());
    }
    events.record(paperId, "group.updated", "group", g.id, Map.of("name", g.name));
    return groupView(g);
  }

  @Transactional
  public void deleteGroup(long paperId, long workshopId, long groupId) {
    lockPaper(paperId);
    BreakoutGroup g = group(paperId, workshopId, groupId);
    deleteGroupRows(g.id);
    g.delete();
    events.record(paperId, "group.deleted", "group", groupId, Map.of("name", g.name));
  }

  /** Replaces the group's members; each must be a member of the paper. */
  @Transactional
  public GroupView setMembers(long paperId, long workshopId, long groupId, List<Long> accountIds) {
    lockPaper(paperId);
    BreakoutGroup g = group(paperId, workshopId, groupId);
    Set<Long> ids = new LinkedHashSet<>(accountIds);
    Set<Long> members = new java.util.HashSet<>();
    for (PaperMember m : PaperMember.ofPaper(paperId)) {
      members.add(m.accountId);
    }
    List<Long> strangers = ids.stream().filter(id -> !members.contains(id)).toList();
    if (!strangers.isEmpty()) {
      throw new Invalid(
          "accountIds", "must all be members of this paper; these are not: " + strangers);
    }
    em.createNativeQuery("DELETE FROM group_member WHERE group_id = ?1")
        .setParameter(1, g.id)
        .executeUpdate();
    for (Long id : ids) {
      em.createNativeQuery("INSERT INTO group_member (group_id, account_id) VALUES (?1, ?2)")
          .setParameter(1, g.id)
          .setParameter(2, id)
          .executeUpdate();
    }
    events.record(
        paperId, "group.members-set", "group", g.id, Map.of("accountIds", List.copyOf(ids)));
    return groupView(g);
  }

  /** Replaces the sections assigned to the group; each must be a section of this paper. */
  @Transactional
  public GroupView setSections(long paperId, long workshopId, long groupId, List<Long> sectionIds) {
    lockPaper(paperId);
    BreakoutGroup g = group(paperId, workshopId, groupId);
    Set<Long> ids = new LinkedHashSet<>(sectionIds);
    Set<Long> sections = new java.util.HashSet<>();
    for (Section s : Section.outlineOf(paperId)) {
      if (!s.isDeleted()) {
        sections.add(s.id);
      }
    }
    List<Long> foreign = ids.stream().filter(id -> !sections.contains(id)).toList();
    if (!foreign.isEmpty()) {
      throw new Invalid(
          "sectionIds",
          "must all be sections of this paper (not deleted); these are not: " + foreign);
    }
    em.createNativeQuery("DELETE FROM group_section WHERE group_id = ?1")
        .setParameter(1, g.id)
        .executeUpdate();
    for (Long id : ids) {
      em.createNativeQuery("INSERT INTO group_section (group_id, section_id) VALUES (?1, ?2)")
          .setParameter(1, g.id)
          .setParameter(2, id)
          .executeUpdate();
    }
    events.record(
        paperId, "group.sections-set", "group", g.id, Map.of("sectionIds", List.copyOf(ids)));
    return groupView(g);
  }

  /** Words, revisions and last activity of each section the group writes. */
  @Transactional
  public GroupProgress progress(long paperId, long groupId) {
    BreakoutGroup g =
        BreakoutGroup.<BreakoutGroup>findByIdOptional(groupId)
            .filter(x -> x.paperId == paperId)
            .orElseThrow(() -> new NotFound("group", String.valueOf(groupId)));
    List<Section> assigned = sectionsOf(g);
    GroupView view = groupView(g, assigned);
    Map<Long, SectionWork> work = revisions.workOn(assigned, view.memberIds());
    List<SectionProgress> sections = new ArrayList<>();
    int words = 0;
    int revisions = 0;
    Instant last = null;
    for (Section s : assigned) {
      SectionWork done = work.get(s.id);
      int w = TextModel.wordCount(done.currentBody());
      int n = s.currentRevision;
      Instant at = s.updatedAt;
      sections.add(new SectionProgress(s.id, s.heading, w, n, done.revisionsBy(), at));
      words += w;
      revisions += n;
      last = last == null || (at != null && at.isAfter(last)) ? at : last;
    }
    return new GroupProgress(
        g.id, g.name, view.memberIds().size(), sections, words, revisions, last);
  }

  // ---- Helpers ------------------------------------------------------------------------------

  private void deleteGroupRows(long groupId) {
    em.createNativeQuery("DELETE FROM group_member WHERE group_id = ?1")
        .setParameter(1, groupId)
        .executeUpdate();
    em.createNativeQuery("DELETE FROM group_section WHERE group_id = ?1")
        .setParameter(1, groupId)
        .executeUpdate();
  }

  private Map<Long, List<GroupView>> groupsOfPaper(long paperId) {
    Map<Long, List<GroupView>> byWorkshop = new HashMap<>();
    for (BreakoutGroup g :
        BreakoutGroup.<BreakoutGroup>list("paperId = ?1 order by name, id", paperId)) {
      byWorkshop.computeIfAbsent(g.workshopId, k -> new ArrayList<>()).add(groupView(g));
    }
    return byWorkshop;
  }

  private GroupView groupView(BreakoutGroup g) {
    return groupView(g, sectionsOf(g));
  }

  @SuppressWarnings("unchecked")
  private GroupView groupView(BreakoutGroup g, List<Section> assigned) {
    List<Long> members =
        ((List<Number>)
                em.createNativeQuery(
                        "SELECT account_id FROM group_member WHERE group_id = ?1 ORDER BY 1")
                    .setParameter(1, g.id)
                    .getResultList())
            .stream().map(Number::longValue).toList();
    List<Long> sections = assigned.stream().map(s -> s.id).toList();
    return new GroupView(g.id, g.workshopId, g.name, g.facilitatorId, members, sections);
  }

  /** The group's sections, in the paper's order. */
  @SuppressWarnings("unchecked")
  private List<Section> sectionsOf(BreakoutGroup g) {
    List<Long> ids =
        ((List<Number>)
                em.createNativeQuery("SELECT section_id FROM group_section WHERE group_id = ?1")
                    .setParameter(1, g.id)
                    .getResultList())
            .stream().map(Number::longValue).toList();
    return ids.isEmpty() ? List.of() : Section.list("id in ?1 order by position, id", ids);
  }

  private static WorkshopView view(Workshop w, List<GroupView> groups) {
    ZoneId zone = ZoneId.of(w.timeZone);
    return new WorkshopView(
        w.id,
        w.paperId,
        w.title,
        w.startsAt,
        w.endsAt,
        LocalDateTime.ofInstant(w.startsAt, zone),
        LocalDateTime.ofInstant(w.endsAt, zone),
        w.timeZone,
        w.place,
        w.onlineLink,
        w.agenda,
        groups);
  }

  private static void setTimes(Workshop w, LocalDateTime starts, LocalDateTime ends) {
    ZoneId zone = ZoneId.of(w.timeZone);
    Instant s = starts.atZone(zone).toInstant();
    Instant e = ends.atZone(zone).toInstant();
    if (!e.isAfter(s)) {
      throw new Invalid("endsAt", "must be after startsAt");
    }
    w.startsAt = s;
    w.endsAt = e;
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id.strip());
    } catch (DateTimeException e) {
      throw new Invalid("timeZone", "must be an IANA time zone such as Africa/Nairobi or UTC");
    }
  }

  private static String link(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      URI uri = URI.create(raw.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
        return uri.toString();
      }
    } catch (IllegalArgumentException e) {
      // fall through
    }
    throw new Invalid("onlineLink", "must be an http or https address");
  }

  private static Long facilitator(long paperId, Long accountId) {
    if (accountId == null) {
      return null;
    }
    if (PaperMember.of(paperId, accountId).isEmpty()) {
      throw new Invalid("facilitatorId", "must be a member of this paper");
    }
    return accountId;
  }

  private static void requireFreeName(long workshopId, String name, Long self) {
    BreakoutGroup same =
        BreakoutGroup.<BreakoutGroup>find(
                "workshopId = ?1 and lower(name) = lower(?2)", workshopId, name)
            .firstResult();
    if (same != null && !same.id.equals(self)) {
      throw new Conflict("This session already has a group called \"" + name + "\".");
    }
  }

  private static Workshop workshop(long paperId, long workshopId) {
    return Workshop.<Workshop>findByIdOptional(workshopId)
        .filter(w -> w.paperId == paperId)
        .orElseThrow(() -> new NotFound("workshop", String.valueOf(workshopId)));
  }

  private static BreakoutGroup group(long paperId, long workshopId, long groupId) {
    return BreakoutGroup.<BreakoutGroup>findByIdOptional(groupId)
        .filter(g -> g.paperId == paperId && g.workshopId == workshopId)
        .orElseThrow(() -> new NotFound("group", String.valueOf(groupId)));
  }

  private void lockPaper(long paperId) {
    papers.find(paperId, LockModeType.PESSIMISTIC_WRITE);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
