package org.plenary.render;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Authorize;
import org.plenary.render.RenderService.Preview;
import org.plenary.render.RenderService.RenderedPaper;
import org.plenary.render.RenderService.RenderedSection;

/** Safe HTML of sections, whole papers, and unsaved Markdown (preview). */
@Path("/api")
@Tag(name = "Rendering")
public class RenderResource {

  @Inject RenderService render;

  /** Markdown to preview. */
  public record PreviewRequest(@NotNull String markdown) {}

  @GET
  @Path("/papers/{paperId}/sections/{sectionId}/html")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "The section's current text as safe HTML")
  public Response section(
      @PathParam("paperId") long paperId, @PathParam("sectionId") long sectionId) {
    RenderedSection rendered = render.section(paperId, sectionId);
    return Response.ok(rendered).header(HttpHeaders.ETAG, rendered.etag()).build();
  }

  @GET
  @Path("/papers/{paperId}/html")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "The whole paper's current text as safe HTML, section by section")
  public RenderedPaper paper(@PathParam("paperId") long paperId) {
    return render.paper(paperId);
  }

  @POST
  @Path("/render/preview")
  @Authorize(Action.PREVIEW)
  @Operation(summary = "Render unsaved Markdown exactly as saved text would be rendered")
  public Preview preview(@Valid @NotNull PreviewRequest request) {
    return render.preview(request.markdown());
  }
}
