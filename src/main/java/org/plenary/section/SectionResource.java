package org.plenary.section;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Authorize;
import org.plenary.section.SectionRecords.CreateSection;
import org.plenary.section.SectionRecords.MoveSection;
import org.plenary.section.SectionRecords.SectionView;
import org.plenary.section.SectionRecords.UpdateSection;

/** The outline of a paper: its ordered sections. */
@Path("/api/papers/{paperId}/sections")
@Tag(name = "Sections")
public class SectionResource {

  @Inject SectionService sections;

  @GET
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "The paper's outline, in order (deleted sections with ?deleted=true)")
  @APIResponse(
      responseCode = "200",
      description = "The outline; 304 when If-None-Match names the current ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = SectionView.class)))
  public Response outline(
      @PathParam("paperId") long paperId,
      @QueryParam("deleted") boolean includeDeleted,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    return sections.outlineJson(paperId, includeDeleted).respond(ifNoneMatch);
  }

  @POST
  @Authorize(Action.EDIT_OUTLINE)
  @Operation(summary = "Add a section at a position (default: at the end)")
  public Response create(
      @PathParam("paperId") long paperId, @Valid @NotNull CreateSection request, UriInfo uri) {
    SectionView created = sections.create(paperId, request);
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("/{sectionId}")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "One section of the outline")
  public SectionView get(
      @PathParam("paperId") long paperId, @PathParam("sectionId") long sectionId) {
    return sections.get(paperId, sectionId);
  }

  @PATCH
  @Path("/{sectionId}")
  @Authorize(Action.EDIT_OUTLINE)
  @Operation(summary = "Rename a section or change its kind")
  public SectionView update(
      @PathParam("paperId") long paperId,
      @PathParam("sectionId") long sectionId,
      @Valid @NotNull UpdateSection request) {
    return sections.update(paperId, sectionId, request);
  }

  @POST
  @Path("/{sectionId}/move")
  @Authorize(Action.EDIT_OUTLINE)
  @Operation(summary = "Move a section to another position")
  public SectionView move(
      @PathParam("paperId") long paperId,
      @PathParam("sectionId") long sectionId,
      @Valid @NotNull MoveSection request) {
    return sections.move(paperId, sectionId, request);
  }

  @DELETE
  @Path("/{sectionId}")
  @Authorize(Action.EDIT_OUTLINE)
  @Operation(summary = "Delete a section (soft: it can be restored, its history is kept)")
  public SectionView delete(
      @PathParam("paperId") long paperId, @PathParam("sectionId") long sectionId) {
    return sections.delete(paperId, sectionId);
  }

  @POST
  @Path("/{sectionId}/restore")
  @Authorize(Action.EDIT_OUTLINE)
  @Operation(summary = "Restore a deleted section to its place")
  public SectionView restore(
      @PathParam("paperId") long paperId, @PathParam("sectionId") long sectionId) {
    return sections.restore(paperId, sectionId);
  }
}
