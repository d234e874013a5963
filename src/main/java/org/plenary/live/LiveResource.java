package org.plenary.live;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.identity.Audiences;
import org.plenary.live.LiveRecords.Heartbeat;
import org.plenary.live.LiveRecords.PresenceView;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Authorize;
import org.plenary.platform.security.CurrentActor;
import org.plenary.platform.security.PermissionService;

/** A paper's live event stream and who is in it now. */
@Path("/api/papers/{paperId}")
@Tag(name = "Live")
public class LiveResource {

  @Inject LiveService live;
  @Inject PresenceService presence;
  @Inject PermissionService permissions;
  @Inject Audiences audiences;
  @Inject CurrentActor currentActor;

  @GET
  @Path("/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Authorize(Action.READ_PAPER)
  @Blocking
  @Operation(
      summary =
          "The paper's live events (Server-Sent Events): section.saved, outline.changed,"
              + " draft.*, comment.*, endorsement.changed, compile.progress, presence;"
              + " Last-Event-ID replays what was missed")
  public void events(
      @PathParam("paperId") long paperId,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @Context SseEventSink sink,
      @Context Sse sse,
      @Context io.vertx.core.http.HttpServerResponse response) {
    var since = LiveService.lastEventId(lastEventId);
    live.open(paperId, currentActor.get(), currentActor.credential(), since, sink, sse, response);
  }

  @GET
  @Path("/presence")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "Who is in the paper now, and where")
  public PresenceView present(@PathParam("paperId") long paperId) {
    return presence.view(paperId, audiences.ofCaller(paperId));
  }

  @PUT
  @Path("/presence")
  @Authorize(Action.READ_PAPER)
  @Operation(
      summary =
          "Heartbeat of one browser tab: the section it shows and whether it edits it;"
              + " send every heartbeatSeconds")
  public PresenceView beat(
      @PathParam("paperId") long paperId, @Valid @NotNull Heartbeat heartbeat) {
    presence.beat(paperId, currentActor.get(), heartbeat);
    return presence.view(paperId, audiences.ofCaller(paperId));
  }

  @DELETE
  @Path("/presence/{client}")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "The tab left the paper: its presence ends now")
  public void leave(@PathParam("paperId") long paperId, @PathParam("client") String client) {
    presence.leave(paperId, currentActor.get(), client);
  }
}
