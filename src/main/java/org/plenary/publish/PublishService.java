package org.plenary.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.identity.Account;
import org.plenary.identity.Audiences;
import org.plenary.identity.AuthorView;
import org.plenary.identity.People;
import org.plenary.platform.config.PlenaryConfig;
import org.plenary.platform.crypto.Digests;
import org.plenary.platform.error.Gone;
import org.plenary.platform.error.Invalid;
import org.plenary.platform.error.NotFound;
import org.plenary.platform.events.EventLog;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.persistence.Rows;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.CurrentActor;
import org.plenary.platform.security.PermissionService;
import org.plenary.publish.EditionContent.SectionPart;
import org.plenary.publish.PublishRecords.ArtifactView;
import org.plenary.publish.PublishRecords.Changelog;
import org.plenary.publish.PublishRecords.CreateShareLink;
import org.plenary.publish.PublishRecords.EditionSection;
import org.plenary.publish.PublishRecords.EditionTally;
import org.plenary.publish.PublishRecords.EditionView;
import org.plenary.publish.PublishRecords.JobView;
import org.plenary.publish.PublishRecords.SectionChange;
import org.plenary.publish.PublishRecords.ShareLinkView;
import org.plenary.publish.PublishRecords.SharedEdition;
import org.plenary.text.TextDiff;
import org.plenary.text.TextModel;

/**
 * Editions: compile jobs, the immutable editions they produce, their files, publishing, the
 * changelog between two editions, and share links that give one edition to people without an
 * account.
 */
@ApplicationScoped
public class PublishService {

