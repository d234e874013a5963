package org.plenary.identity;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.plenary.platform.config.PlenaryConfig;
import org.plenary.platform.events.EventLog;
import org.plenary.platform.persistence.BaseEntity;

/**
 * Plenary never runs without security, so a fresh installation needs someone who can sign in: on
 * the first start (no platform administrator yet) it creates a local administrator. Its password
 * comes from {@code PLENARY_AUTH_ADMIN_PASSWORD} or is generated and printed once in the log.
 */
@ApplicationScoped
public class FirstAdministrator {

  private static final Logger LOG = Logger.getLogger(FirstAdministrator.class);
  private static final long LOCK = 0x504c454e41525932L; // "PLENARY2"
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY345679";

  @Inject PlenaryConfig config;
  @Inject Passwords passwords;
  @Inject EventLog events;
  @Inject EntityManager em;

  @Transactional
  void onStart(@Observes @Priority(10) StartupEvent start) {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
        .setParameter(1, LOCK)
        .getSingleResult();
    if (Account.count("platformAdmin = true and kind = ?1", Account.Kind.LOCAL) > 0) {
      return;
    }
    Optional<String> configured = config.auth().adminPassword().filter(p -> !p.isBlank());
    String password = configured.orElseGet(FirstAdministrator::generate);
    Account admin = new Account();
    admin.kind = Account.Kind.LOCAL;
    admin.handle = config.auth().adminHandle();
    admin.displayName = "Administrator";
    admin.platformAdmin = true;
    admin.passwordHash = passwords.hash(password);
    admin.createdAt = BaseEntity.now();
    admin.updatedAt = admin.createdAt;
    admin.persist();
    events.recordAs(
        AuthService.actorOf(admin), null, "account.created", "account", admin.id, Map.of());
    if (configured.isPresent()) {
      LOG.infof(
          "Created the first administrator @%s with the password from PLENARY_AUTH_ADMIN_PASSWORD",
          admin.handle);
    } else {
      LOG.warnf(
          "%n%n    Created the first administrator. Sign in with handle \"%s\" and password \"%s\""
              + "%n    (shown only this once; change it after signing in).%n",
          admin.handle, password);
    }
  }

  /** The first administrator (for seeding the demo paper). */
  public static Optional<Account> find() {
    return Account.find("platformAdmin = true and kind = ?1 order by id", Account.Kind.LOCAL)
        .firstResultOptional();
  }

  private static String generate() {
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      if (i > 0 && i % 5 == 0) {
        sb.append('-');
      }
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
