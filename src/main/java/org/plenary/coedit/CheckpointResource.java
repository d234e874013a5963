package org.plenary.coedit;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Authorize;
import org.plenary.revision.RevisionRecords.CheckpointView;
import org.plenary.revision.RevisionService;

/** "Save version": a section's live text becomes a revision now, not after the next pause. */
@Path("/api/papers/{paperId}/sections/{sectionId}/live/checkpoint")
@Tag(name = "Section text and history")
public class CheckpointResource {

  @Inject RevisionService revisions;

  @POST
  @Authorize(Action.SAVE_SECTION)
  @Operation(
      summary = "Save the live document's text as a revision now",
      description =
          "Writes the text co-editors typed as the next revision, with every co-author since the"
              + " last one, unless it equals the current text (created: false). A section nobody"
              + " opened live answers its current revision.")
  public CheckpointView checkpoint(
      @PathParam("paperId") long paperId, @PathParam("sectionId") long sectionId) {
    return revisions.checkpoint(paperId, sectionId);
  }
}
