package org.plenary.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.plenary.platform.db.EmbeddedDatabase;

/**
 * A real PostgreSQL for the tests: the same embedded binaries as the run command, started once per
 * test run (shared by every test class and test profile) in a fresh temporary data directory.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

  private static EmbeddedDatabase database;

  /** The running test database, starting it on first use. */
  public static synchronized EmbeddedDatabase database() {
    if (database == null) {
      try {
        Path dir = Files.createTempDirectory("plenary-test-pg");
        database = EmbeddedDatabase.start(dir.resolve("data"), 0);
        EmbeddedDatabase started = database;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-postgres-stop"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return database;
  }

  @Override
  public Map<String, String> start() {
    EmbeddedDatabase db = database();
    return Map.of(
        "quarkus.datasource.jdbc.url", db.jdbcUrl(),
        "quarkus.datasource.username", db.username());
  }

  @Override
  public void stop() {
    // Shared by the whole run; stopped by the shutdown hook.
  }
}
