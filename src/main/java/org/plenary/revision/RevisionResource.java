package org.plenary.revision;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.platform.api.PageOf;
import org.plenary.platform.api.Paging;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Authorize;
import org.plenary.revision.RevisionRecords.ContentView;
import org.plenary.revision.RevisionRecords.DiffView;
import org.plenary.revision.RevisionRecords.RevisionSummary;
import org.plenary.revision.RevisionRecords.SaveContent;

/** A section's text, saved with {@code If-Match}, and its append-only history. */
@Path("/api/papers/{paperId}/sections/{sectionId}")
@Tag(name = "Section text and history")
public class RevisionResource {

  @Inject RevisionService revisions;

  @GET
  @Path("/content")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "The section's current text; its ETag is what If-Match must send")
  public Response content(
      @PathParam("paperId") long paperId, @PathParam("sectionId") long sectionId) {
    return withETag(revisions.current(paperId, sectionId));
  }

  @PUT
  @Path("/content")
  @Authorize(Action.SAVE_SECTION)
  @Operation(
      summary = "Save new text as the next revision",
      description =
          "Requires If-Match with the ETag of the revision the text is based on: 428 without it,"
              + " 412 (with the current text) when someone saved first.")
  public Response save(
      @PathParam("paperId") long paperId,
      @PathParam("sectionId") long sectionId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull SaveContent request) {
    return withETag(revisions.save(paperId, sectionId, ifMatch, request));
  }

  @GET
  @Path("/revisions")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "The section's revisions, newest first")
  public PageOf<RevisionSummary> history(
      @PathParam("paperId") long paperId,
      @PathParam("sectionId") long sectionId,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size) {
    return revisions.history(paperId, sectionId, Paging.of(page, size, 50));
  }

  @GET
  @Path("/revisions/{number}")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "One revision, with its text")
  public ContentView revision(
      @PathParam("paperId") long paperId,
      @PathParam("sectionId") long sectionId,
      @PathParam("number") int number) {
    return revisions.get(paperId, sectionId, number);
  }

  @POST
  @Path("/revisions/{number}/restore")
  @Authorize(Action.SAVE_SECTION)
  @Operation(
      summary = "Bring an earlier revision's text back as a new revision",
      description = "Requires If-Match like a save; the history stays whole.")
  public Response restore(
      @PathParam("paperId") long paperId,
      @PathParam("sectionId") long sectionId,
      @PathParam("number") int number,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @QueryParam("summary") String summary) {
    if (summary != null && summary.length() > 500) {
      throw new org.plenary.platform.error.Invalid("summary", "must be at most 500 characters");
    }
    return withETag(revisions.restore(paperId, sectionId, number, ifMatch, summary));
  }

  @GET
  @Path("/diff")
  @Authorize(Action.READ_PAPER)
  @Operation(
      summary = "Compare two revisions word by word, grouped by paragraph",
      description = "Defaults: to = the current revision, from = the one before it.")
  public DiffView diff(
      @PathParam("paperId") long paperId,
      @PathParam("sectionId") long sectionId,
      @QueryParam("from") Integer from,
      @QueryParam("to") Integer to) {
    return revisions.diff(paperId, sectionId, from, to);
  }

  private static Response withETag(ContentView content) {
    return Response.ok(content).header(HttpHeaders.ETAG, content.etag()).build();
  }
}
