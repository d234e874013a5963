package org.plenary.render;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import java.util.List;
import org.plenary.paper.Paper;
import org.plenary.paper.PaperService;
import org.plenary.platform.config.PlenaryConfig;
import org.plenary.platform.error.NotFound;
import org.plenary.platform.events.PaperChanges;
import org.plenary.platform.http.JsonSnapshot;
import org.plenary.platform.http.JsonSnapshots;
import org.plenary.platform.persistence.ReadOnly;
import org.plenary.revision.Revision;
import org.plenary.revision.RevisionService;
import org.plenary.section.ETags;
import org.plenary.section.SectionKind;

/**
 * Section and whole-paper HTML. A revision never changes, so its HTML is cached by revision id (per
 * instance, bounded by memory); only the lookup of a section's current revision touches the
 * database on a hit.
 */
@ApplicationScoped
public class RenderService {

  private final MarkdownRenderer renderer;
  private final Cache<Long, String> byRevision;

  @Inject PaperService papers;
  @Inject PaperChanges changes;
  @Inject JsonSnapshots json;

  @Inject
  public RenderService(MarkdownRenderer renderer, PlenaryConfig config) {
    this.renderer = renderer;
    this.byRevision =
        Caffeine.newBuilder()
            .maximumWeight(config.render().cacheMegabytes() * 1024L * 1024L)
            .weigher((Long id, String html) -> 64 + 2 * html.length())
            .build();
  }

  /** A section rendered at one revision. */
  public record RenderedSection(
      long sectionId, String heading, SectionKind kind, int revision, String etag, String html) {}

  /** A whole paper rendered: its current sections in outline order. */
  public record RenderedPaper(
      long paperId,
      String title,
      String subtitle,
      String language,
      List<RenderedSection> sections) {}

  /** Rendered Markdown that is not stored (a preview): rendered exactly like saved text. */
  public record Preview(String html) {}

  /** {@link #section} as JSON, served from memory until the paper next changes. */
  @ReadOnly
  public JsonSnapshot sectionJson(long paperId, long sectionId) {
    return changes.cached(paperId, "html:" + sectionId, () -> json.of(section(paperId, sectionId)));
  }

  /** {@link #paper} as JSON, served from memory until the paper next changes. */
  @ReadOnly
  public JsonSnapshot paperJson(long paperId) {
    return changes.cached(paperId, "html", () -> json.of(paper(paperId)));
  }

  @ReadOnly
  public RenderedSection section(long paperId, long sectionId) {
    List<Tuple> rows =
        Revision.getEntityManager()
            .createQuery(
                "select s.id as sid, s.heading as heading, s.kind as kind, r.id as rid,"
                    + " r.number as number from Section s, Revision r"
                    + " where s.id = :section and s.paperId = :paper"
                    + " and r.sectionId = s.id and r.number = s.currentRevision",
                Tuple.class)
            .setParameter("section", sectionId)
            .setParameter("paper", paperId)
            .getResultList();
    if (rows.isEmpty()) {
      throw new NotFound("section", sectionId + " in paper " + paperId);
    }
    Tuple row = rows.get(0);
    long revisionId = row.get("rid", Long.class);
    String html =
        byRevision.get(revisionId, id -> renderer.render(Revision.<Revision>findById(id).body));
    return rendered(row, html);
  }

  @ReadOnly
  public RenderedPaper paper(long paperId) {
    Paper paper = papers.find(paperId);
    List<Tuple> rows =
        Revision.getEntityManager()
            .createQuery(
                "select s.id as sid, s.heading as heading, s.kind as kind, r.id as rid,"
                    + " r.number as number from Section s, Revision r"
                    + " where s.paperId = :paper and s.deletedAt is null"
                    + " and r.sectionId = s.id and r.number = s.currentRevision"
                    + " order by s.position, s.id",
                Tuple.class)
            .setParameter("paper", paperId)
            .getResultList();
    // Bodies are read only for revisions whose HTML is not cached yet.
    List<RenderedSection> sections =
        rows.stream()
            .map(
                row ->
                    rendered(
                        row,
                        byRevision.get(
                            row.get("rid", Long.class),
                            id -> renderer.render(Revision.<Revision>findById(id).body))))
            .toList();
    return new RenderedPaper(paper.id, paper.title, paper.subtitle, paper.language, sections);
  }

  public Preview preview(String markdown) {
    return new Preview(renderer.render(RevisionService.checkedBody(markdown)));
  }

  private static RenderedSection rendered(Tuple row, String html) {
    long sectionId = row.get("sid", Long.class);
    int number = row.get("number", Integer.class);
    return new RenderedSection(
        sectionId,
        row.get("heading", String.class),
        row.get("kind", SectionKind.class),
        number,
        ETags.of(sectionId, number),
        html);
  }
}
