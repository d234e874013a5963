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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.plenary.identity.Account;
import org.plenary.identity.AuthService;
import org.plenary.identity.FirstAdministrator;
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

  record Manifest(
      String title,
      String subtitle,
      String slug,
      String summary,
      String language,
      List<SectionSeed> sections,
      List<AuthorSeed> authors) {}

  record SectionSeed(String heading, SectionKind kind, List<RevisionSeed> revisions) {}

  record RevisionSeed(String file, String author, String summary) {}

  /**
   * A person of the demo paper: its authors, and the example Keycloak users (matched by their
   * subject in deploy/keycloak/plenary-realm.json, so signing in as them finds this account).
   */
  record AuthorSeed(String handle, String displayName, PaperRole role, String ssoSubject) {}

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
    LOG.infof(
        "Seeded the demo paper \"%s\" (%d sections) at /api/papers/%d",
        manifest.title(), manifest.sections().size(), paper.id());
    return true;
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
