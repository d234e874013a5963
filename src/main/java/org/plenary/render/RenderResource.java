package org.plenary.render;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Authorize;
import org.plenary.render.RenderService.Preview;
import org.plenary.render.RenderService.RenderedPaper;
import org.plenary.render.RenderService.RenderedSection;

/** Safe HTML of unsaved Markdown, rendered exactly as saved text would be. */
@Path("/api/render/preview")
@Tag(name = "Rendering")
public class RenderResource {

  @Inject RenderService render;

  /** Markdown to preview. */
  public record PreviewRequest(@NotNull String markdown) {}

  @POST
  @Authorize(Action.SIGNED_IN)
  @Operation(summary = "Render unsaved Markdown exactly as saved text would be rendered")
  public Preview preview(@Valid @NotNull PreviewRequest request) {
    return render.preview(request.markdown());
  }

  /** The section's current text as safe HTML. */
  @Path("/api/papers/{paperId}/sections/{sectionId}/html")
  @Tag(name = "Rendering")
  public static class SectionHtml {
    @Inject RenderService render;

    @GET
    @Authorize(Action.READ_PAPER)
    @Operation(summary = "The section's current text as safe HTML")
    @APIResponse(
        responseCode = "200",
        description = "The rendered section; 304 when If-None-Match names the current ETag",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = RenderedSection.class)))
    public Response section(
        @PathParam("paperId") long paperId,
        @PathParam("sectionId") long sectionId,
        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
      return render.sectionJson(paperId, sectionId).respond(ifNoneMatch);
    }
  }

  /** The whole paper's current text as safe HTML. */
  @Path("/api/papers/{paperId}/html")
  @Tag(name = "Rendering")
  public static class PaperHtml {
    @Inject RenderService render;

    @GET
    @Authorize(Action.READ_PAPER)
    @Operation(summary = "The whole paper's current text as safe HTML, section by section")
    @APIResponse(
        responseCode = "200",
        description = "The rendered paper; 304 when If-None-Match names the current ETag",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = RenderedPaper.class)))
    public Response paper(
        @PathParam("paperId") long paperId,
        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
      return render.paperJson(paperId).respond(ifNoneMatch);
    }
  }
}
