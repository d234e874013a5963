package org.plenary.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.plenary.comment.CommentRecords.AnchorRequest;
import org.plenary.comment.CommentRecords.CreateComment;
import org.plenary.comment.CommentRecords.ThreadView;
import org.plenary.comment.CommentService;
import org.plenary.endorsement.Endorsement.Stance;
import org.plenary.endorsement.EndorsementRecords.TakeStance;
import org.plenary.endorsement.EndorsementService;
import org.plenary.identity.Account;
import org.plenary.identity.Attribution;
import org.plenary.identity.AuthService;
import org.plenary.identity.FirstAdministrator;
import org.plenary.identity.StakeholderGroup;
import org.plenary.member.MemberService;
import org.plenary.paper.Paper;
import org.plenary.paper.PaperRecords.CreatePaper;
import org.plenary.paper.PaperRecords.PaperView;
import org.plenary.paper.PaperService;
import org.plenary.platform.config.PlenaryConfig;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.CurrentActor;
import org.plenary.platform.security.PaperRole;
import org.plenary.revision.RevisionRecords.SaveContent;
import org.plenary.revision.RevisionService;
import org.plenary.section.ETags;
import org.plenary.section.Section;
import org.plenary.section.SectionKind;
import org.plenary.section.SectionRecords.CreateSection;
import org.plenary.section.SectionRecords.SectionView;
import org.plenary.section.SectionService;

/**
 * Seeds the demo paper, modelled on the roundtable, on first start with an empty database (turn it
 * off with {@code plenary.demo.enabled=false}). It goes through the same services as the API, so
 * the demo's history and events are real ones.
 */
@ApplicationScoped
public class DemoSeeder {

  private static final Logger LOG = Logger.getLogger(DemoSeeder.class);
  private static final long SEED_LOCK = 0x504c454e41525931L; // "PLENARY1"

  @Inject PlenaryConfig config;
  @Inject EntityManager em;
  @Inject PaperService papers;
  @Inject MemberService members;
  @Inject SectionService sections;
  @Inject RevisionService revisions;
  @Inject CurrentActor actor;
  @Inject ObjectMapper json;
  @Inject EndorsementService endorsements;
  @Inject CommentService comments;

  record Manifest(
      String title,
      String subtitle,
      String slug,
      String summary,
      String language,
      String initiative,
      List<String> keywords,
      List<Paper.Signatory> signatories,
      List<SectionSeed> sections,
      List<AuthorSeed> authors,
      List<StanceSeed> endorsements,
      List<ThreadSeed> comments) {}

  record SectionSeed(String heading, SectionKind kind, List<RevisionSeed> revisions) {}

  record RevisionSeed(String file, String author, String summary) {}

  /**
   * A person of the demo paper: its authors, and the example Keycloak users (matched by their
   * subject in deploy/keycloak/plenary-realm.json, so signing in as them finds this account).
   */
  record AuthorSeed(
      String handle,
      String displayName,
      PaperRole role,
      String ssoSubject,
      String organisation,
      StakeholderGroup stakeholderGroup,
      Attribution attribution) {}

  /** A stance on proposal {@code section} (an index into the sections; null: the paper). */
  record StanceSeed(String author, Integer section, Stance stance, String statement) {}

  /** A thread on {@code section}, on the passage {@code quote} (null: the whole section). */
  record ThreadSeed(
      String author,
      int section,
      String quote,
      String body,
      List<ReplySeed> replies,
      Boolean resolved,
      String resolvedBy) {}

  record ReplySeed(String author, String body) {}

  void onStart(@Observes StartupEvent start) {
    if (config.demo().enabled()) {
      seedIfEmpty();
    }
  }

