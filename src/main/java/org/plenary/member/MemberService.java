package org.plenary.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.plenary.identity.Account;
import org.plenary.identity.AuthService;
import org.plenary.identity.IdentityRecords.Session;
import org.plenary.identity.IdentityRecords.SignUp;
import org.plenary.identity.People;
import org.plenary.member.MemberRecords.AddMember;
import org.plenary.member.MemberRecords.CreateInvitation;
import org.plenary.member.MemberRecords.InvitationPreview;
import org.plenary.member.MemberRecords.InvitationView;
import org.plenary.member.MemberRecords.MemberView;
import org.plenary.paper.Paper;
import org.plenary.paper.PaperService.PaperCreated;
import org.plenary.platform.config.PlenaryConfig;
import org.plenary.platform.crypto.Digests;
import org.plenary.platform.error.Conflict;
import org.plenary.platform.error.Gone;
import org.plenary.platform.error.Invalid;
import org.plenary.platform.error.NotFound;
import org.plenary.platform.events.EventLog;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.CurrentActor;
import org.plenary.platform.security.PaperRole;

/**
 * Who belongs to a paper, with which role, and the invitation links that let people join. The
 * paper's creator is its first owner; a paper always keeps at least one owner. Removing someone
 * keeps everything they wrote, attributed as before.
 */
@ApplicationScoped
public class MemberService {

  @Inject EventLog events;
  @Inject CurrentActor currentActor;
  @Inject AuthService auth;
  @Inject PlenaryConfig config;
  @Inject org.plenary.paper.PaperService papers;

  /** Makes the creator of a new paper its owner (inside the creating transaction). */
  @Transactional(Transactional.TxType.MANDATORY)
  void addCreator(@Observes PaperCreated created) {
    insert(created.paperId(), created.createdBy(), PaperRole.OWNER, null);
  }

  /** Adds a member while Plenary sets a paper up (seeding), inside that transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void addInitial(long paperId, long accountId, PaperRole role) {
    if (PaperMember.of(paperId, accountId).isEmpty()) {
      insert(paperId, accountId, role, null);
      events.record(paperId, "member.added", "account", accountId, Map.of("role", role.name()));
    }
  }

  @Transactional
  public List<MemberView> list(long paperId) {
    List<PaperMember> members = PaperMember.ofPaper(paperId);
    Map<Long, Account> accounts =
        Account.<Account>list("id in ?1", members.stream().map(m -> m.accountId).toList()).stream()
            .collect(java.util.stream.Collectors.toMap(a -> a.id, a -> a));
    return members.stream().map(m -> view(m, accounts.get(m.accountId))).toList();
  }

  @Transactional
  public MemberView add(long paperId, AddMember request) {
    lockPaper(paperId);
    Account account =
        Account.byHandle(stripAt(request.handle()))
            .filter(Account::isActive)
            .orElseThrow(() -> new Invalid("handle", "is not the handle of an active account"));
    if (PaperMember.of(paperId, account.id).isPresent()) {
      throw new Conflict(
          "@" + account.handle + " is already a member of this paper; change their role instead.");
    }
    PaperMember member = insert(paperId, account.id, request.role(), currentActor.get());
    events.record(
        paperId, "member.added", "account", account.id, Map.of("role", request.role().name()));
    return view(member, account);
  }

  @Transactional
  public MemberView changeRole(long paperId, long accountId, PaperRole role) {
    lockPaper(paperId);
    PaperMember member = member(paperId, accountId);
    if (member.role == PaperRole.OWNER
        && role != PaperRole.OWNER
        && PaperMember.owners(paperId) <= 1) {
      throw new Conflict(
          "This is the paper's last owner. Make someone else an owner first, so the paper is"
              + " never left without one.");
    }
    PaperRole from = member.role;
    member.role = role;
    events.record(
        paperId,
        "member.role-changed",
        "account",
        accountId,
        Map.of("from", from.name(), "to", role.name()));
    return view(member, Account.findById(accountId));
  }

  @Transactional
  public void remove(long paperId, long accountId) {
    lockPaper(paperId);
    PaperMember member = member(paperId, accountId);
    if (member.role == PaperRole.OWNER && PaperMember.owners(paperId) <= 1) {
      throw new Conflict(
          "This is the paper's last owner and cannot be removed. Make someone else an owner"
              + " first.");
    }
    member.delete();
    events.record(
        paperId, "member.removed", "account", accountId, Map.of("role", member.role.name()));
  }

  // ---- Invitations ------------------------------------------------------------------------

  @Transactional
  public InvitationView invite(long paperId, CreateInvitation request, String linkBase) {
    Paper paper = lockPaper(paperId);
    String token = Digests.newSecret(24);
    Invitation invitation = new Invitation();
    invitation.paperId = paper.id;
    invitation.tokenHash = Digests.sha256Hex(token);
    invitation.role = request.role();
    invitation.note = request.note() == null || request.note().isBlank() ? null : request.note();
    invitation.createdBy = currentActor.get().accountId();
    invitation.createdAt = BaseEntity.now();
    invitation.expiresAt =
        invitation.createdAt.plus(
            request.expiresInDays() == null
                ? config.auth().invitationLifetime()
                : Duration.ofDays(request.expiresInDays()));
    invitation.maxUses = request.maxUses() == null ? 1 : request.maxUses();
    invitation.persist();
    events.record(
        paperId,
        "invitation.created",
        "invitation",
        invitation.id,
        Map.of("role", invitation.role.name(), "maxUses", invitation.maxUses));
    return view(invitation, token, linkBase + token);
  }

  @Transactional
  public List<InvitationView> invitations(long paperId) {
    return Invitation.<Invitation>list("paperId = ?1 order by createdAt desc", paperId).stream()
        .map(i -> view(i, null, null))
        .toList();
  }

  @Transactional
  public void revokeInvitation(long paperId, long invitationId) {
    Invitation invitation =
        Invitation.<Invitation>findByIdOptional(invitationId)
            .filter(i -> i.paperId == paperId)
            .orElseThrow(() -> new NotFound("invitation", String.valueOf(invitationId)));
    if (invitation.revokedAt == null) {
      invitation.revokedAt = BaseEntity.now();
      events.record(paperId, "invitation.revoked", "invitation", invitationId, Map.of());
    }
  }

  /**
   * What the holder of a link may see before accepting it. The holder is not in the room yet, so
   * the inviter is shown as they chose to be shown outside it (Chatham House rule).
   */
  @Transactional
  public InvitationPreview preview(String token) {
    Invitation invitation = usable(token, LockModeType.NONE);
    Paper paper = Paper.findById(invitation.paperId);
    Account by = Account.findById(invitation.createdBy);
    String invitedBy =
        by == null ? null : People.present(by, People.Audience.OUTSIDE).displayName();
    return new InvitationPreview(paper.title, invitation.role, invitation.expiresAt, invitedBy);
  }

