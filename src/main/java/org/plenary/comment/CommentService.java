package org.plenary.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.plenary.comment.CommentRecords.AnchorView;
import org.plenary.comment.CommentRecords.CommentView;
import org.plenary.comment.CommentRecords.CreateComment;
import org.plenary.comment.CommentRecords.Mentionable;
import org.plenary.comment.CommentRecords.ThreadView;
import org.plenary.comment.CommentRecords.VersionView;
import org.plenary.identity.Account;
import org.plenary.identity.Audiences;
import org.plenary.identity.AuthorView;
import org.plenary.identity.People;
import org.plenary.member.Memberships;
import org.plenary.notification.Notify;
import org.plenary.notification.Reason;
import org.plenary.platform.error.Conflict;
import org.plenary.platform.error.Forbidden;
import org.plenary.platform.error.Invalid;
import org.plenary.platform.error.NotFound;
import org.plenary.platform.events.EventLog;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.CurrentActor;
import org.plenary.platform.security.PaperRole;
import org.plenary.platform.security.PermissionService;
import org.plenary.section.Section;
import org.plenary.text.anchor.TextAnchor.Quote;

/**
 * Comments: threads anchored to a passage (or to a whole section), replies, editing with every
 * version kept, soft deletion, resolving, flagging and moderation. Who is named follows {@link
 * People}; editors and owners see hidden comments and flag counts, everyone else sees the editor's
 * reason in a hidden comment's place.
 */
@ApplicationScoped
public class CommentService {

  @Inject EventLog events;
  @Inject CurrentActor currentActor;
  @Inject PermissionService permissions;
  @Inject Audiences audiences;
  @Inject Mentions mentions;
  @Inject Anchors anchors;
  @Inject EntityManager em;
  @Inject Memberships memberships;

  /** Opens a thread on a section, on a passage of it when {@code request.anchor()} is given. */
  @Transactional
  public ThreadView startThread(long paperId, long sectionId, CreateComment request) {
    Actor me = currentActor.get();
    Section section = Section.ofPaper(paperId, sectionId, LockModeType.NONE);
    if (section.isDeleted()) {
      throw new Conflict("This section was deleted; restore it before commenting on it.");
    }
    Quote quote =
        request.anchor() == null
            ? null
            : anchors.select(sectionId, section.currentRevision, request.anchor());
    Map<Long, String> mentioned = mentions.resolve(paperId, request.body(), "body");
    Comment c = newComment(paperId, sectionId, me, request.body());
    if (quote != null) {
      c.anchorExact = quote.exact();
      c.anchorPrefix = quote.prefix();
      c.anchorSuffix = quote.suffix();
      c.anchorStart = quote.start();
      c.anchorRevision = request.anchor().revision();
    }
    c.persist();
    appendVersion(c);
    storeMentions(c, mentioned.keySet());
    Map<String, Object> payload = payload(c);
    payload.put("anchored", quote != null);
    events.record(
        paperId,
        "comment.created",
        "comment",
        c.id,
        Notify.of(Reason.MENTION, mentioned.keySet()).into(payload));
    return thread(paperId, c.id);
  }

  /** Replies in the thread of comment {@code commentId} (answering that comment). */
  @Transactional
  public ThreadView reply(long paperId, long commentId, String body) {
    Actor me = currentActor.get();
    Comment target = find(paperId, commentId);
    if (target.deletedAt != null || target.hiddenAt != null) {
      throw new Conflict(
          "This comment was "
              + (target.deletedAt != null ? "deleted by its author" : "hidden by an editor")
              + ", so it cannot be replied to. Reply elsewhere in the thread, or start a new one.");
    }
    Comment root = target.isThread() ? target : find(paperId, target.threadId);
    Section section = Section.ofPaper(paperId, root.sectionId, LockModeType.NONE);
    if (section.isDeleted()) {
      throw new Conflict("This section was deleted; restore it before commenting on it.");
    }
    Map<Long, String> mentioned = mentions.resolve(paperId, body, "body");
    Comment c = newComment(paperId, root.sectionId, me, body);
    c.threadId = root.id;
    c.replyTo = target.id;
    c.persist();
    appendVersion(c);
    storeMentions(c, mentioned.keySet());
    Set<Long> inThread = new LinkedHashSet<>();
    inThread.add(target.authorId);
    inThread.add(root.authorId);
    Comment.<Comment>list("threadId = ?1 and deletedAt is null", root.id)
        .forEach(r -> inThread.add(r.authorId));
    events.record(
        paperId,
        "comment.created",
        "comment",
        c.id,
        Notify.of(Reason.MENTION, mentioned.keySet()).and(Reason.REPLY, inThread).into(payload(c)));
    return thread(paperId, root.id);
  }

