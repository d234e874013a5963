package org.plenary.paper;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.plenary.paper.PaperRecords.ChangeStatus;
import org.plenary.paper.PaperRecords.CreatePaper;
import org.plenary.paper.PaperRecords.PaperView;
import org.plenary.paper.PaperRecords.UpdatePaper;
import org.plenary.platform.api.PageOf;
import org.plenary.platform.api.Paging;
import org.plenary.platform.error.Conflict;
import org.plenary.platform.error.Invalid;
import org.plenary.platform.error.NotFound;
import org.plenary.platform.events.EventLog;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.persistence.ReadOnly;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.CurrentActor;
import org.plenary.platform.security.PermissionService;

/**
 * Papers: creation, metadata, status (drafting, review, frozen) and archiving.
 *
 * <p>A slug is unique among the papers one person can read, not across the platform. A taken slug
 * answers 409 (and a slug made from a title gets a counter) only for someone who can read the paper
 * that holds it: to anyone else a paper they cannot read does not exist, and trying addresses must
 * not tell them otherwise. So two papers may share a slug when no one chose it seeing the other;
 * {@link #getBySlug} then answers with the oldest the caller can read.
 */
@ApplicationScoped
public class PaperService {

  @Inject EventLog events;
  @Inject CurrentActor actor;
  @Inject PermissionService permissions;
  @Inject jakarta.enterprise.event.Event<PaperCreated> created;
  @Inject jakarta.enterprise.event.Event<PaperFrozenChange> frozenChanges;
  @Inject jakarta.enterprise.event.Event<PaperFreezing> freezing;

  /** Fired inside the creating transaction (membership makes the creator the paper's owner). */
  public record PaperCreated(long paperId, long createdBy) {}

  /**
   * Fired inside the transaction just before a paper is frozen: its row is locked and its status
   * not changed yet, so what must be in the frozen text can still be written (co-editors' typing is
   * checkpointed as revisions).
   */
  public record PaperFreezing(long paperId) {}

  /** Fired inside the transaction when a paper is frozen or reopened (sections fix numbers). */
  public record PaperFrozenChange(long paperId, boolean frozen) {}

  @Transactional
  public PaperView create(CreatePaper request) {
    Paper paper = new Paper();
    paper.title = request.title().strip();
    paper.subtitle = blankToNull(request.subtitle());
    paper.summary = blankToNull(request.summary());
    paper.language = languageTag(request.language());
    paper.status = PaperStatus.DRAFTING;
    paper.createdBy = actor.get().accountId();
    if (request.slug() != null) {
      requireFreeSlug(request.slug(), null);
      paper.slug = request.slug();
    } else {
      paper.slug = freeSlugFrom(paper.title);
    }
    paper.createdAt = BaseEntity.now();
    paper.updatedAt = paper.createdAt;
    paper.persist();
    created.fire(new PaperCreated(paper.id, paper.createdBy));
    events.record(
        paper.id,
        "paper.created",
        "paper",
        paper.id,
        Map.of("slug", paper.slug, "title", paper.title));
    return view(paper);
  }

  /**
   * The papers the caller is a member of (a platform administrator may ask for every paper with
   * {@code all}).
   */
  @Transactional
  public PageOf<PaperView> list(Paging paging, boolean includeArchived, boolean all) {
    Actor me = actor.get();
    boolean everything = all && me.platformAdmin();
    String where =
        (includeArchived ? "1 = 1" : "archivedAt is null")
            + (everything
                ? ""
                : " and id in (select m.paperId from PaperMember m where m.accountId = ?1)");
    var query =
        everything
            ? Paper.<Paper>find(where, Sort.descending("updatedAt", "id"))
            : Paper.<Paper>find(where, Sort.descending("updatedAt", "id"), me.accountId());
    var items =
        query.page(Page.of(paging.page(), paging.size())).list().stream().map(this::view).toList();
    return new PageOf<>(items, paging.page(), paging.size(), query.count());
  }

  @ReadOnly
  public PaperView get(long id) {
    return view(find(id));
  }

  @ReadOnly
  public PaperView getBySlug(String slug) {
    List<Paper> withSlug = Paper.withSlug(slug);
    Paper paper =
        readable(withSlug, null)
            .or(() -> withSlug.stream().findFirst())
            .orElseThrow(() -> new NotFound("paper", slug));
    try {
      // Records an administrator's access, or the refusal of someone who can read none of them.
      permissions.require(actor.get(), Action.READ_PAPER, paper.id, null);
    } catch (NotFound e) {
      throw new NotFound("paper", slug); // the same answer as for a slug nobody uses
    }
    return view(paper);
  }

