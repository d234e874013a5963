package org.plenary.publish;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Authorize;
import org.plenary.publish.PublishRecords.SharedEdition;

/** One edition, read-only, for whoever holds a share link: no account needed. */
@Path("/api/shared/{token}")
@Tag(name = "Editions")
public class SharedResource {

  @Inject PublishService publish;

  @GET
  @Authorize(Action.PUBLIC)
  @Operation(summary = "What a share link gives: the edition and its files")
  public SharedEdition shared(@PathParam("token") String token) {
    return publish.shared(token);
  }

  @GET
  @Path("/{format}")
  @Authorize(Action.PUBLIC)
  @Operation(summary = "Download a file through a share link (counted)")
  public Response file(@PathParam("token") String token, @PathParam("format") String format) {
    return PublishResource.download(publish.sharedArtifact(token, format));
  }
}
