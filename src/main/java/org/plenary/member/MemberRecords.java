package org.plenary.member;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.plenary.identity.StakeholderGroup;
import org.plenary.platform.security.PaperRole;

/** The API bodies of paper membership and invitations. */
public final class MemberRecords {
  private MemberRecords() {}

  /** A member of a paper as its owners see them. */
  public record MemberView(
      long accountId,
      String handle,
      String displayName,
      String organisation,
      StakeholderGroup stakeholderGroup,
      PaperRole role,
      Instant addedAt) {}

  /** Add an existing account to the paper. */
  public record AddMember(@NotBlank @Size(max = 31) String handle, @NotNull PaperRole role) {}

  /** Change a member's role. */
  public record ChangeRole(@NotNull PaperRole role) {}

  /** A new invitation link. */
  public record CreateInvitation(
      @NotNull PaperRole role,
      @Min(1) @Max(90) Integer expiresInDays,
      @Min(1) @Max(1000) Integer maxUses,
      @Size(max = 500) String note) {}

  /** An invitation as its paper's owners see it; {@code token} only in the answer that made it. */
  public record InvitationView(
      long id,
      long paperId,
      PaperRole role,
      String note,
      Instant createdAt,
      Instant expiresAt,
      int maxUses,
      int uses,
      boolean revoked,
      String token,
      String link) {}

  /** What someone holding an invitation link may see before accepting it. */
  public record InvitationPreview(
      String paperTitle, PaperRole role, Instant expiresAt, String invitedBy) {}
}
