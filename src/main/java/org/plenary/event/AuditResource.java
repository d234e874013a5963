package org.plenary.event;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.event.AuditLog.Entry;
import org.plenary.event.AuditLog.Filter;
import org.plenary.platform.api.PageOf;
import org.plenary.platform.api.Paging;
import org.plenary.platform.error.Invalid;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Authorize;

/** A paper's audit log (owners only). */
@Path("/api/papers/{paperId}/audit")
@Tag(name = "Audit")
public class AuditResource {

  @Inject AuditLog audit;

  @GET
  @Authorize(Action.MANAGE_PAPER)
  @Operation(
      summary =
          "Every change and security event of the paper, newest first; filter by actor, type"
              + " (* as wildcard), objectType, objectId, from, to (ISO instants)")
  public PageOf<Entry> log(
      @PathParam("paperId") long paperId,
      @QueryParam("actor") Long actorId,
      @QueryParam("type") String type,
      @QueryParam("objectType") String objectType,
      @QueryParam("objectId") Long objectId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size) {
    return audit.of(
        paperId,
        new Filter(actorId, type, objectType, objectId, instant("from", from), instant("to", to)),
        Paging.of(page, size, 50));
  }

  private static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new Invalid(field, "must be an ISO instant such as 2026-12-03T09:00:00Z");
    }
  }
}
