package org.plenary.comment;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.comment.CommentRecords.CommentText;
import org.plenary.comment.CommentRecords.CreateComment;
import org.plenary.comment.CommentRecords.Flag;
import org.plenary.comment.CommentRecords.Hide;
import org.plenary.comment.CommentRecords.Mentionable;
import org.plenary.comment.CommentRecords.ThreadView;
import org.plenary.comment.CommentRecords.VersionView;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Authorize;

/** Comment threads on a paper's sections, and their moderation. */
@Path("/api/papers/{paperId}")
@Tag(name = "Comments")
public class CommentResource {

  @Inject CommentService comments;

  @POST
  @Path("/sections/{sectionId}/comments")
  @Authorize(Action.PARTICIPATE)
  @Operation(summary = "Start a thread on a passage of the section, or on the whole section")
  public Response start(
      @PathParam("paperId") long paperId,
      @PathParam("sectionId") long sectionId,
      @Valid @NotNull CreateComment request) {
    return Response.status(201).entity(comments.startThread(paperId, sectionId, request)).build();
  }

  @GET
  @Path("/sections/{sectionId}/comments")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "The section's threads in the order of the text (?status=open|resolved)")
  public List<ThreadView> ofSection(
      @PathParam("paperId") long paperId,
      @PathParam("sectionId") long sectionId,
      @QueryParam("status") String status) {
    return comments.threads(paperId, sectionId, status);
  }

  @GET
  @Path("/comments")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "Every thread of the paper, section by section (?status=open|resolved)")
  public List<ThreadView> ofPaper(
      @PathParam("paperId") long paperId, @QueryParam("status") String status) {
    return comments.threads(paperId, null, status);
  }

  @GET
  @Path("/comments/flagged")
  @Authorize(Action.EDIT)
  @Operation(summary = "Threads with flagged comments not hidden yet (the moderation queue)")
  public List<ThreadView> flagged(@PathParam("paperId") long paperId) {
    return comments.flagged(paperId);
  }

  @GET
  @Path("/comments/{commentId}")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "The thread a comment belongs to")
  public ThreadView thread(
      @PathParam("paperId") long paperId, @PathParam("commentId") long commentId) {
    return comments.thread(paperId, commentId);
  }

  @POST
  @Path("/comments/{commentId}/replies")
  @Authorize(Action.PARTICIPATE)
  @Operation(summary = "Reply to a comment, in its thread")
  public Response reply(
      @PathParam("paperId") long paperId,
      @PathParam("commentId") long commentId,
      @Valid @NotNull CommentText request) {
    return Response.status(201).entity(comments.reply(paperId, commentId, request.body())).build();
  }

  @PATCH
  @Path("/comments/{commentId}")
  @Authorize(Action.PARTICIPATE)
  @Operation(summary = "Change your comment (the earlier text is kept)")
  public ThreadView edit(
      @PathParam("paperId") long paperId,
      @PathParam("commentId") long commentId,
      @Valid @NotNull CommentText request) {
    return comments.edit(paperId, commentId, request.body());
  }

  @DELETE
  @Path("/comments/{commentId}")
  @Authorize(Action.PARTICIPATE)
  @Operation(summary = "Delete your comment (its text is kept, no longer shown)")
  public ThreadView delete(
      @PathParam("paperId") long paperId, @PathParam("commentId") long commentId) {
    return comments.delete(paperId, commentId);
  }

  @GET
  @Path("/comments/{commentId}/versions")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "Every version of a comment's text")
  public List<VersionView> versions(
      @PathParam("paperId") long paperId, @PathParam("commentId") long commentId) {
    return comments.versions(paperId, commentId);
  }

  @POST
  @Path("/comments/{commentId}/resolve")
  @Authorize(Action.PARTICIPATE)
  @Operation(summary = "Resolve a thread (its author, editors and owners)")
  public ThreadView resolve(
      @PathParam("paperId") long paperId, @PathParam("commentId") long commentId) {
    return comments.resolve(paperId, commentId, true);
  }

  @POST
  @Path("/comments/{commentId}/reopen")
  @Authorize(Action.PARTICIPATE)
  @Operation(summary = "Reopen a resolved thread (its author, editors and owners)")
  public ThreadView reopen(
      @PathParam("paperId") long paperId, @PathParam("commentId") long commentId) {
    return comments.resolve(paperId, commentId, false);
  }

  @POST
  @Path("/comments/{commentId}/flag")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "Flag a comment for the editors")
  public ThreadView flag(
      @PathParam("paperId") long paperId,
      @PathParam("commentId") long commentId,
      @Valid Flag request) {
    return comments.flag(paperId, commentId, request == null ? null : request.reason());
  }

  @POST
  @Path("/comments/{commentId}/hide")
  @Authorize(Action.EDIT)
  @Operation(summary = "Hide a comment from everyone but the editors, saying why")
  public ThreadView hide(
      @PathParam("paperId") long paperId,
      @PathParam("commentId") long commentId,
      @Valid @NotNull Hide request) {
    return comments.hide(paperId, commentId, request.reason());
  }

  @POST
  @Path("/comments/{commentId}/show")
  @Authorize(Action.EDIT)
  @Operation(summary = "Show a hidden comment again")
  public ThreadView show(
      @PathParam("paperId") long paperId, @PathParam("commentId") long commentId) {
    return comments.hide(paperId, commentId, null);
  }

  @GET
  @Path("/mentionable")
  @Authorize(Action.PARTICIPATE)
  @Operation(summary = "Members whose handle or name starts with ?q, for @mentions")
  public List<Mentionable> mentionable(
      @PathParam("paperId") long paperId, @QueryParam("q") String query) {
    return comments.mentionable(paperId, query);
  }
}
