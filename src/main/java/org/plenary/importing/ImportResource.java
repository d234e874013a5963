package org.plenary.importing;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.importing.ImportRecords.ImportPreview;
import org.plenary.importing.ImportRecords.ImportResult;
import org.plenary.importing.ImportRecords.PaperImportResult;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Authorize;

/**
 * Importing a DOCX, ODT or Markdown file: the file is the request body (any media type: the content
 * decides), its name and the heading level to cut at are query parameters.
 */
@Path("/api/papers")
@Tag(name = "Import")
@Consumes(MediaType.WILDCARD)
public class ImportResource {

  @Inject ImportService imports;

  @POST
  @Path("/{paperId}/imports/preview")
  @Authorize(Action.EDIT_OUTLINE)
  @Operation(summary = "The sections a file would become in this paper; nothing is stored")
  public ImportPreview preview(
      @PathParam("paperId") long paperId,
      @QueryParam("filename") String filename,
      @QueryParam("level") Integer level,
      @RequestBody(
              content = @Content(schema = @Schema(type = SchemaType.STRING, format = "binary")))
          byte[] file) {
    return imports.preview(filename, level, file);
  }

  @POST
  @Path("/{paperId}/imports")
  @Authorize(Action.EDIT_OUTLINE)
  @Operation(summary = "Add a file's sections to the paper (at position, default at the end)")
  @APIResponse(
      responseCode = "201",
      description = "The sections created, and the report",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ImportResult.class)))
  public Response importInto(
      @PathParam("paperId") long paperId,
      @QueryParam("filename") String filename,
      @QueryParam("level") Integer level,
      @QueryParam("position") Integer position,
      @RequestBody(
              content = @Content(schema = @Schema(type = SchemaType.STRING, format = "binary")))
          byte[] file) {
    ImportResult result = imports.importInto(paperId, filename, level, position, file);
    return Response.status(Response.Status.CREATED).entity(result).build();
  }

  @POST
  @Path("/imports")
  @Authorize(Action.SIGNED_IN)
  @Operation(summary = "A new paper made from a file (its title from the file unless given)")
  @APIResponse(
      responseCode = "201",
      description = "The paper, its sections, and the report",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PaperImportResult.class)))
  public Response importAsPaper(
      @QueryParam("filename") String filename,
      @QueryParam("level") Integer level,
      @QueryParam("title") String title,
      @QueryParam("language") String language,
      @RequestBody(
              content = @Content(schema = @Schema(type = SchemaType.STRING, format = "binary")))
          byte[] file) {
    PaperImportResult result = imports.importAsPaper(filename, level, title, language, file);
    return Response.status(Response.Status.CREATED).entity(result).build();
  }

  @POST
  @Path("/imports/preview")
  @Authorize(Action.SIGNED_IN)
  @Operation(summary = "The paper and sections a file would become; nothing is stored")
  public ImportPreview previewAsPaper(
      @QueryParam("filename") String filename,
      @QueryParam("level") Integer level,
      @RequestBody(
              content = @Content(schema = @Schema(type = SchemaType.STRING, format = "binary")))
          byte[] file) {
    return imports.preview(filename, level, file);
  }
}