  /** The JSON an edition's content is stored and fingerprinted as: one spelling for one content. */
  static final ObjectMapper CANONICAL =
      new ObjectMapper()
          .findAndRegisterModules()
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
          .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);

  @Inject EventLog events;
  @Inject CurrentActor currentActor;
  @Inject PermissionService permissions;
  @Inject Audiences audiences;
  @Inject EntityManager em;
  @Inject PublishFonts fonts;
  @Inject PlenaryConfig config;

  // ---- Compile jobs ---------------------------------------------------------------------------

  /** Queues a compile of the paper as it stands; the answer is the job to follow. */
  @Transactional
  public JobView requestCompile(long paperId) {
    Actor me = currentActor.get();
    Number id =
        (Number)
            em.createNativeQuery(
                    "INSERT INTO compile_job (paper_id, requested_by, state, stage, percent,"
                        + " created_at) VALUES (?1, ?2, 'QUEUED', 'queued', 0, ?3) RETURNING id")
                .setParameter(1, paperId)
                .setParameter(2, me.accountId())
                .setParameter(3, BaseEntity.now())
                .getSingleResult();
    events.record(paperId, "edition.compile-requested", "compile_job", id.longValue(), Map.of());
    return job(paperId, id.longValue());
  }

  @Transactional
  @SuppressWarnings("unchecked")
  public JobView job(long paperId, long jobId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT j.id, j.paper_id, j.state, j.stage, j.percent, e.number, j.error,"
                    + " j.created_at, j.finished_at FROM compile_job j"
                    + " LEFT JOIN edition e ON e.id = j.edition_id"
                    + " WHERE j.id = ?1 AND j.paper_id = ?2")
            .setParameter(1, jobId)
            .setParameter(2, paperId)
            .getResultList();
    if (rows.isEmpty()) {
      throw new NotFound("compile job", String.valueOf(jobId));
    }
    Object[] r = rows.get(0);
    return new JobView(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        (String) r[2],
        (String) r[3],
        ((Number) r[4]).intValue(),
        r[5] == null ? null : ((Number) r[5]).intValue(),
        (String) r[6],
        Rows.instant(r[7]),
        Rows.instant(r[8]));
  }

  // ---- Editions -------------------------------------------------------------------------------

  /** Renders every file of an edition from its content; the same content gives the same bytes. */
  Map<Format, byte[]> render(EditionContent content, String json, int number, Instant at) {
    Map<Format, byte[]> files = new LinkedHashMap<>();
    files.put(Format.WHITE_PAPER_PDF, new WhitePaperPdf(fonts, content, number, at).render());
    files.put(Format.SUBMISSION_PDF, new SubmissionPdf(fonts, content, number, at).render());
    files.put(Format.HTML, HtmlExport.render(content, number, at));
    files.put(Format.DOCX, DocxExport.render(content, number, at));
    files.put(Format.MARKDOWN, MarkdownBundle.render(content, number, json));
    return files;
  }

  /** Renders one file of a stored edition again (to check that renders repeat exactly). */
  @Transactional
  public byte[] renderAgain(long paperId, int number, Format format) {
    Edition e = edition(paperId, number);
    EditionContent content = read(e.content);
    String json = json(content); // PostgreSQL keeps jsonb in its own key order: spell it ours
    return switch (format) {
      case WHITE_PAPER_PDF -> new WhitePaperPdf(fonts, content, number, e.createdAt).render();
      case SUBMISSION_PDF -> new SubmissionPdf(fonts, content, number, e.createdAt).render();
      case HTML -> HtmlExport.render(content, number, e.createdAt);
      case DOCX -> DocxExport.render(content, number, e.createdAt);
      case MARKDOWN -> MarkdownBundle.render(content, number, json);
    };
  }

  static String json(EditionContent content) {
    try {
      return CANONICAL.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write an edition's content", e);
    }
  }

  static EditionContent read(String json) {
    try {
      return CANONICAL.readValue(json, EditionContent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read an edition's content", e);
    }
  }

  /** The fingerprint of an edition's content: equal for equal content, whenever compiled. */
  static String fingerprint(String json) {
    return Digests.sha256Hex(json);
  }

  @Transactional
  public List<EditionView> editions(long paperId) {
    List<Edition> all = Edition.list("paperId = ?1 order by number desc", paperId);
    return all.stream().map(this::view).toList();
  }

  @Transactional
  public EditionView get(long paperId, int number) {
    return view(edition(paperId, number));
  }

  /** A file of an edition. */
  public record Artifact(String filename, String mediaType, String sha256, byte[] body) {}

  @Transactional
  public Artifact artifact(long paperId, int number, String formatName) {
    Edition e = edition(paperId, number);
    return artifactOf(e, formatName);
  }

  @SuppressWarnings("unchecked")
  private Artifact artifactOf(Edition e, String formatName) {
    Format format = Format.parse(formatName);
    if (format == null) {
      throw new Invalid(
          "format", "must be one of white-paper-pdf, submission-pdf, html, docx, markdown");
    }
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT filename, media_type, sha256, body FROM edition_artifact"
                    + " WHERE edition_id = ?1 AND format = ?2")
            .setParameter(1, e.id)
            .setParameter(2, format.name())
            .getResultList();
    if (rows.isEmpty()) {
      throw new NotFound("file", formatName + " of edition " + e.number);
    }
    Object[] r = rows.get(0);
    return new Artifact((String) r[0], (String) r[1], (String) r[2], (byte[]) r[3]);
  }

  /** Marks an edition as the published one (it stays as it is; the paper is not locked). */
  @Transactional
  public EditionView publish(long paperId, int number) {
    Edition e = edition(paperId, number);
    if (e.status == Edition.Status.PUBLISHED) {
      return view(e);
    }
    e.status = Edition.Status.PUBLISHED;
    e.publishedAt = BaseEntity.now();
    e.publishedBy = currentActor.get().accountId();
    events.record(paperId, "edition.published", "edition", e.id, Map.of("number", e.number));
    return view(e);
  }

  /** What changed from edition {@code from} to edition {@code number}: sections and words. */
  @Transactional
  public Changelog changes(long paperId, int number, Integer from) {
    if (from == null) {
      throw new Invalid("from", "is required: the number of the earlier edition");
    }
    EditionContent older = read(edition(paperId, from).content);
    EditionContent newer = read(edition(paperId, number).content);
    Map<Long, SectionPart> before = new LinkedHashMap<>();
    older.sections().forEach(s -> before.put(s.id(), s));
    List<SectionChange> changes = new ArrayList<>();
    int added = 0;
    int removed = 0;
    int changed = 0;
    int wordsAdded = 0;
    int wordsRemoved = 0;
    for (SectionPart s : newer.sections()) {
      SectionPart old = before.remove(s.id());
      if (old == null) {
        int words = TextModel.wordCount(s.body());
        changes.add(new SectionChange(s.id(), s.heading(), "ADDED", null, s.revision(), words, 0));
        added++;
        wordsAdded += words;
      } else if (!old.sha256().equals(s.sha256()) || !old.heading().equals(s.heading())) {
        TextDiff.Stats stats = TextDiff.diff(old.body(), s.body()).stats();
        changes.add(
            new SectionChange(
                s.id(),
                s.heading(),
                "CHANGED",
                old.revision(),
                s.revision(),
                stats.wordsInserted(),
                stats.wordsDeleted()));
        changed++;
        wordsAdded += stats.wordsInserted();
        wordsRemoved += stats.wordsDeleted();
      }
    }
    for (SectionPart s : before.values()) {
      int words = TextModel.wordCount(s.body());
      changes.add(new SectionChange(s.id(), s.heading(), "REMOVED", s.revision(), null, 0, words));
      removed++;
      wordsRemoved += words;
    }
    return new Changelog(from, number, added, removed, changed, wordsAdded, wordsRemoved, changes);
  }

  // ---- Share links ----------------------------------------------------------------------------

  @Transactional
  public ShareLinkView share(long paperId, int number, CreateShareLink request) {
    Edition e = edition(paperId, number);
    Instant expires = request == null ? null : request.expiresAt();
    if (expires != null && !expires.isAfter(Instant.now())) {
      throw new Invalid("expiresAt", "must be in the future");
    }
    String token = "pls_" + Digests.newSecret(32);
    Number id =
        (Number)
            em.createNativeQuery(
                    "INSERT INTO share_link (edition_id, token_sha256, label, created_by,"
                        + " created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id")
                .setParameter(1, e.id)
                .setParameter(2, Digests.sha256Hex(token))
                .setParameter(3, request == null ? null : blankToNull(request.label()))
                .setParameter(4, currentActor.get().accountId())
                .setParameter(5, BaseEntity.now())
                .setParameter(6, expires)
                .getSingleResult();
    events.record(
        paperId, "share-link.created", "share_link", id.longValue(), Map.of("edition", number));
    ShareLinkView created = links(paperId, id.longValue()).get(0);
    return new ShareLinkView(
        created.id(),
        created.edition(),
        created.label(),
        config.publicUrl().replaceAll("/+$", "") + "/api/shared/" + token,
        created.createdAt(),
        created.expiresAt(),
        created.revokedAt(),
        created.downloads(),
        created.lastDownloadAt());
  }

  @Transactional
  public List<ShareLinkView> links(long paperId) {
    return links(paperId, null);
  }

  @Transactional
  public void revoke(long paperId, long linkId) {
    int n =
        em.createNativeQuery(
                "UPDATE share_link l SET revoked_at = coalesce(l.revoked_at, ?3) FROM edition e"
                    + " WHERE l.id = ?1 AND e.id = l.edition_id AND e.paper_id = ?2")
            .setParameter(1, linkId)
            .setParameter(2, paperId)
            .setParameter(3, BaseEntity.now())
            .executeUpdate();
    if (n == 0) {
      throw new NotFound("share link", String.valueOf(linkId));
    }
    events.record(paperId, "share-link.revoked", "share_link", linkId, Map.of());
  }

  /** What a share link opens (410 when revoked or expired, 404 when unknown). */
  @Transactional
  public SharedEdition shared(String token) {
    Edition e = sharedEdition(token);
    EditionContent content = read(e.content);
    return new SharedEdition(
        content.paper().title(),
        content.paper().subtitle(),
        e.number,
        e.createdAt,
        e.fingerprint,
        artifacts(e, "/api/shared/" + token + "/"));
  }

  /** A file through a share link; each download is counted. */
  @Transactional
  public Artifact sharedArtifact(String token, String format) {
    Edition e = sharedEdition(token);
    Artifact a = artifactOf(e, format);
    em.createNativeQuery(
            "UPDATE share_link SET downloads = downloads + 1, last_download_at = ?2"
                + " WHERE token_sha256 = ?1")
        .setParameter(1, Digests.sha256Hex(token))
        .setParameter(2, BaseEntity.now())
        .executeUpdate();
    return a;
  }

  @SuppressWarnings("unchecked")
  private Edition sharedEdition(String token) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT edition_id, revoked_at, expires_at FROM share_link WHERE token_sha256 = ?1")
            .setParameter(1, Digests.sha256Hex(token == null ? "" : token))
            .getResultList();
    if (rows.isEmpty()) {
      throw new NotFound("This share link does not exist. Ask whoever sent it for a new one.");
    }
    Object[] r = rows.get(0);
    if (r[1] != null) {
      throw new Gone("This share link was withdrawn. Ask whoever sent it for a new one.");
    }
    Instant expires = Rows.instant(r[2]);
    if (expires != null && !expires.isAfter(Instant.now())) {
      throw new Gone("This share link expired. Ask whoever sent it for a new one.");
    }
    return Edition.findById(((Number) r[0]).longValue());
  }

  @SuppressWarnings("unchecked")
  private List<ShareLinkView> links(long paperId, Long id) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT l.id, e.number, l.label, l.created_at, l.expires_at, l.revoked_at,"
                    + " l.downloads, l.last_download_at FROM share_link l"
                    + " JOIN edition e ON e.id = l.edition_id WHERE e.paper_id = ?1"
                    + " AND (?2 = 0 OR l.id = ?2) ORDER BY l.id DESC")
            .setParameter(1, paperId)
            .setParameter(2, id == null ? 0L : id)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new ShareLinkView(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).intValue(),
                    (String) r[2],
                    null,
                    Rows.instant(r[3]),
                    Rows.instant(r[4]),
                    Rows.instant(r[5]),
                    ((Number) r[6]).intValue(),
                    Rows.instant(r[7])))
        .toList();
  }

  // ---- Helpers --------------------------------------------------------------------------------

  private static Edition edition(long paperId, int number) {
    return Edition.of(paperId, number)
        .orElseThrow(() -> new NotFound("edition", number + " of paper " + paperId));
  }

  private EditionView view(Edition e) {
    EditionContent content = read(e.content);
    Actor me = currentActor.get();
    People.Audience audience = audiences.of(me, e.paperId);
    Account by = Account.findById(e.createdBy);
    List<EditionSection> sections =
        content.sections().stream()
            .map(
                s ->
                    new EditionSection(
                        s.id(),
                        s.heading(),
                        s.kind(),
                        s.proposalNumber(),
                        s.revision(),
                        TextModel.wordCount(s.body())))
            .toList();
    List<EditionTally> tallies = new ArrayList<>();
    if (content.paperEndorsements() != null) {
      tallies.add(
          new EditionTally(
              null, null, content.paper().title(), content.paperEndorsements().tally()));
    }
    content
        .proposalEndorsements()
        .forEach(
            p ->
                tallies.add(
                    new EditionTally(p.sectionId(), p.proposalNumber(), p.heading(), p.tally())));
    return new EditionView(
        e.id,
        e.paperId,
        e.number,
        e.status.name(),
        e.fingerprint,
        by == null ? null : AuthorView.of(People.present(by, audience)),
        e.createdAt,
        e.publishedAt,
        sections,
        tallies,
        artifacts(e, "/api/papers/" + e.paperId + "/editions/" + e.number + "/files/"));
  }

  @SuppressWarnings("unchecked")
  private List<ArtifactView> artifacts(Edition e, String base) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT format, media_type, filename, sha256, size FROM edition_artifact"
                    + " WHERE edition_id = ?1 ORDER BY created_at, format")
            .setParameter(1, e.id)
            .getResultList();
    Map<String, ArtifactView> byFormat = new HashMap<>();
    for (Object[] r : rows) {
      String format = (String) r[0];
      byFormat.put(
          format,
          new ArtifactView(
              format,
              (String) r[1],
              (String) r[2],
              (String) r[3],
              ((Number) r[4]).longValue(),
              base + format.toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
    }
    List<ArtifactView> ordered = new ArrayList<>();
    for (Format f : Format.values()) {
      if (byFormat.containsKey(f.name())) {
        ordered.add(byFormat.get(f.name()));
      }
    }
    return ordered;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