  /** The author changes their comment; the earlier text stays as a version. */
  @Transactional
  public ThreadView edit(long paperId, long commentId, String body) {
    Comment c = lock(paperId, commentId);
    requireAuthor(c, "edit");
    if (c.deletedAt != null) {
      throw new Conflict("This comment was deleted; it can no longer be edited.");
    }
    if (c.body.equals(body)) {
      return thread(paperId, c.thread());
    }
    Map<Long, String> mentioned = mentions.resolve(paperId, body, "body");
    Set<Long> before = mentionsOf(List.of(c.id)).getOrDefault(c.id, Set.of());
    Set<Long> added = new LinkedHashSet<>(mentioned.keySet());
    added.removeAll(before);
    c.body = body;
    c.currentVersion++;
    c.updatedAt = BaseEntity.now();
    appendVersion(c);
    storeMentions(c, added);
    Map<String, Object> payload = payload(c);
    payload.put("version", c.currentVersion);
    events.record(
        paperId, "comment.edited", "comment", c.id, Notify.of(Reason.MENTION, added).into(payload));
    return thread(paperId, c.thread());
  }

  /** The author deletes their comment: its text is kept but no longer shown. */
  @Transactional
  public ThreadView delete(long paperId, long commentId) {
    Comment c = lock(paperId, commentId);
    requireAuthor(c, "delete");
    if (c.deletedAt == null) {
      c.deletedAt = BaseEntity.now();
      c.updatedAt = c.deletedAt;
      events.record(paperId, "comment.deleted", "comment", c.id, payload(c));
    }
    return thread(paperId, c.thread());
  }

  /** Marks a thread resolved (editors and owners, and the thread's author). */
  @Transactional
  public ThreadView resolve(long paperId, long commentId, boolean resolved) {
    Actor me = currentActor.get();
    Comment c = lock(paperId, commentId);
    if (!c.isThread()) {
      throw new Conflict(
          "Only a thread can be resolved; this comment is a reply in thread " + c.threadId + ".");
    }
    if (!c.authorId.equals(me.accountId()) && !permissions.allows(me, Action.EDIT, paperId)) {
      throw new Forbidden(
          "Only the thread's author and the paper's editors and owners can resolve or reopen it.");
    }
    if (resolved != (c.resolvedAt != null)) {
      c.resolvedAt = resolved ? BaseEntity.now() : null;
      c.resolvedBy = resolved ? me.accountId() : null;
      c.updatedAt = BaseEntity.now();
      events.record(
          paperId, resolved ? "comment.resolved" : "comment.reopened", "comment", c.id, payload(c));
    }
    return thread(paperId, c.id);
  }

