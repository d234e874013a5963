package org.plenary.endorsement;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.endorsement.EndorsementRecords.Endorsements;
import org.plenary.endorsement.EndorsementRecords.PaperEndorsements;
import org.plenary.endorsement.EndorsementRecords.TakeStance;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Authorize;

/** Endorsements of proposals and of the whole paper, and their tallies. */
@Path("/api/papers/{paperId}")
@Tag(name = "Endorsements")
public class EndorsementResource {

  @Inject EndorsementService endorsements;

  @GET
  @Path("/endorsements")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "The paper's endorsements and every proposal's tally")
  public PaperEndorsements ofPaper(@PathParam("paperId") long paperId) {
    return endorsements.ofPaper(paperId);
  }

  @PUT
  @Path("/endorsement")
  @Authorize(Action.PARTICIPATE)
  @Operation(summary = "Take, change or re-confirm your stance on the whole paper")
  public Endorsements takeOnPaper(
      @PathParam("paperId") long paperId, @Valid @NotNull TakeStance request) {
    return endorsements.take(paperId, null, request);
  }

  @DELETE
  @Path("/endorsement")
  @Authorize(Action.PARTICIPATE)
  @Operation(summary = "Withdraw your stance on the whole paper")
  public Endorsements withdrawOnPaper(@PathParam("paperId") long paperId) {
    return endorsements.withdraw(paperId, null);
  }

  @GET
  @Path("/sections/{sectionId}/endorsements")
  @Authorize(Action.READ_PAPER)
  @Operation(summary = "A proposal's tally by stance and stakeholder group, and its endorsers")
  public Endorsements ofProposal(
      @PathParam("paperId") long paperId, @PathParam("sectionId") long sectionId) {
    return endorsements.ofProposal(paperId, sectionId);
  }

  @PUT
  @Path("/sections/{sectionId}/endorsement")
  @Authorize(Action.PARTICIPATE)
  @Operation(summary = "Take, change or re-confirm your stance on a proposal")
  public Endorsements takeOnProposal(
      @PathParam("paperId") long paperId,
      @PathParam("sectionId") long sectionId,
      @Valid @NotNull TakeStance request) {
    return endorsements.take(paperId, sectionId, request);
  }

  @DELETE
  @Path("/sections/{sectionId}/endorsement")
  @Authorize(Action.PARTICIPATE)
  @Operation(summary = "Withdraw your stance on a proposal")
  public Endorsements withdrawOnProposal(
      @PathParam("paperId") long paperId, @PathParam("sectionId") long sectionId) {
    return endorsements.withdraw(paperId, sectionId);
  }
}
