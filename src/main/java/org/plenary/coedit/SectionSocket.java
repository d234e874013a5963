package org.plenary.coedit;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;
import org.plenary.identity.Audiences;
import org.plenary.platform.error.Conflict;
import org.plenary.platform.error.DomainException;
import org.plenary.platform.error.Forbidden;
import org.plenary.platform.error.TooLarge;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.Credential;
import org.plenary.platform.security.CurrentActor;

/**
 * A section's live document over a WebSocket, speaking y-protocols' sync messages ({@link
 * SyncMessages}). Signed in like the REST API: the upgrade request is authenticated by the same
 * mechanisms (a local {@code plt_} token or a Keycloak token in {@code Authorization}; a browser,
 * which cannot set that header on a WebSocket, sends it through Quarkus' {@code
 * bearer-token-carrier} subprotocol), and anonymous upgrades get 401.
 *
 * <p>Anyone who may read the paper may watch: on opening they ask with sync step 1 and get step 2,
 * then every update as it is stored. Those who may save the section are also sent step 1, so their
 * offline changes come back as step 2; every step 2 and update is checked like a save. A refusal
 * the writer can do nothing about in this session (read-only, frozen paper, deleted section) is a
 * permission-denied message, and the socket stays open to watch; an update the server cannot use
 * (malformed, out of order, too large) closes the socket with a reason after that message, since
 * the client's document now differs from the server's and must sync again.
 *
 * <p>Awareness messages (cursors) are relayed by {@link Awareness}; {@link SocketAccess} closes the
 * socket (1008) once its reader signs out or may no longer read the paper.
 */
@Authenticated
@WebSocket(path = "/api/papers/{paperId}/sections/{sectionId}/live")
public class SectionSocket {

  private static final Logger LOG = Logger.getLogger(SectionSocket.class);

  /** Close codes (RFC 6455): the client sent data it should not have, or too much of it. */
  static final int POLICY = 1008;

  static final int INVALID_DATA = 1007;
  static final int TOO_BIG = 1009;

  @Inject WebSocketConnection connection;
  @Inject SecurityIdentity identity;
  @Inject LiveDocuments documents;
  @Inject Awareness awareness;
  @Inject Audiences audiences;
  @Inject SectionSockets sockets;
  @Inject Checkpoints checkpoints;

  // One instance serves every connection: what is the connection's own is read from it (the
  // injected
  // connection and identity are those of the connection being served).

  @OnOpen
  @Blocking
  void open() {
    Actor actor = identity.getAttribute(CurrentActor.ACTOR);
    long paperId = id("paperId");
    long sectionId = id("sectionId");
    if (paperId < 0 || sectionId < 0) {
      close(POLICY, "no such section");
      return;
    }
    if (actor == null) {
      close(POLICY, "sign in first");
      return;
    }
    try {
      documents.open(actor, paperId, sectionId);
    } catch (DomainException e) {
      close(POLICY, e.getMessage());
      return;
    }
    boolean mayWrite = documents.mayWrite(actor, paperId, sectionId);
    CoEditor editor =
        new CoEditor(
            connection.id(),
            paperId,
            sectionId,
            actor,
            identity.getAttribute(Credential.ATTRIBUTE),
            awareness.looksOf(actor, paperId),
            audiences.of(actor, paperId),
            mayWrite);
    sockets.join(editor);
    if (mayWrite) {
      connection.sendBinaryAndAwait(SyncMessages.step1(documents.stateVector(paperId, sectionId)));
    }
    awareness.joined(editor);
  }

  @OnBinaryMessage
  @Blocking
  void message(byte[] bytes) {
    Actor actor = identity.getAttribute(CurrentActor.ACTOR);
    long paperId = id("paperId");
    long sectionId = id("sectionId");
    if (!sockets.joined(sectionId, connection.id())) {
      return; // refused on opening and closing
    }
    SyncMessages.Message message;
    try {
      message = SyncMessages.read(bytes);
    } catch (SyncMessages.Malformed e) {
      refuse(INVALID_DATA, "malformed message: " + e.getMessage());
      return;
    }
    if (message.type() == SyncMessages.AWARENESS) {
      CoEditor editor = sockets.editor(sectionId, connection.id());
      if (editor != null) {
        awareness.received(editor, message.payload());
      }
      return;
    }
    if (message.type() != SyncMessages.SYNC) {
      return; // not ours
    }
    try {
      if (message.syncType() == SyncMessages.STEP_1) {
        connection.sendBinaryAndAwait(
            SyncMessages.step2(documents.missing(paperId, sectionId, message.payload())));
        return;
      }
      LiveDocuments.Accepted accepted =
          documents.apply(actor, paperId, sectionId, message.payload());
      connection.sendBinaryAndAwait(SyncMessages.saved(accepted.seq()));
      if (accepted.changed()) {
        sockets.deliver(sectionId, connection.id(), accepted.seq());
      }
    } catch (Forbidden | Conflict e) {
      connection.sendBinaryAndAwait(SyncMessages.permissionDenied(e.getMessage()));
    } catch (TooLarge e) {
      refuse(TOO_BIG, e.getMessage());
    } catch (DomainException e) {
      refuse(INVALID_DATA, e.getMessage());
    }
  }

  @OnClose
  void closed() {
    cursorsGo();
    sockets.leave(id("sectionId"), connection.id());
    checkpoints.closed(
        identity.getAttribute(CurrentActor.ACTOR), id("paperId"), id("sectionId"), connection.id());
  }

  @OnError
  void failed(Throwable e) {
    if (connection.isClosed()) {
      LOG.debugf("Live socket of section %d went away: %s", id("sectionId"), e);
      return;
    }
    LOG.warnf(e, "Live socket of section %d failed", id("sectionId"));
    close(CloseReason.INTERNAL_SERVER_ERROR.getCode(), "the server failed; connect again");
  }

  /** Says why in a permission-denied message (the whole reason), then closes. */
  private void refuse(int code, String reason) {
    connection.sendBinaryAndAwait(SyncMessages.permissionDenied(reason));
    close(code, reason);
  }

  /** A path parameter as an id, or -1 when it is not a number. */
  private long id(String name) {
    try {
      return Long.parseLong(connection.pathParam(name));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The others see the cursors this socket announced go (once, however often it is called). */
  private void cursorsGo() {
    CoEditor editor = sockets.editor(id("sectionId"), connection.id());
    if (editor != null) {
      awareness.left(editor);
    }
  }

  private void close(int code, String reason) {
    cursorsGo();
    sockets.leave(id("sectionId"), connection.id());
    connection.close(new CloseReason(code, closeText(reason))).subscribe().with(v -> {}, e -> {});
  }

  /** A close frame's reason is at most 123 bytes of UTF-8: longer ones are cut, with "…". */
  static String closeText(String reason) {
    if (reason.getBytes(StandardCharsets.UTF_8).length <= 123) {
      return reason;
    }
    StringBuilder out = new StringBuilder();
    int bytes = 3; // the ellipsis
    for (int i = 0; i < reason.length(); ) {
      int cp = reason.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > 123) {
        break;
      }
      out.appendCodePoint(cp);
      bytes += size;
      i += Character.charCount(cp);
    }
    return out.append('…').toString();
  }
}
