package org.plenary.publish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.plenary.identity.Account;
import org.plenary.identity.AuthService;
import org.plenary.platform.config.PlenaryConfig;
import org.plenary.platform.crypto.Digests;
import org.plenary.platform.events.EventLog;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.security.CurrentActor;

/**
 * Runs compile jobs. Any instance takes the oldest waiting job ({@code FOR UPDATE SKIP LOCKED}, so
 * two instances never take the same one) and reports its stage and percentage as it goes; a job
 * whose instance stopped reporting for two minutes is taken again. Each compile numbers its edition
 * under a lock on the paper, so two compiles of one paper at once make two editions and corrupt
 * nothing.
 */
@ApplicationScoped
public class CompileWorker {

  private static final Logger LOG = Logger.getLogger(CompileWorker.class);

  @Inject EntityManager em;
  @Inject ContentCollector collector;
  @Inject PublishService publish;
  @Inject EventLog events;
  @Inject CurrentActor currentActor;
  @Inject PlenaryConfig config;
  @Inject PublishFonts fonts;

  private volatile ExecutorService pool;
  private volatile Semaphore slots;
  private final AtomicInteger running = new AtomicInteger();

  /** Compile jobs this instance is running now (see {@link CompileMetrics}). */
  public int running() {
    return running.get();
  }

  /** Looks for waiting jobs now (after a compile is requested) rather than at the next tick. */
  public void kick() {
    executor().submit(this::drain);
  }

  @Scheduled(every = "2s", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    drain();
  }