  /** Anyone who can read the paper may flag a comment for the editors, once. */
  @Transactional
  public ThreadView flag(long paperId, long commentId, String reason) {
    Actor me = currentActor.get();
    Comment c = find(paperId, commentId);
    int added =
        em.createNativeQuery(
                "INSERT INTO comment_flag (comment_id, account_id, reason, created_at)"
                    + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
            .setParameter(1, c.id)
            .setParameter(2, me.accountId())
            .setParameter(3, reason == null || reason.isBlank() ? null : reason.strip())
            .setParameter(4, BaseEntity.now())
            .executeUpdate();
    if (added > 0) {
      Map<String, Object> payload = payload(c);
      if (reason != null && !reason.isBlank()) {
        payload.put("reason", reason.strip());
      }
      events.record(
          paperId,
          "comment.flagged",
          "comment",
          c.id,
          Notify.of(Reason.COMMENT_FLAGGED, moderators(paperId)).into(payload));
    }
    return thread(paperId, c.thread());
  }

  /** An editor hides a comment from everyone but the editors, saying why; or shows it again. */
  @Transactional
  public ThreadView hide(long paperId, long commentId, String reason) {
    Comment c = lock(paperId, commentId);
    boolean hide = reason != null;
    if (hide != (c.hiddenAt != null) || (hide && !reason.strip().equals(c.hiddenReason))) {
      c.hiddenAt = hide ? BaseEntity.now() : null;
      c.hiddenBy = hide ? currentActor.get().accountId() : null;
      c.hiddenReason = hide ? reason.strip() : null;
      c.updatedAt = BaseEntity.now();
      Map<String, Object> payload = payload(c);
      if (hide) {
        payload.put("reason", c.hiddenReason);
      }
      events.record(paperId, hide ? "comment.hidden" : "comment.shown", "comment", c.id, payload);
    }
    return thread(paperId, c.thread());
  }

  // ---- Reading --------------------------------------------------------------------------------

  /** The threads of a paper (or of one section), in the order of the text. */
  @Transactional
  public List<ThreadView> threads(long paperId, Long sectionId, String status) {
    if (status != null && !List.of("open", "resolved", "all").contains(status)) {
      throw new Invalid("status", "must be open, resolved or all");
    }
    List<Comment> comments =
        sectionId == null
            ? Comment.list("paperId = ?1 order by id", paperId)
            : Comment.list("paperId = ?1 and sectionId = ?2 order by id", paperId, sectionId);
    if (sectionId != null && comments.isEmpty()) {
      Section.ofPaper(paperId, sectionId, LockModeType.NONE); // 404 for a section not here
    }
    List<ThreadView> threads = views(paperId, comments);
    return threads.stream()
        .filter(
            t ->
                status == null
                    || status.equals("all")
                    || (status.equals("resolved") == t.resolved()))
        .toList();
  }

  /** The thread that comment {@code commentId} belongs to. */
  @Transactional
  public ThreadView thread(long paperId, long commentId) {
    Comment c = find(paperId, commentId);
    long root = c.thread();
    List<Comment> comments = Comment.list("id = ?1 or threadId = ?1 order by id", root);
    return views(paperId, comments).get(0);
  }

  /** Every version of a comment's text (a hidden or deleted comment's only for editors). */
  @Transactional
  public List<VersionView> versions(long paperId, long commentId) {
    Comment c = find(paperId, commentId);
    if ((c.hiddenAt != null || c.deletedAt != null)
        && !c.authorId.equals(currentActor.get().accountId())
        && !permissions.allows(currentActor.get(), Action.EDIT, paperId)) {
      throw new Forbidden(
          "This comment was "
              + (c.deletedAt != null ? "deleted" : "hidden")
              + "; only its author and the paper's editors can read its text.");
    }
    return CommentVersion.of(c.id).stream()
        .map(v -> new VersionView(v.number, v.body, v.createdAt))
        .toList();
  }

  /** Threads with comments flagged and not yet hidden, for the editors. */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<ThreadView> flagged(long paperId) {
    List<Number> ids =
        em.createNativeQuery(
                "SELECT DISTINCT coalesce(c.thread_id, c.id) FROM comment c"
                    + " JOIN comment_flag f ON f.comment_id = c.id"
                    + " WHERE c.paper_id = ?1 AND c.hidden_at IS NULL AND c.deleted_at IS NULL")
            .setParameter(1, paperId)
            .getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Long> roots = ids.stream().map(Number::longValue).toList();
    List<Comment> comments = Comment.list("id in ?1 or threadId in ?1 order by id", roots);
    return views(paperId, comments);
  }

  @Transactional
  public List<Mentionable> mentionable(long paperId, String query) {
    return mentions.candidates(paperId, query);
  }

  // ---- Views ----------------------------------------------------------------------------------

  private List<ThreadView> views(long paperId, List<Comment> comments) {
    Actor me = currentActor.get();
    Optional<PaperRole> role = permissions.roleIn(paperId, me.accountId());
    People.Audience audience = audiences.of(me, paperId);
    boolean moderator = permissions.allows(me, Action.EDIT, paperId);
    List<Long> ids = comments.stream().map(c -> c.id).toList();
    Map<Long, Integer> flags = flagCounts(ids);
    Set<Long> flaggedByMe = flaggedBy(ids, me.accountId());
    Map<Long, Set<Long>> mentioned = mentionsOf(ids);
    Set<Long> people = new HashSet<>();
    comments.forEach(
        c -> {
          people.add(c.authorId);
          if (c.resolvedBy != null) {
            people.add(c.resolvedBy);
          }
        });
    mentioned.values().forEach(people::addAll);
    Map<Long, Account> accounts =
        people.isEmpty()
            ? Map.of()
            : Account.<Account>list("id in ?1", people).stream()
                .collect(Collectors.toMap(a -> a.id, a -> a));
    Map<Long, Integer> revisions = new HashMap<>();
    Map<Long, Integer> positions = new HashMap<>();
    comments.stream()
        .map(c -> c.sectionId)
        .distinct()
        .forEach(
            id ->
                Section.<Section>findByIdOptional(id)
                    .ifPresent(
                        s -> {
                          revisions.put(id, s.currentRevision);
                          positions.put(id, s.position);
                        }));

    Map<Long, List<CommentView>> replies = new LinkedHashMap<>();
    List<Comment> roots = new ArrayList<>();
    for (Comment c : comments) {
      if (c.isThread()) {
        roots.add(c);
      } else {
        replies
            .computeIfAbsent(c.threadId, k -> new ArrayList<>())
            .add(comment(c, me, audience, moderator, flags, flaggedByMe, mentioned, accounts));
      }
    }
    List<ThreadView> threads = new ArrayList<>();
    for (Comment root : roots) {
      AnchorView anchor = anchors.view(root, revisions.getOrDefault(root.sectionId, 1));
      threads.add(
          new ThreadView(
              root.id,
              root.paperId,
              root.sectionId,
              anchor,
              root.resolvedAt != null,
              root.resolvedAt,
              root.resolvedBy == null ? null : shown(accounts.get(root.resolvedBy), audience),
              comment(root, me, audience, moderator, flags, flaggedByMe, mentioned, accounts),
              replies.getOrDefault(root.id, List.of())));
    }
    threads.sort(
        Comparator.<ThreadView>comparingInt(t -> positions.getOrDefault(t.sectionId(), 0))
            .thenComparingInt(t -> order(t.anchor()))
            .thenComparingLong(ThreadView::id));
    return threads;
  }

  /** Section-wide threads first, then by where the passage is now, outdated ones last. */
  private static int order(AnchorView anchor) {
    return switch (anchor.status()) {
      case "SECTION" -> -1;
      case "OUTDATED" -> Integer.MAX_VALUE;
      default -> anchor.start();
    };
  }

  private CommentView comment(
      Comment c,
      Actor me,
      People.Audience audience,
      boolean moderator,
      Map<Long, Integer> flags,
      Set<Long> flaggedByMe,
      Map<Long, Set<Long>> mentioned,
      Map<Long, Account> accounts) {
    boolean mine = c.authorId.equals(me.accountId());
    String body = null;
    if (c.deletedAt == null && (c.hiddenAt == null || moderator || mine)) {
      body = guardMentions(c.body, mentioned.getOrDefault(c.id, Set.of()), accounts, audience);
    }
    return new CommentView(
        c.id,
        c.thread(),
        c.replyTo,
        shown(accounts.get(c.authorId), audience),
        body,
        c.currentVersion,
        c.currentVersion > 1,
        c.deletedAt != null,
        c.hiddenAt != null,
        c.hiddenReason,
        moderator ? flags.getOrDefault(c.id, 0) : null,
        flaggedByMe.contains(c.id),
        mine,
        c.createdAt,
        c.updatedAt);
  }

  /**
   * The Chatham House rule inside comment text: for readers outside the room, a mention of someone
   * who is not to be named reads "@participant".
   */
  private static String guardMentions(
      String body, Set<Long> mentioned, Map<Long, Account> accounts, People.Audience audience) {
    if (audience == People.Audience.IN_THE_ROOM || mentioned.isEmpty()) {
      return body;
    }
    Set<String> hidden = new HashSet<>();
    for (Long id : mentioned) {
      Account a = accounts.get(id);
      if (a != null && !People.present(a, audience).identified()) {
        hidden.add(a.handle.toLowerCase(java.util.Locale.ROOT));
      }
    }
    if (hidden.isEmpty()) {
      return body;
    }
    Matcher m = Mentions.MENTION.matcher(body);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String h = m.group(1).toLowerCase(java.util.Locale.ROOT);
      String bare = h.replaceAll("[._-]+$", "");
      String replacement =
          hidden.contains(h)
              ? "@participant"
              : hidden.contains(bare)
                  ? "@participant" + m.group(1).substring(bare.length())
                  : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static AuthorView shown(Account a, People.Audience audience) {
    return a == null ? null : AuthorView.of(People.present(a, audience));
  }

  // ---- Helpers --------------------------------------------------------------------------------

  private static Comment newComment(long paperId, long sectionId, Actor me, String body) {
    Comment c = new Comment();
    c.paperId = paperId;
    c.sectionId = sectionId;
    c.authorId = me.accountId();
    c.body = body;
    c.currentVersion = 1;
    c.createdAt = BaseEntity.now();
    c.updatedAt = c.createdAt;
    return c;
  }

  private static void appendVersion(Comment c) {
    CommentVersion v = new CommentVersion();
    v.commentId = c.id;
    v.number = c.currentVersion;
    v.body = c.body;
    v.createdAt = c.updatedAt;
    v.persist();
  }

  private void storeMentions(Comment c, Collection<Long> accountIds) {
    for (Long id : accountIds) {
      em.createNativeQuery(
              "INSERT INTO comment_mention (comment_id, account_id) VALUES (?1, ?2)"
                  + " ON CONFLICT DO NOTHING")
          .setParameter(1, c.id)
          .setParameter(2, id)
          .executeUpdate();
    }
  }

  private static Map<String, Object> payload(Comment c) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("sectionId", c.sectionId);
    payload.put("threadId", c.thread());
    if (c.replyTo != null) {
      payload.put("replyTo", c.replyTo);
    }
    payload.put("authorId", c.authorId);
    return payload;
  }

  private Comment find(long paperId, long commentId) {
    return Comment.<Comment>findByIdOptional(commentId)
        .filter(c -> c.paperId == paperId)
        .orElseThrow(() -> new NotFound("comment", String.valueOf(commentId)));
  }

  private Comment lock(long paperId, long commentId) {
    Comment c = find(paperId, commentId);
    em.lock(c, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(c);
    return c;
  }

  private void requireAuthor(Comment c, String what) {
    if (!c.authorId.equals(currentActor.get().accountId())) {
      throw new Forbidden("Only the comment's author can " + what + " it.");
    }
  }

  private List<Long> moderators(long paperId) {
    return memberships.holding(paperId, List.of(PaperRole.EDITOR, PaperRole.OWNER));
  }

  @SuppressWarnings("unchecked")
  private Map<Long, Integer> flagCounts(List<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT comment_id, count(*) FROM comment_flag WHERE comment_id = ANY(?1)"
                    + " GROUP BY comment_id")
            .setParameter(1, ids.toArray(new Long[0]))
            .getResultList();
    Map<Long, Integer> counts = new HashMap<>();
    rows.forEach(r -> counts.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue()));
    return counts;
  }

  @SuppressWarnings("unchecked")
  private Set<Long> flaggedBy(List<Long> ids, long accountId) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    List<Number> rows =
        em.createNativeQuery(
                "SELECT comment_id FROM comment_flag WHERE comment_id = ANY(?1)"
                    + " AND account_id = ?2")
            .setParameter(1, ids.toArray(new Long[0]))
            .setParameter(2, accountId)
            .getResultList();
    return rows.stream().map(Number::longValue).collect(Collectors.toSet());
  }

  @SuppressWarnings("unchecked")
  private Map<Long, Set<Long>> mentionsOf(List<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT comment_id, account_id FROM comment_mention WHERE comment_id = ANY(?1)")
            .setParameter(1, ids.toArray(new Long[0]))
            .getResultList();
    Map<Long, Set<Long>> byComment = new HashMap<>();
    rows.forEach(
        r ->
            byComment
                .computeIfAbsent(((Number) r[0]).longValue(), k -> new HashSet<>())
                .add(((Number) r[1]).longValue()));
    return byComment;
  }
}
