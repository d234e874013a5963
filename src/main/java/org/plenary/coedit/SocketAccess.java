package org.plenary.coedit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;
import org.plenary.identity.Audiences;
import org.plenary.identity.Credentials;
import org.plenary.identity.People.Audience;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Credential;
import org.plenary.platform.security.PermissionService;

/**
 * Checks open sockets again, as the live stream checks its streams, every {@code
 * plenary.live.keep-alive} (20 s): a socket whose reader signed out (or whose token was revoked or
 * expired, or whose account was disabled or erased) or may no longer read the paper (removed from
 * it, the paper deleted) is closed with 1008 and the reason. For the others, how the reader sees
 * people and whether they may write are brought up to date (every update is checked anyway).
 */
@ApplicationScoped
public class SocketAccess {

  private static final Logger LOG = Logger.getLogger(SocketAccess.class);

  static final String SIGNED_OUT = "the sign-in ended; sign in again";
  static final String NO_LONGER_A_READER = "no longer a reader of the paper";

  @Inject SectionSockets sockets;
  @Inject Awareness awareness;
  @Inject LiveDocuments documents;
  @Inject PermissionService permissions;
  @Inject Audiences audiences;
  @Inject Credentials credentials;

  @Scheduled(
      every = "${plenary.live.keep-alive:PT20S}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void check() {
    List<CoEditor> open = sockets.all();
    if (open.isEmpty()) {
      return;
    }
    List<Credential> held = open.stream().map(e -> e.credential).filter(Objects::nonNull).toList();
    Set<Credential> valid;
    try {
      valid = held.isEmpty() ? Set.of() : credentials.stillValid(held);
    } catch (RuntimeException e) {
      // The database is away: nothing can be saved meanwhile either; check again next round.
      LOG.warnf("Could not check the sign-ins of live sockets: %s", e.getMessage());
      return;
    }
    for (CoEditor e : open) {
      try {
        if (e.credential != null && !valid.contains(e.credential)) {
          close(e, SIGNED_OUT);
        } else if (!permissions.allows(e.actor, Action.READ_PAPER, e.paperId)) {
          close(e, NO_LONGER_A_READER);
        } else {
          refresh(e);
        }
      } catch (RuntimeException ex) {
        LOG.warnf("Could not check the live socket of account %d: %s", e.actor.accountId(), ex);
      }
    }
  }

  private void refresh(CoEditor e) {
    Audience audience = audiences.of(e.actor, e.paperId);
    boolean mayWrite = documents.mayWrite(e.actor, e.paperId, e.sectionId);
    boolean audienceChanged = audience != e.audience;
    boolean writeChanged = mayWrite != e.mayWrite;
    e.audience = audience;
    e.mayWrite = mayWrite;
    if (audienceChanged || writeChanged) {
      awareness.accessChanged(e, writeChanged, audienceChanged);
    }
  }

  private void close(CoEditor e, String reason) {
    LOG.infof(
        "Closed the live socket of account %d on section %d: %s",
        e.actor.accountId(), e.sectionId, reason);
    awareness.left(e);
    sockets.leave(e.sectionId, e.connectionId);
    sockets.close(e.connectionId, SectionSocket.POLICY, reason);
  }
}
