package org.plenary.draft;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.draft.DraftRecords.CreateDraft;
import org.plenary.draft.DraftRecords.DraftDiff;
import org.plenary.draft.DraftRecords.DraftView;
import org.plenary.draft.DraftRecords.MergePreview;
import org.plenary.draft.DraftRecords.Reject;
import org.plenary.draft.DraftRecords.Resolve;
import org.plenary.draft.DraftRecords.UpdateDraft;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Authorize;

/** Drafts of a paper's sections: proposing, reviewing, merging. */
@Path("/api/papers/{paperId}")
@Tag(name = "Drafts")
public class DraftResource {

  @Inject DraftService drafts;

  @POST
  @Path("/sections/{sectionId}/drafts")
  @Authorize(Action.PARTICIPATE)
  @Operation(summary = "Propose new text for a section (private until submitted)")
  public Response create(
      @PathParam("paperId") long paperId,
      @PathParam("sectionId") long sectionId,
      @Valid @NotNull CreateDraft request) {
    DraftView created = drafts.create(paperId, sectionId, request);
    return Response.status(201).entity(created).header(HttpHeaders.ETAG, created.etag()).build();
  }

  @GET
  @Path("/drafts")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "The paper's drafts, newest first (your private ones included)")
  public List<DraftView> list(
      @PathParam("paperId") long paperId,
      @QueryParam("status") Draft.Status status,
      @QueryParam("sectionId") Long sectionId) {
    return drafts.list(paperId, status, sectionId);
  }

  @GET
  @Path("/drafts/{draftId}")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "One draft; outdated when the section moved past its base")
  public Response get(@PathParam("paperId") long paperId, @PathParam("draftId") long draftId) {
    DraftView draft = drafts.get(paperId, draftId);
    return Response.ok(draft).header(HttpHeaders.ETAG, draft.etag()).build();
  }

  @PATCH
  @Path("/drafts/{draftId}")
  @Authorize(Action.PARTICIPATE)
  @Operation(summary = "Change your draft (If-Match: its ETag); the earlier version stays")
  public DraftView update(
      @PathParam("paperId") long paperId,
      @PathParam("draftId") long draftId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull UpdateDraft request) {
    return drafts.update(paperId, draftId, ifMatch, request);
  }

  @POST
  @Path("/drafts/{draftId}/submit")
  @Authorize(Action.PARTICIPATE)
  @Operation(summary = "Submit your draft for review")
  public DraftView submit(@PathParam("paperId") long paperId, @PathParam("draftId") long draftId) {
    return drafts.submit(paperId, draftId);
  }

  @POST
  @Path("/drafts/{draftId}/withdraw")
  @Authorize(Action.PARTICIPATE)
  @Operation(summary = "Withdraw your draft")
  public DraftView withdraw(
      @PathParam("paperId") long paperId, @PathParam("draftId") long draftId) {
    return drafts.withdraw(paperId, draftId);
  }

  @POST
  @Path("/drafts/{draftId}/reject")
  @Authorize(Action.EDIT)
  @Operation(summary = "Reject a draft, saying why")
  public DraftView reject(
      @PathParam("paperId") long paperId,
      @PathParam("draftId") long draftId,
      @Valid @NotNull Reject request) {
    return drafts.reject(paperId, draftId, request.reason());
  }

  @GET
  @Path("/drafts/{draftId}/diff")
  @Authorize(Action.READ_PAPER)
  @Operation(
      summary = "The draft against its base (default) or the current text (?against=current)")
  public DraftDiff diff(
      @PathParam("paperId") long paperId,
      @PathParam("draftId") long draftId,
      @QueryParam("against") String against) {
    return drafts.diff(paperId, draftId, against);
  }

  @GET
  @Path("/drafts/{draftId}/compare/{otherId}")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "Two drafts of one section side by side (word diff from this one)")
  public DraftDiff compare(
      @PathParam("paperId") long paperId,
      @PathParam("draftId") long draftId,
      @PathParam("otherId") long otherId) {
    return drafts.compare(paperId, draftId, otherId);
  }

  @GET
  @Path("/drafts/{draftId}/merge-preview")
  @Authorize(Action.PARTICIPATE)
  @Operation(summary = "What merging the draft into the current text would give (changes nothing)")
  public MergePreview preview(
      @PathParam("paperId") long paperId, @PathParam("draftId") long draftId) {
    return drafts.preview(paperId, draftId);
  }

  @POST
  @Path("/drafts/{draftId}/merge")
  @Authorize(Action.EDIT)
  @Operation(
      summary =
          "Merge the draft (If-Match: the section's ETag), resolving each conflict of the preview")
  public DraftView merge(
      @PathParam("paperId") long paperId,
      @PathParam("draftId") long draftId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid Resolve request) {
    return drafts.merge(
        paperId, draftId, ifMatch, request == null ? List.of() : request.resolutions());
  }

  @POST
  @Path("/drafts/{draftId}/rebase")
  @Authorize(Action.PARTICIPATE)
  @Operation(summary = "Bring your outdated draft onto the current text (If-Match: its ETag)")
  public DraftView rebase(
      @PathParam("paperId") long paperId,
      @PathParam("draftId") long draftId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid Resolve request) {
    return drafts.rebase(
        paperId, draftId, ifMatch, request == null ? List.of() : request.resolutions());
  }
}