  @Transactional
  public PaperView update(long id, UpdatePaper request) {
    Paper paper = find(id);
    paper.requireEditable("change its title, summary or other details");
    Map<String, Object> changed = new LinkedHashMap<>();
    if (request.title() != null && !request.title().isBlank()) {
      changed.put("title", paper.title = request.title().strip());
    } else if (request.title() != null) {
      throw new Invalid("title", "must not be blank");
    }
    if (request.subtitle() != null) {
      paper.subtitle = blankToNull(request.subtitle());
      changed.put("subtitle", Objects.requireNonNullElse(paper.subtitle, ""));
    }
    if (request.summary() != null) {
      paper.summary = blankToNull(request.summary());
      changed.put("summary", Objects.requireNonNullElse(paper.summary, ""));
    }
    if (request.language() != null) {
      changed.put("language", paper.language = languageTag(request.language()));
    }
    if (request.initiative() != null) {
      paper.initiative = blankToNull(request.initiative());
      changed.put("initiative", Objects.requireNonNullElse(paper.initiative, ""));
    }
    if (request.keywords() != null) {
      paper.keywords =
          new java.util.ArrayList<>(
              request.keywords().stream().map(String::strip).distinct().toList());
      changed.put("keywords", paper.keywords);
    }
    if (request.signatories() != null) {
      paper.signatories =
          new java.util.ArrayList<>(
              request.signatories().stream()
                  .map(
                      s ->
                          new Paper.Signatory(
                              s.name().strip(),
                              blankToNull(s.title()),
                              blankToNull(s.organisation())))
                  .toList());
      changed.put("signatories", paper.signatories.size());
    }
    if (request.slug() != null && !request.slug().equals(paper.slug)) {
      requireFreeSlug(request.slug(), paper.id);
      changed.put("slug", paper.slug = request.slug());
    }
    if (!changed.isEmpty()) {
      paper.updatedAt = BaseEntity.now();
      events.record(paper.id, "paper.updated", "paper", paper.id, changed);
    }
    return view(paper);
  }

  @Transactional
  public PaperView changeStatus(long id, ChangeStatus request) {
    // Outline changes lock the paper row too, so none runs alongside a freeze; saves are held
    // off by the section locks the freeze takes (SectionService.onFrozenChange).
    Paper paper = find(id, LockModeType.PESSIMISTIC_WRITE);
    PaperStatus from = paper.status;
    if (from == request.status()) {
      return view(paper);
    }
    if (request.status() == PaperStatus.FROZEN) {
      freezing.fire(new PaperFreezing(paper.id));
    }
    paper.status = request.status();
    paper.updatedAt = BaseEntity.now();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("from", from.name());
    payload.put("to", request.status().name());
    if (request.reason() != null && !request.reason().isBlank()) {
      payload.put("reason", request.reason().strip());
    }
    String type = from == PaperStatus.FROZEN ? "paper.reopened" : "paper.status-changed";
    events.record(paper.id, type, "paper", paper.id, payload);
    if (from == PaperStatus.FROZEN || request.status() == PaperStatus.FROZEN) {
      frozenChanges.fire(new PaperFrozenChange(paper.id, paper.isFrozen()));
    }
    return view(paper);
  }

  @Transactional
  public PaperView archive(long id, boolean archived) {
    Paper paper = find(id);
    if ((paper.archivedAt != null) == archived) {
      return view(paper);
    }
    paper.archivedAt = archived ? BaseEntity.now() : null;
    paper.updatedAt = BaseEntity.now();
    events.record(
        paper.id, archived ? "paper.archived" : "paper.unarchived", "paper", paper.id, Map.of());
    return view(paper);
  }

  /** The paper, or 404. */
  public Paper find(long id) {
    return Paper.<Paper>findByIdOptional(id).orElseThrow(() -> new NotFound("paper", id));
  }

  /** The paper, locked as asked, or 404. */
  public Paper find(long id, LockModeType lock) {
    return Paper.<Paper>findByIdOptional(id, lock).orElseThrow(() -> new NotFound("paper", id));
  }

  /** 409 when the caller can read another paper with this slug (see the class comment). */
  private void requireFreeSlug(String slug, Long except) {
    if (readable(Paper.withSlug(slug), except).isPresent()) {
      throw new Conflict("The address '" + slug + "' is already used by another paper.");
    }
  }

  /** The oldest of these papers, other than {@code except}, that the caller can read. */
  private Optional<Paper> readable(List<Paper> papers, Long except) {
    Actor me = actor.get();
    return papers.stream()
        .filter(p -> !p.id.equals(except))
        .filter(p -> permissions.allows(me, Action.READ_PAPER, p.id))
        .findFirst();
  }

  /**
   * A URL-safe slug from the title, made unique (among the papers the caller can read) with a
   * counter; scripts without Latin letters fall back to a random one.
   */
  private String freeSlugFrom(String title) {
    String base = slugify(title);
    if (base.length() < 2) {
      base = "paper-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 30), 36);
    }
    String candidate = base;
    for (int n = 2; readable(Paper.withSlug(candidate), null).isPresent(); n++) {
      candidate = base + "-" + n;
    }
    return candidate;
  }

  static String slugify(String title) {
    String ascii =
        Normalizer.normalize(title, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    if (ascii.length() > 70) {
      ascii = ascii.substring(0, 70).replaceAll("-+$", "");
    }
    return ascii;
  }

  /** A well-formed BCP 47 tag in its canonical case, or a clear 422 naming the field. */
  static String languageTag(String raw) {
    try {
      Locale locale = new Locale.Builder().setLanguageTag(raw.strip()).build();
      String tag = locale.toLanguageTag();
      if (tag.equals("und") || locale.getLanguage().isEmpty()) {
        throw new Invalid("language", "must name a language, e.g. en, fr or ar");
      }
      return tag;
    } catch (IllformedLocaleException e) {
      throw new Invalid(
          "language", "'" + raw + "' is not a BCP 47 language tag (e.g. en, fr-CA, zh-Hans, ar)");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The paper with the caller's role in it (null for a platform administrator who is none). */
  private PaperView view(Paper paper) {
    return PaperView.of(paper, permissions.roleIn(paper.id, actor.get().accountId()).orElse(null));
  }
}