  void onStop(@Observes ShutdownEvent stop) {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private ExecutorService executor() {
    if (pool == null) {
      synchronized (this) {
        if (pool == null) {
          int n = Math.max(1, config.publish().workers());
          slots = new Semaphore(n);
          pool = Executors.newFixedThreadPool(n + 1, r -> new Thread(r, "plenary-compile"));
        }
      }
    }
    return pool;
  }

  private void drain() {
    executor();
    while (slots.tryAcquire()) {
      Long job;
      try {
        job = QuarkusTransaction.requiringNew().call(this::claim);
      } catch (RuntimeException e) {
        slots.release();
        LOG.warnf("Could not look for compile jobs: %s", e.getMessage());
        return;
      }
      if (job == null) {
        slots.release();
        return;
      }
      pool.submit(
          () -> {
            running.incrementAndGet();
            try {
              run(job);
            } finally {
              running.decrementAndGet();
              slots.release();
            }
          });
    }
  }

  @SuppressWarnings("unchecked")
  private Long claim() {
    List<Number> ids =
        em.createNativeQuery(
                "UPDATE compile_job SET state = 'RUNNING', stage = 'starting', percent = 1,"
                    + " started_at = ?1, heartbeat_at = ?1, attempts = attempts + 1"
                    + " WHERE id = (SELECT id FROM compile_job WHERE state = 'QUEUED'"
                    + " OR (state = 'RUNNING' AND heartbeat_at < ?2)"
                    + " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id")
            .setParameter(1, BaseEntity.now())
            .setParameter(2, Instant.now().minusSeconds(120))
            .getResultList();
    return ids.isEmpty() ? null : ids.get(0).longValue();
  }

  private void progress(long job, String stage, int percent) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE compile_job SET stage = ?2, percent = ?3, heartbeat_at = ?4"
                            + " WHERE id = ?1 AND state = 'RUNNING'")
                    .setParameter(1, job)
                    .setParameter(2, stage)
                    .setParameter(3, percent)
                    .setParameter(4, BaseEntity.now())
                    .executeUpdate());
  }

  private record Claimed(long paperId, long requestedBy) {}

  @SuppressWarnings("unchecked")
  private void run(long job) {
    try {
      Claimed claimed =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    Object[] r =
                        (Object[])
                            em.createNativeQuery(
                                    "SELECT paper_id, requested_by FROM compile_job WHERE id = ?1")
                                .setParameter(1, job)
                                .getSingleResult();
                    return new Claimed(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
                  });
      Account requester =
          QuarkusTransaction.requiringNew().call(() -> Account.findById(claimed.requestedBy()));
      var actor = AuthService.actorOf(requester);
      progress(job, "collecting the text and endorsements", 5);
      Instant collectedAt = BaseEntity.now();
      EditionContent content =
          currentActor.runAs(actor, () -> collector.collect(claimed.paperId()));
      String json = PublishService.json(content);
      Instant at = BaseEntity.now();
      int number = nextNumber(claimed.paperId());
      progress(job, "setting the white paper", 15);
      byte[] white = new WhitePaperPdf(fonts, content, number, at).render();
      progress(job, "setting the submission to the Secretary-General", 55);
      byte[] submission = new SubmissionPdf(fonts, content, number, at).render();
      progress(job, "writing HTML and Markdown", 75);
      byte[] html = HtmlExport.render(content, number, at);
      byte[] markdown = MarkdownBundle.render(content, number, json);
      progress(job, "writing Word", 82);
      byte[] docx = DocxExport.render(content, number, at);
      progress(job, "storing the edition", 90);
      Map<Format, byte[]> files =
          Map.of(
              Format.WHITE_PAPER_PDF, white,
              Format.SUBMISSION_PDF, submission,
              Format.HTML, html,
              Format.DOCX, docx,
              Format.MARKDOWN, markdown);
      currentActor.runAs(
          actor,
          () -> {
            QuarkusTransaction.requiringNew()
                .run(
                    () ->
                        store(
                            job,
                            claimed.paperId(),
                            collectedAt,
                            content,
                            json,
                            at,
                            number,
                            files,
                            actor));
            return null;
          });
    } catch (RuntimeException e) {
      String message =
          e instanceof MissingGlyphs || e instanceof PublishFonts.FontsMissing
              ? e.getMessage()
              : "The compile failed unexpectedly (reference "
                  + UUID.randomUUID().toString().substring(0, 8)
                  + "); nothing was published. Try again, and tell the administrator if it"
                  + " happens again.";
      if (!(e instanceof MissingGlyphs || e instanceof PublishFonts.FontsMissing)) {
        LOG.errorf(e, "Compile job %d failed: %s", job, message);
      }
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery(
                          "UPDATE compile_job SET state = 'FAILED', stage = 'failed', error = ?2,"
                              + " finished_at = ?3 WHERE id = ?1")
                      .setParameter(1, job)
                      .setParameter(2, message)
                      .setParameter(3, BaseEntity.now())
                      .executeUpdate());
    }
  }

  /** The next edition number (a hint for the files; the stored number is taken under a lock). */
  private int nextNumber(long paperId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "SELECT coalesce(max(number), 0) + 1 FROM edition"
                                    + " WHERE paper_id = ?1")
                            .setParameter(1, paperId)
                            .getSingleResult())
                    .intValue());
  }

  private void store(
      long job,
      long paperId,
      Instant collectedAt,
      EditionContent content,
      String json,
      Instant at,
      int numberSetIn,
      Map<Format, byte[]> files,
      org.plenary.platform.security.Actor actor) {
    EditionRedaction.lockEditionsOf(em, paperId);
    boolean erasedMeanwhile = Account.anyErasedSince(collectedAt);
    if (erasedMeanwhile) {
      // Someone was erased while this compile ran: what was collected may still name them, and
      // the erasure could not redact an edition not yet stored. Collect again (the lock held keeps
      // further erasures of this paper's people waiting until this edition is stored).
      content = collector.collect(paperId);
      json = PublishService.json(content);
    }
    int number =
        ((Number)
                em.createNativeQuery(
                        "SELECT coalesce(max(number), 0) + 1 FROM edition WHERE paper_id = ?1")
                    .setParameter(1, paperId)
                    .getSingleResult())
            .intValue();
    Map<Format, byte[]> bodies = files;
    if (number != numberSetIn || erasedMeanwhile) {
      // Another compile of the paper took this number meanwhile: set the files again with ours.
      bodies = publish.render(content, json, number, at);
    }
    Edition e = new Edition();
    e.paperId = paperId;
    e.number = number;
    e.status = Edition.Status.COMPILED;
    e.content = json;
    e.fingerprint = PublishService.fingerprint(json);
    e.createdBy = actor.accountId();
    e.createdAt = at;
    e.persist();
    em.flush();
    String slug = content.paper().slug();
    for (Format f : Format.values()) {
      byte[] body = bodies.get(f);
      em.createNativeQuery(
              "INSERT INTO edition_artifact (edition_id, format, media_type, filename, sha256,"
                  + " size, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
          .setParameter(1, e.id)
          .setParameter(2, f.name())
          .setParameter(3, f.mediaType())
          .setParameter(4, f.filename(slug, number))
          .setParameter(5, Digests.sha256Hex(body))
          .setParameter(6, (long) body.length)
          .setParameter(7, body)
          .setParameter(8, at)
          .executeUpdate();
    }
    em.createNativeQuery(
            "UPDATE compile_job SET state = 'DONE', stage = 'done', percent = 100,"
                + " edition_id = ?2, finished_at = ?3 WHERE id = ?1")
        .setParameter(1, job)
        .setParameter(2, e.id)
        .setParameter(3, BaseEntity.now())
        .executeUpdate();
    events.recordAs(
        actor,
        paperId,
        "edition.compiled",
        "edition",
        e.id,
        Map.of("number", number, "fingerprint", e.fingerprint));
  }
}
