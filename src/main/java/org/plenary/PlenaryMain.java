package org.plenary;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.plenary.platform.db.EmbeddedDatabase;

/**
 * Starts Plenary. Without a configured datasource URL it first starts the embedded PostgreSQL, so
 * that {@code java -jar} alone gives a working service with persistent data, and stops it after
 * Quarkus has stopped (also on SIGTERM), so no request is cut off by a database going away first.
 */
@QuarkusMain
public final class PlenaryMain {

  private PlenaryMain() {}

  public static void main(String... args) {
    Optional<EmbeddedDatabase> embedded;
    try {
      embedded = EmbeddedDatabase.startUnlessExternal(System.getenv(), System.getProperties());
    } catch (EmbeddedDatabase.IncompatibleDataDirectoryException e) {
      System.err.println("Plenary cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    Thread main = Thread.currentThread();
    embedded.ifPresent(
        db ->
            Runtime.getRuntime()
                .addShutdownHook(
                    new Thread(
                        () -> {
                          try {
                            // On SIGTERM, Quarkus stops on this thread's watch; wait for it.
                            main.join(20_000);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          db.close();
                        },
                        "embedded-postgres-stop")));
    AtomicInteger exitCode = new AtomicInteger();
    try {
      Quarkus.run(
          null,
          (code, cause) -> {
            exitCode.set(code);
            if (cause != null) {
              // Logging may not be set up (or already shut down): say it on stderr.
              System.err.println("Plenary stopped: " + cause);
              cause.printStackTrace();
            }
          },
          args);
    } finally {
      embedded.ifPresent(EmbeddedDatabase::close);
    }
    if (exitCode.get() != 0) {
      System.exit(exitCode.get());
    }
  }
}
