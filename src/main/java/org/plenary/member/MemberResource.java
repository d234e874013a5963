package org.plenary.member;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.identity.IdentityRecords.Session;
import org.plenary.identity.IdentityRecords.SignUp;
import org.plenary.member.MemberRecords.AddMember;
import org.plenary.member.MemberRecords.ChangeRole;
import org.plenary.member.MemberRecords.CreateInvitation;
import org.plenary.member.MemberRecords.InvitationPreview;
import org.plenary.member.MemberRecords.InvitationView;
import org.plenary.member.MemberRecords.MemberView;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Authorize;

/** A paper's members and invitations (owners only). */
@Path("/api/papers/{paperId}")
@Tag(name = "Members")
public class MemberResource {

  @Inject MemberService members;

  @GET
  @Path("/members")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "The paper's members and their roles")
  public List<MemberView> list(@PathParam("paperId") long paperId) {
    return members.list(paperId);
  }

  @POST
  @Path("/members")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "Add an existing account to the paper")
  public Response add(
      @PathParam("paperId") long paperId, @Valid @NotNull AddMember request, UriInfo uri) {
    MemberView added = members.add(paperId, request);
    return Response.created(
            uri.getAbsolutePathBuilder().path(String.valueOf(added.accountId())).build())
        .entity(added)
        .build();
  }

  @PATCH
  @Path("/members/{accountId}")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "Change a member's role (a paper always keeps one owner)")
  public MemberView changeRole(
      @PathParam("paperId") long paperId,
      @PathParam("accountId") long accountId,
      @Valid @NotNull ChangeRole request) {
    return members.changeRole(paperId, accountId, request.role());
  }

  @DELETE
  @Path("/members/{accountId}")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "Remove a member; what they wrote stays, attributed as before")
  public void remove(@PathParam("paperId") long paperId, @PathParam("accountId") long accountId) {
    members.remove(paperId, accountId);
  }

  @POST
  @Path("/invitations")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "Create an invitation link (the token is shown only in this answer)")
  public Response invite(
      @PathParam("paperId") long paperId, @Valid @NotNull CreateInvitation request, UriInfo uri) {
    String linkBase = uri.getBaseUri().resolve("/#/join/").toString();
    InvitationView created = members.invite(paperId, request, linkBase);
    return Response.status(201).entity(created).build();
  }

  @GET
  @Path("/invitations")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "The paper's invitations (without their tokens)")
  public List<InvitationView> invitations(@PathParam("paperId") long paperId) {
    return members.invitations(paperId);
  }

  @DELETE
  @Path("/invitations/{invitationId}")
  @Authorize(Action.MANAGE_PAPER)
  @Operation(summary = "Withdraw an invitation")
  public void revoke(
      @PathParam("paperId") long paperId, @PathParam("invitationId") long invitationId) {
    members.revokeInvitation(paperId, invitationId);
  }

  /** Using an invitation link. */
  @Path("/api/invitations/{token}")
  @Tag(name = "Members")
  public static class Links {
    @Inject MemberService members;

    @GET
    @Authorize(Action.PUBLIC)
    @Operation(summary = "What an invitation link offers")
    public InvitationPreview preview(@PathParam("token") String token) {
      return members.preview(token);
    }

    @POST
    @Path("/accept")
    @Authorize(Action.SIGNED_IN)
    @Operation(summary = "Join the paper with your account")
    public MemberView accept(@PathParam("token") String token) {
      return members.accept(token);
    }

    @POST
    @Path("/sign-up")
    @Authorize(Action.PUBLIC)
    @Operation(summary = "Create a local account through the link, join the paper, sign in")
    public Response signUp(@PathParam("token") String token, @Valid @NotNull SignUp request) {
      Session session = members.signUp(token, request);
      return Response.status(201).entity(session).build();
    }
  }
}
