package org.plenary.workshop;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Authorize;
import org.plenary.workshop.WorkshopRecords.CreateGroup;
import org.plenary.workshop.WorkshopRecords.CreateWorkshop;
import org.plenary.workshop.WorkshopRecords.GroupMembers;
import org.plenary.workshop.WorkshopRecords.GroupProgress;
import org.plenary.workshop.WorkshopRecords.GroupSections;
import org.plenary.workshop.WorkshopRecords.GroupView;
import org.plenary.workshop.WorkshopRecords.UpdateGroup;
import org.plenary.workshop.WorkshopRecords.UpdateWorkshop;
import org.plenary.workshop.WorkshopRecords.WorkshopView;

/** A paper's workshop sessions and breakout groups (members read; owners arrange). */
@Path("/api/papers/{paperId}/workshops")
@Tag(name = "Workshops")
public class WorkshopResource {

  @Inject WorkshopService workshops;

  @GET
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "The paper's workshop sessions, with their groups, in time order")
  public List<WorkshopView> list(@PathParam("paperId") long paperId) {
    return workshops.list(paperId);
  }

  @POST
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "Add a workshop session (local times in its time zone)")
  public Response create(
      @PathParam("paperId") long paperId, @Valid @NotNull CreateWorkshop request) {
    return Response.status(201).entity(workshops.create(paperId, request)).build();
  }

  @GET
  @Path("/{workshopId}")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "One workshop session")
  public WorkshopView get(
      @PathParam("paperId") long paperId, @PathParam("workshopId") long workshopId) {
    return workshops.get(paperId, workshopId);
  }

  @PATCH
  @Path("/{workshopId}")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "Change a session; fields left out stay")
  public WorkshopView update(
      @PathParam("paperId") long paperId,
      @PathParam("workshopId") long workshopId,
      @Valid @NotNull UpdateWorkshop request) {
    return workshops.update(paperId, workshopId, request);
  }

  @DELETE
  @Path("/{workshopId}")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "Remove a session and its groups (nothing anyone wrote is touched)")
  public void delete(@PathParam("paperId") long paperId, @PathParam("workshopId") long workshopId) {
    workshops.delete(paperId, workshopId);
  }

  @POST
  @Path("/{workshopId}/groups")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "Add a breakout group to a session")
  public Response createGroup(
      @PathParam("paperId") long paperId,
      @PathParam("workshopId") long workshopId,
      @Valid @NotNull CreateGroup request) {
    return Response.status(201).entity(workshops.createGroup(paperId, workshopId, request)).build();
  }

  @PATCH
  @Path("/{workshopId}/groups/{groupId}")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "Rename a group or change its facilitator")
  public GroupView updateGroup(
      @PathParam("paperId") long paperId,
      @PathParam("workshopId") long workshopId,
      @PathParam("groupId") long groupId,
      @Valid @NotNull UpdateGroup request) {
    return workshops.updateGroup(paperId, workshopId, groupId, request);
  }

  @DELETE
  @Path("/{workshopId}/groups/{groupId}")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "Remove a group")
  public void deleteGroup(
      @PathParam("paperId") long paperId,
      @PathParam("workshopId") long workshopId,
      @PathParam("groupId") long groupId) {
    workshops.deleteGroup(paperId, workshopId, groupId);
  }

  @PUT
  @Path("/{workshopId}/groups/{groupId}/members")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "Set who is in the group (members of the paper)")
  public GroupView setMembers(
      @PathParam("paperId") long paperId,
      @PathParam("workshopId") long workshopId,
      @PathParam("groupId") long groupId,
      @Valid @NotNull GroupMembers request) {
    return workshops.setMembers(paperId, workshopId, groupId, request.accountIds());
  }

  @PUT
  @Path("/{workshopId}/groups/{groupId}/sections")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "Set which sections the group writes (its members may save them)")
  public GroupView setSections(
      @PathParam("paperId") long paperId,
      @PathParam("workshopId") long workshopId,
      @PathParam("groupId") long groupId,
      @Valid @NotNull GroupSections request) {
    return workshops.setSections(paperId, workshopId, groupId, request.sectionIds());
  }

  /** Progress of one group, for facilitators. */
  @Path("/api/papers/{paperId}/groups/{groupId}/progress")
  @Tag(name = "Workshops")
  public static class Progress {
    @Inject WorkshopService workshops;

    @GET
    @Authorize(Action.MANAGE_PAPER)
    @Operation(summary = "A group's sections: words, revisions, last activity")
    public GroupProgress progress(
        @PathParam("paperId") long paperId, @PathParam("groupId") long groupId) {
      return workshops.progress(paperId, groupId);
    }
  }
}
