package org.plenary.coedit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;
import org.plenary.paper.Paper;
import org.plenary.paper.PaperStatus;
import org.plenary.platform.config.PlenaryConfig;
import org.plenary.platform.error.DomainException;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.security.Actor;
import org.plenary.revision.RevisionService;
import org.plenary.section.Section;

/**
 * When a live document's typing becomes a revision (a checkpoint, written by {@link
 * RevisionService} through the ordinary save; see {@link LiveSaves}):
 *
 * <ul>
 *   <li>after a pause: {@code plenary.coedit.checkpoint-after} without a new update. Every instance
 *       runs the job; each document is checkpointed under its section's and its own row locks,
 *       skipping one another instance (or a writer) holds, and a checkpoint of text already in a
 *       revision writes nothing, so two instances never write it twice;
 *   <li>when the last socket of a section closes on this instance and its writer leaves;
 *   <li>when someone asks ("save version", {@link CheckpointResource});
 *   <li>before a save, merge or restore (the save does it under its lock) and a compile (the
 *       revision and publish packages ask {@link RevisionService}).
 * </ul>
 */
@ApplicationScoped
public class Checkpoints {

  private static final Logger LOG = Logger.getLogger(Checkpoints.class);

  /** At most this many documents per run of the pause job (the next run takes the rest). */
  static final int BATCH = 100;

  @Inject RevisionService revisions;
  @Inject LiveDocuments documents;
  @Inject AgroalDataSource dataSource;
  @Inject PlenaryConfig config;
  @Inject OpenConnections connections;

  /** Checkpoints every live document whose typing paused. */
  @Scheduled(
      identity = "coedit-checkpoints",
      every = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  @ActivateRequestContext
  void paused() {
    pausedFor(config.coedit().checkpointAfter());
  }

  /**
   * Checkpoints every live document without a new update for {@code pause}; returns how many it
   * checkpointed or found already saved (not those skipped for another writer).
   */
  @ActivateRequestContext
  int pausedFor(Duration pause) {
    OffsetDateTime before = OffsetDateTime.ofInstant(BaseEntity.now().minus(pause), ZoneOffset.UTC);
    List<Long> due;
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT section_id FROM live_document WHERE last_seq > checkpointed_seq"
                    + " AND updated_at <= ? ORDER BY updated_at LIMIT "
                    + BATCH)) {
      s.setObject(1, before);
      due = LiveSaves.ids(s);
    } catch (SQLException e) {
      LOG.warnf(e, "Could not look for live documents to checkpoint");
      return 0;
    }
    int done = 0;
    for (long sectionId : due) {
      if (unattended(sectionId)) {
        done++;
      }
    }
    return done;
  }

  /**
   * A socket of the section closed: when {@code actor} may write it and no other socket of the
   * section is open on this instance, its typing is checkpointed now rather than after the pause.
   * (Whether the sockets left open may write is not known here; if none does, the pause job
   * checkpoints a few seconds later.)
   */
  public void closed(Actor actor, long paperId, long sectionId, String connectionId) {
    if (actor == null || paperId < 0 || sectionId < 0) {
      return;
    }
    boolean othersOpen =
        connections.listAll().stream()
            .filter(WebSocketConnection::isOpen)
            .filter(c -> !c.id().equals(connectionId))
            .anyMatch(c -> String.valueOf(sectionId).equals(c.pathParam("sectionId")));
    if (othersOpen || !documents.mayWrite(actor, paperId, sectionId)) {
      return;
    }
    unattended(sectionId);
  }

  /** Checkpoints one section's document without a caller; false when skipped or refused. */
  @ActivateRequestContext
  boolean unattended(long sectionId) {
    try {
      Section section = Section.<Section>findByIdOptional(sectionId).orElse(null);
      if (section == null || section.deletedAt != null) {
        return false;
      }
      Paper paper = Paper.<Paper>findByIdOptional(section.paperId).orElse(null);
      if (paper == null || paper.status == PaperStatus.FROZEN) {
        return false; // a frozen paper's text cannot change any more
      }
      return revisions.checkpointUnattended(section.paperId, sectionId);
    } catch (DomainException e) {
      LOG.debugf("Did not checkpoint section %d: %s", sectionId, e.getMessage());
      return false;
    } catch (RuntimeException e) {
      LOG.warnf(e, "Could not checkpoint the live document of section %d", sectionId);
      return false;
    }
  }
}