  /** Seeds the demo paper unless any paper exists; safe when several instances start at once. */
  @Transactional
  public boolean seedIfEmpty() {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
        .setParameter(1, SEED_LOCK)
        .getSingleResult();
    if (Paper.count() > 0) {
      return false;
    }
    Manifest manifest = read("demo/paper.json", Manifest.class);
    Map<String, Actor> authors = new HashMap<>();
    for (AuthorSeed seed : manifest.authors()) {
      Account account =
          Account.<Account>find("handle", seed.handle())
              .firstResultOptional()
              .orElseGet(
                  () -> {
                    Account a = new Account();
                    // Demo authors sign in only when the example Keycloak realm knows them.
                    a.kind = seed.ssoSubject() == null ? Account.Kind.SYSTEM : Account.Kind.SSO;
                    a.ssoSubject = seed.ssoSubject();
                    a.handle = seed.handle();
                    a.displayName = seed.displayName();
                    a.organisation = seed.organisation();
                    if (seed.stakeholderGroup() != null) {
                      a.stakeholderGroup = seed.stakeholderGroup();
                    }
                    if (seed.attribution() != null) {
                      a.attribution = seed.attribution();
                    }
                    a.persist();
                    return a;
                  });
      authors.put(seed.handle(), new Actor(account.id, account.handle, false));
    }
    // The first administrator facilitates the demo paper; its authors are its contributors.
    Account admin = FirstAdministrator.find().orElseThrow();
    Actor facilitator = AuthService.actorOf(admin);
    PaperView paper =
        actor.runAs(
            facilitator,
            () ->
                papers.create(
                    new CreatePaper(
                        manifest.title(),
                        manifest.subtitle(),
                        manifest.slug(),
                        manifest.summary(),
                        manifest.language())));
    actor.runAs(
        facilitator,
        () -> {
          for (AuthorSeed seed : manifest.authors()) {
            members.addInitial(paper.id(), authors.get(seed.handle()).accountId(), seed.role());
          }
          return null;
        });
    List<Long> sectionIds = new ArrayList<>();
    for (SectionSeed seed : manifest.sections()) {
      RevisionSeed first = seed.revisions().get(0);
      SectionView section =
          actor.runAs(
              authors.get(first.author()),
              () ->
                  sections.create(
                      paper.id(),
                      new CreateSection(
                          seed.heading(), seed.kind(), null, text(first.file()), first.summary())));
      sectionIds.add(section.id());
      int revision = 1;
      for (RevisionSeed next : seed.revisions().subList(1, seed.revisions().size())) {
        String etag = ETags.of(section.id(), revision);
        revision =
            actor
                .runAs(
                    authors.get(next.author()),
                    () ->
                        revisions.save(
                            paper.id(),
                            section.id(),
                            etag,
                            new SaveContent(text(next.file()), next.summary())))
                .revision();
      }
    }
    Paper seeded = Paper.findById(paper.id());
    seeded.initiative = manifest.initiative();
    seeded.keywords = new ArrayList<>(orEmpty(manifest.keywords()));
    seeded.signatories = new ArrayList<>(orEmpty(manifest.signatories()));
    for (int i = 0; i < manifest.sections().size(); i++) {
      Section section = Section.findById(sectionIds.get(i));
      if (section.kind == SectionKind.PROPOSAL) {
        section.proposalSummary = inBrief(text(lastFile(manifest.sections().get(i))));
      }
    }
    // The revisions were written with plain SQL in this transaction: forget the sections loaded
    // before them, so stances and comments see each section's current revision.
    em.flush();
    em.clear();
    for (StanceSeed seed : orEmpty(manifest.endorsements())) {
      actor.runAs(
          authors.get(seed.author()),
          () ->
              endorsements.take(
                  paper.id(),
                  seed.section() == null ? null : sectionIds.get(seed.section()),
                  new TakeStance(seed.stance(), seed.statement(), null)));
    }
    for (ThreadSeed seed : orEmpty(manifest.comments())) {
      long sectionId = sectionIds.get(seed.section());
      int revision = manifest.sections().get(seed.section()).revisions().size(); // the latest
      ThreadView thread =
          actor.runAs(
              authors.get(seed.author()),
              () ->
                  comments.startThread(
                      paper.id(),
                      sectionId,
                      new CreateComment(
                          seed.body(),
                          seed.quote() == null
                              ? null
                              : new AnchorRequest(seed.quote(), null, null, revision, null))));
      for (ReplySeed reply : orEmpty(seed.replies())) {
        actor.runAs(
            authors.get(reply.author()),
            () -> comments.reply(paper.id(), thread.id(), reply.body()));
      }
      if (Boolean.TRUE.equals(seed.resolved())) {
        actor.runAs(
            authors.get(seed.resolvedBy()), () -> comments.resolve(paper.id(), thread.id(), true));
      }
    }
    LOG.infof(
        "Seeded the demo paper \"%s\" (%d sections) at /api/papers/%d",
        manifest.title(), manifest.sections().size(), paper.id());
    return true;
  }

  private static String lastFile(SectionSeed seed) {
    return seed.revisions().get(seed.revisions().size() - 1).file();
  }

  /** A demo proposal's summary: its opening "**In brief:** …" paragraph, without the label. */
  static String inBrief(String body) {
    String first = body.strip().split("\\n\\s*\\n", 2)[0];
    return first.replaceFirst("^\\*\\*In brief:\\*\\*\\s*", "").strip();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private <T> T read(String resource, Class<T> type) {
    try (InputStream in = resourceStream(resource)) {
      return json.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the demo content " + resource, e);
    }
  }

  private static String text(String file) {
    try (InputStream in = resourceStream("demo/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the demo content " + file, e);
    }
  }

  private static InputStream resourceStream(String resource) {
    InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Missing demo content: " + resource);
    }
    return in;
  }
}
