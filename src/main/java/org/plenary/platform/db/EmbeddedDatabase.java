package org.plenary.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The embedded default: a real PostgreSQL, started by Plenary itself when no datasource URL is
 * configured, with a persistent data directory so a restart keeps everything.
 *
 * <p>It runs before Quarkus starts (see {@code PlenaryMain}) because the datasource must be known
 * when Quarkus boots; its settings therefore come from system properties or environment variables,
 * not from {@code application.properties}:
 *
 * <ul>
 *   <li>{@code plenary.db.data-dir} / {@code PLENARY_DB_DATA_DIR}: where the data lives (default:
 *       the user's data directory, e.g. {@code ~/.local/share/plenary/postgres-17});
 *   <li>{@code plenary.db.port} / {@code PLENARY_DB_PORT}: the port (default: a free one).
 * </ul>
 */
public final class EmbeddedDatabase implements AutoCloseable {

  /** The PostgreSQL major version the embedded binaries provide (pinned in the pom). */
  public static final String MAJOR_VERSION = "17";

  public static final String DATABASE = "plenary";

  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  /**
   * Starts PostgreSQL on {@code dataDirectory} (created and initialised when empty) and makes sure
   * the {@value #DATABASE} database exists.
   *
   * @param port the port, or 0 for a free one
   * @throws IncompatibleDataDirectoryException when the directory holds another major version
   */
  public static EmbeddedDatabase start(Path dataDirectory, int port) {
    checkMajorVersion(dataDirectory);
    try {
      Files.createDirectories(dataDirectory);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory.toFile())
              .setCleanDataDirectory(false)
              // PlenaryMain stops it after Quarkus has stopped, not in parallel with it.
              .setRegisterShutdownHook(false)
              .setLocaleConfig("locale", "C")
              .setServerConfig("listen_addresses", "127.0.0.1")
              // zonky starts PostgreSQL with fsync and synchronous_commit off, which suits
              // throwaway test databases; this one holds people's words. With both on, a commit
              // is on disk before Plenary answers 2xx, and a power cut cannot corrupt the data.
              // (Options given with -c come after zonky's -F on the command line, so they win.)
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setPGStartupWait(java.time.Duration.ofSeconds(60));
      if (port > 0) {
        builder.setPort(port);
      }
      EmbeddedPostgres postgres = builder.start();
      EmbeddedDatabase database = new EmbeddedDatabase(postgres, dataDirectory);
      database.createDatabaseIfMissing();
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not start the embedded PostgreSQL in " + dataDirectory, e);
    }
  }

  /**
   * Refuses a data directory written by another PostgreSQL major version: starting on it would fail
   * obscurely, or worse, so say what to do instead.
   */
  public static void checkMajorVersion(Path dataDirectory) {
    Path versionFile = dataDirectory.resolve("PG_VERSION");
    if (!Files.isRegularFile(versionFile)) {
      return;
    }
    String found;
    try {
      found = Files.readString(versionFile, StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + versionFile, e);
    }
    if (!MAJOR_VERSION.equals(found)) {
      throw new IncompatibleDataDirectoryException(dataDirectory, found);
    }
  }

  private void createDatabaseIfMissing() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet rs =
          statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        if (rs.next()) {
          return;
        }
      }
      statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the '" + DATABASE + "' database", e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
  }

  public String username() {
    return "postgres";
  }

  public int port() {
    return postgres.getPort();
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  /** Stops PostgreSQL cleanly (a fast shutdown with a checkpoint); safe to call twice. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      postgres.close();
      // Quarkus's log handlers are closed by now: say it on stdout.
      System.out.println("Embedded PostgreSQL stopped; data kept in " + dataDirectory);
    } catch (IOException e) {
      LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
    }
  }

  /** The default data directory: the user's data directory, per operating system convention. */
  public static Path defaultDataDirectory(Function<String, String> env) {
    String home = System.getProperty("user.home");
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    Path base;
    String xdg = env.apply("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank()) {
      base = Path.of(xdg);
    } else if (os.contains("mac")) {
      base = Path.of(home, "Library", "Application Support");
    } else if (os.contains("win") && env.apply("LOCALAPPDATA") != null) {
      base = Path.of(env.apply("LOCALAPPDATA"));
    } else {
      base = Path.of(home, ".local", "share");
    }
    return base.resolve("plenary").resolve("postgres-" + MAJOR_VERSION);
  }

  /**
   * Starts the embedded database unless a datasource URL is configured, and publishes its URL and
   * user as system properties for Quarkus. Returns the running database, if one was started.
   */
  public static Optional<EmbeddedDatabase> startUnlessExternal(
      Map<String, String> env, java.util.Properties props) {
    if (props.getProperty("quarkus.datasource.jdbc.url") != null
        || env.get("QUARKUS_DATASOURCE_JDBC_URL") != null) {
      LOG.info("Using the configured external PostgreSQL");
      return Optional.empty();
    }
    Path dataDir =
        Optional.ofNullable(props.getProperty("plenary.db.data-dir"))
            .or(() -> Optional.ofNullable(env.get("PLENARY_DB_DATA_DIR")))
            .map(Path::of)
            .orElseGet(() -> defaultDataDirectory(env::get));
    int port =
        Integer.parseInt(
            Optional.ofNullable(props.getProperty("plenary.db.port"))
                .or(() -> Optional.ofNullable(env.get("PLENARY_DB_PORT")))
                .orElse("0"));
    EmbeddedDatabase database = start(dataDir.toAbsolutePath(), port);
    props.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
    props.setProperty("quarkus.datasource.username", database.username());
    LOG.infof(
        "Embedded PostgreSQL %s listening on 127.0.0.1:%d; data lives in %s",
        MAJOR_VERSION, database.port(), database.dataDirectory());
    return Optional.of(database);
  }

  /** The data directory belongs to another PostgreSQL major version. */
  public static final class IncompatibleDataDirectoryException extends IllegalStateException {
    public IncompatibleDataDirectoryException(Path dataDirectory, String found) {
      super(
          "The data directory "
              + dataDirectory
              + " was written by PostgreSQL "
              + found
              + ", but Plenary's embedded database is PostgreSQL "
              + MAJOR_VERSION
              + ". Point PLENARY_DB_DATA_DIR at a new directory, or upgrade the data with pg_upgrade"
              + " (or a pg_dump from PostgreSQL "
              + found
              + " restored into "
              + MAJOR_VERSION
              + ").");
    }
  }
}
