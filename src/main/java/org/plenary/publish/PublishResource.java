package org.plenary.publish;

import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.plenary.platform.http.ContentDisposition;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Authorize;
import org.plenary.publish.PublishRecords.Changelog;
import org.plenary.publish.PublishRecords.CreateShareLink;
import org.plenary.publish.PublishRecords.EditionView;
import org.plenary.publish.PublishRecords.JobView;
import org.plenary.publish.PublishRecords.ShareLinkView;

/** Compiling a paper into editions, their files, publishing, and share links. */
@Path("/api/papers/{paperId}")
@Tag(name = "Editions")
public class PublishResource {

  @Inject PublishService publish;
  @Inject CompileWorker worker;
  @Inject ReviewCopies reviews;

  @POST
  @Path("/editions")
  @Authorize(Action.COMPILE)
  @Operation(summary = "Compile the paper into a new edition (202: follow the job)")
  public Response compile(@PathParam("paperId") long paperId) {
    JobView job = publish.requestCompile(paperId);
    worker.kick();
    return Response.accepted(job)
        .header("Location", "/api/papers/" + paperId + "/compile-jobs/" + job.id())
        .build();
  }

  @GET
  @Path("/compile-jobs/{jobId}")
  @Authorize(Action.COMPILE)
  @Operation(summary = "A compile job's state, stage and percentage")
  public JobView job(@PathParam("paperId") long paperId, @PathParam("jobId") long jobId) {
    return publish.job(paperId, jobId);
  }

  @GET
  @Path("/compile-jobs/{jobId}/progress")
  @Authorize(Action.COMPILE)
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @io.smallrye.common.annotation.Blocking
  @RestStreamElementType(MediaType.APPLICATION_JSON)
  @Operation(summary = "The job's progress as a stream of events, until it is done or failed")
  public Multi<JobView> progress(
      @PathParam("paperId") long paperId, @PathParam("jobId") long jobId) {
    publish.job(paperId, jobId); // 404 now rather than inside the stream
    java.util.concurrent.atomic.AtomicBoolean over =
        new java.util.concurrent.atomic.AtomicBoolean();
    return Multi.createFrom()
        .ticks()
        .startingAfter(Duration.ofMillis(1))
        .every(Duration.ofMillis(400))
        .onOverflow()
        .drop()
        .emitOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
        .map(t -> publish.job(paperId, jobId))
        .select()
        .first(
            j -> {
              if (over.get()) {
                return false;
              }
              over.set(j.state().equals("DONE") || j.state().equals("FAILED"));
              return true;
            });
  }

  @GET
  @Path("/editions")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "The paper's editions, newest first")
  public List<EditionView> editions(@PathParam("paperId") long paperId) {
    return publish.editions(paperId);
  }

  @GET
  @Path("/editions/{number}")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "An edition: its sections' revisions, endorsement tallies, files")
  public EditionView edition(@PathParam("paperId") long paperId, @PathParam("number") int number) {
    return publish.get(paperId, number);
  }

  @GET
  @Path("/editions/{number}/files/{format}")
  @Authorize(Action.READ_PAPER)
  @Operation(
      summary =
          "Download a file of an edition (white-paper-pdf, submission-pdf, html, docx,"
              + " markdown)")
  public Response file(
      @PathParam("paperId") long paperId,
      @PathParam("number") int number,
      @PathParam("format") String format) {
    return download(publish.artifact(paperId, number, format));
  }

  @GET
  @Path("/editions/{number}/changes")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "What changed since edition ?from: sections added, removed, changed, words")
  public Changelog changes(
      @PathParam("paperId") long paperId,
      @PathParam("number") int number,
      @QueryParam("from") Integer from) {
    return publish.changes(paperId, number, from);
  }

  @POST
  @Path("/editions/{number}/publish")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "Mark the edition published (the paper stays open for changes)")
  public EditionView publish(@PathParam("paperId") long paperId, @PathParam("number") int number) {
    return publish.publish(paperId, number);
  }

  @POST
  @Path("/editions/{number}/share-links")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "A link that downloads this edition without an account (shown once)")
  public Response share(
      @PathParam("paperId") long paperId,
      @PathParam("number") int number,
      @Valid CreateShareLink request) {
    return Response.status(201).entity(publish.share(paperId, number, request)).build();
  }

  @GET
  @Path("/share-links")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "The paper's share links, with their downloads")
  public List<ShareLinkView> links(@PathParam("paperId") long paperId) {
    return publish.links(paperId);
  }

  @DELETE
  @Path("/share-links/{linkId}")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "Withdraw a share link")
  public void revoke(@PathParam("paperId") long paperId, @PathParam("linkId") long linkId) {
    publish.revoke(paperId, linkId);
  }

  @GET
  @Path("/review-copy")
  @Authorize(Action.COMPILE)
  @Operation(
      summary =
          "The current text as a DOCX for reviewers in Word: Track Changes on, each section"
              + " stamped with its revision (?section= for one section)")
  @APIResponse(
      responseCode = "200",
      description = "The review copy",
      content =
          @Content(
              mediaType =
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
  public Response reviewCopy(
      @PathParam("paperId") long paperId, @QueryParam("section") Long sectionId) {
    // Today's text, not an edition: never kept by a cache.
    return attachment(reviews.reviewCopy(paperId, sectionId))
        .header("Cache-Control", "private, no-store")
        .build();
  }

  /** An edition's file: it never changes, so caches may keep it. */
  static Response download(PublishService.Artifact a) {
    return attachment(a)
        .header("ETag", "\"" + a.sha256() + "\"")
        .header("Cache-Control", "private, max-age=31536000, immutable")
        .build();
  }

  private static Response.ResponseBuilder attachment(PublishService.Artifact a) {
    return Response.ok(a.body())
        .type(a.mediaType())
        .header("Content-Disposition", ContentDisposition.attachment(a.filename()));
  }
}
