package org.plenary.notification;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.notification.NotificationRecords.NotificationPage;
import org.plenary.notification.NotificationRecords.Unread;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Authorize;

/** The signed-in person's notifications. */
@Path("/api/me/notifications")
@Tag(name = "Notifications")
public class NotificationResource {

  @Inject NotificationService notifications;

  @GET
  @Authorize(Action.SIGNED_IN)
  @Operation(summary = "Your notifications, newest first (?unread=true, ?before=id, ?limit=30)")
  public NotificationPage list(
      @QueryParam("unread") boolean unread,
      @QueryParam("before") Long before,
      @QueryParam("limit") Integer limit) {
    return notifications.list(unread, before, limit);
  }

  @GET
  @Path("/unread")
  @Authorize(Action.SIGNED_IN)
  @Operation(summary = "How many notifications you have not read")
  public Unread unread() {
    return notifications.unread();
  }

  @POST
  @Path("/{eventId}/read")
  @Authorize(Action.SIGNED_IN)
  @Operation(summary = "Mark one notification read")
  public Unread read(@PathParam("eventId") long eventId) {
    return notifications.markRead(eventId);
  }

  @POST
  @Path("/read")
  @Authorize(Action.SIGNED_IN)
  @Operation(summary = "Mark all notifications read (?upTo=id: those up to that one)")
  public Unread readAll(@QueryParam("upTo") Long upTo) {
    return notifications.markAllRead(upTo);
  }
}