  /** The signed-in caller joins the paper through the link. */
  @Transactional
  public MemberView accept(String token) {
    Actor actor = currentActor.get();
    Invitation invitation = usable(token, LockModeType.PESSIMISTIC_WRITE);
    return join(invitation, AuthService.account(actor.accountId()), actor);
  }

  /** A new local account joins the paper through the link, and is signed in. */
  @Transactional
  public Session signUp(String token, SignUp request) {
    Invitation invitation = usable(token, LockModeType.PESSIMISTIC_WRITE);
    Account account = auth.createLocal(request);
    join(invitation, account, AuthService.actorOf(account));
    return auth.sessionFor(account);
  }

  private MemberView join(Invitation invitation, Account account, Actor actor) {
    Optional<PaperMember> existing = PaperMember.of(invitation.paperId, account.id);
    if (existing.isPresent()) {
      throw new Conflict(
          "You are already a member of this paper (as "
              + existing.get().role.name().toLowerCase()
              + "); the invitation was not used.");
    }
    invitation.uses++;
    PaperMember member = insert(invitation.paperId, account.id, invitation.role, null);
    member.addedBy = invitation.createdBy;
    events.recordAs(
        actor,
        invitation.paperId,
        "invitation.used",
        "invitation",
        invitation.id,
        Map.of("role", invitation.role.name(), "accountId", account.id));
    return view(member, account);
  }

  private Invitation usable(String token, LockModeType lock) {
    Invitation invitation =
        token == null || token.length() > 100
            ? null
            : Invitation.<Invitation>find("tokenHash", Digests.sha256Hex(token))
                .withLock(lock)
                .firstResult();
    if (invitation == null) {
      throw new NotFound("invitation", "with this link");
    }
    if (invitation.revokedAt != null) {
      throw new Gone("This invitation was withdrawn. Ask the paper's facilitator for a new one.");
    }
    if (invitation.expiresAt.isBefore(BaseEntity.now())) {
      throw new Gone("This invitation has expired. Ask the paper's facilitator for a new one.");
    }
    if (invitation.uses >= invitation.maxUses) {
      throw new Gone(
          "This invitation has been used as often as it allows. Ask the paper's facilitator for"
              + " a new one.");
    }
    return invitation;
  }

  private PaperMember insert(long paperId, long accountId, PaperRole role, Actor by) {
    PaperMember member = new PaperMember();
    member.paperId = paperId;
    member.accountId = accountId;
    member.role = role;
    member.addedBy = by == null ? null : by.accountId();
    member.addedAt = BaseEntity.now();
    member.persist();
    return member;
  }

  private static PaperMember member(long paperId, long accountId) {
    return PaperMember.of(paperId, accountId)
        .orElseThrow(() -> new NotFound("member", accountId + " of paper " + paperId));
  }

  private Paper lockPaper(long paperId) {
    return papers.find(paperId, LockModeType.PESSIMISTIC_WRITE);
  }

  private static MemberView view(PaperMember m, Account a) {
    // Owners are in the room: they see members as they are (an erased one as a former one).
    People.Shown shown = People.present(a, People.Audience.IN_THE_ROOM);
    return new MemberView(
        m.accountId,
        shown.handle(),
        shown.displayName(),
        shown.organisation(),
        shown.stakeholderGroup(),
        m.role,
        m.addedAt);
  }

  private static InvitationView view(Invitation i, String token, String link) {
    return new InvitationView(
        i.id,
        i.paperId,
        i.role,
        i.note,
        i.createdAt,
        i.expiresAt,
        i.maxUses,
        i.uses,
        i.revokedAt != null,
        token,
        link);
  }

  private static String stripAt(String handle) {
    String h = handle.strip();
    return h.startsWith("@") ? h.substring(1) : h;
  }
}
