package org.plenary.paper;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.paper.PaperRecords.ChangeStatus;
import org.plenary.paper.PaperRecords.CreatePaper;
import org.plenary.paper.PaperRecords.PaperView;
import org.plenary.paper.PaperRecords.UpdatePaper;
import org.plenary.platform.api.PageOf;
import org.plenary.platform.api.Paging;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Authorize;

/** Papers: the documents workshops write together. */
@Path("/api/papers")
@Tag(name = "Papers")
public class PaperResource {

  @Inject PaperService papers;

  @GET
  @Authorize(Action.SIGNED_IN)
  @Operation(
      summary =
          "Your papers, most recently changed first (administrators: ?all=true for every paper)")
  public PageOf<PaperView> list(
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size,
      @QueryParam("archived") boolean includeArchived,
      @QueryParam("all") boolean all) {
    return papers.list(Paging.of(page, size, 20), includeArchived, all);
  }

  @POST
  @Authorize(Action.SIGNED_IN)
  @Operation(summary = "Create a paper")
  public Response create(@Valid @NotNull CreatePaper request, UriInfo uri) {
    PaperView created = papers.create(request);
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("/by-slug/{slug}")
  @Authorize(Action.SIGNED_IN)
  @Operation(summary = "Find a paper by its slug")
  public PaperView bySlug(@PathParam("slug") String slug) {
    return papers.getBySlug(slug);
  }

  @GET
  @Path("/{paperId}")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "Get a paper")
  public PaperView get(@PathParam("paperId") long paperId) {
    return papers.get(paperId);
  }

  @PATCH
  @Path("/{paperId}")
  @Authorize(Action.EDIT_OUTLINE)
  @Operation(summary = "Change a paper's title, subtitle, slug, summary or language")
  public PaperView update(@PathParam("paperId") long paperId, @Valid @NotNull UpdatePaper request) {
    return papers.update(paperId, request);
  }

  @POST
  @Path("/{paperId}/status")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "Move a paper to DRAFTING, REVIEW or FROZEN (reopening is recorded)")
  public PaperView changeStatus(
      @PathParam("paperId") long paperId, @Valid @NotNull ChangeStatus request) {
    return papers.changeStatus(paperId, request);
  }

  @POST
  @Path("/{paperId}/archive")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "Archive a paper (hidden from the default list, kept whole)")
  public PaperView archive(@PathParam("paperId") long paperId) {
    return papers.archive(paperId, true);
  }

  @DELETE
  @Path("/{paperId}/archive")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "Bring an archived paper back")
  public PaperView unarchive(@PathParam("paperId") long paperId) {
    return papers.archive(paperId, false);
  }
}
