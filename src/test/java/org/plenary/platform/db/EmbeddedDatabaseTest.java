package org.plenary.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.platform.db.EmbeddedDatabase.IncompatibleDataDirectoryException;

/**
 * The embedded PostgreSQL with real binaries. Each start costs seconds (initdb on a new directory),
 * so this class starts PostgreSQL four times in all.
 */
class EmbeddedDatabaseTest {

  @TempDir Path temp;

  @Test
  void starting_on_an_empty_directory_initialises_it_durably_and_creates_the_plenary_database()
      throws Exception {
    Path dir = temp.resolve("fresh").resolve("pg");

    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
      assertEquals(dir, db.dataDirectory());
      assertEquals(
          EmbeddedDatabase.MAJOR_VERSION,
          Files.readString(dir.resolve("PG_VERSION"), StandardCharsets.US_ASCII).trim());
      assertTrue(db.port() > 0);
      assertEquals("jdbc:postgresql://127.0.0.1:" + db.port() + "/plenary", db.jdbcUrl());
      try (Connection c = connect(db);
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT current_database(), current_setting('server_version_num')::int / 10000,"
                      + " pg_encoding_to_char(encoding), current_setting('synchronous_commit'),"
                      + " current_setting('fsync') FROM pg_database"
                      + " WHERE datname = current_database()")) {
        assertTrue(rs.next());
        assertEquals("plenary", rs.getString(1));
        assertEquals(Integer.parseInt(EmbeddedDatabase.MAJOR_VERSION), rs.getInt(2));
        assertEquals("UTF8", rs.getString(3));
        assertEquals("on", rs.getString(4), "a commit is on disk before Plenary answers");
        assertEquals("on", rs.getString(5));
      }
    }
  }

  @Test
  void data_written_survives_close_and_a_new_start_on_the_same_directory() throws Exception {
    Path dir = temp.resolve("kept");
    String words = "Every word survives — même les accents, 中文 and 👨‍👩‍👧‍👦.";
    int firstPort;

    EmbeddedDatabase first = EmbeddedDatabase.start(dir, 0);
    try (Connection c = connect(first);
        Statement s = c.createStatement()) {
      firstPort = first.port();
      s.execute("CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)");
      try (var insert = c.prepareStatement("INSERT INTO note VALUES (1, ?)")) {
        insert.setString(1, words);
        insert.executeUpdate();
      }
    } finally {
      first.close();
    }
    first.close(); // safe to call twice
    assertFalse(Files.exists(dir.resolve("postmaster.pid")), "PostgreSQL stopped cleanly");
    assertThrows(
        SQLException.class,
        () -> DriverManager.getConnection(first.jdbcUrl(), first.username(), "").close(),
        "nothing listens on port " + firstPort + " after close()");

    try (EmbeddedDatabase second = EmbeddedDatabase.start(dir, 0);
        Connection c = connect(second);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT body FROM note WHERE id = 1")) {
      assertTrue(rs.next(), "the row written before the restart is there");
      assertEquals(words, rs.getString(1));
    }
  }

  @Test
  void a_data_directory_of_another_major_version_is_refused_with_what_to_do() throws Exception {
    Path dir = temp.resolve("old-pg");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("PG_VERSION"), "14\n", StandardCharsets.US_ASCII);
    Files.writeString(dir.resolve("postgresql.conf"), "# from PostgreSQL 14\n");

    IncompatibleDataDirectoryException refused =
        assertThrows(
            IncompatibleDataDirectoryException.class, () -> EmbeddedDatabase.start(dir, 0));

    String message = refused.getMessage();
    assertTrue(message.contains(dir.toString()), message);
    assertTrue(message.contains("PostgreSQL 14"), message);
    assertTrue(message.contains("PostgreSQL 17"), message);
    assertTrue(message.contains("PLENARY_DB_DATA_DIR"), "says to point elsewhere: " + message);
    assertTrue(message.contains("pg_upgrade"), "says how to upgrade: " + message);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          List.of("PG_VERSION", "postgresql.conf"),
          files.map(p -> p.getFileName().toString()).sorted().toList(),
          "the old directory is left untouched");
    }
    assertEquals("14\n", Files.readString(dir.resolve("PG_VERSION")));

    Properties props = new Properties();
    props.setProperty("plenary.db.data-dir", dir.toString());
    assertThrows(
        IncompatibleDataDirectoryException.class,
        () -> EmbeddedDatabase.startUnlessExternal(Map.of(), props));
    assertNull(props.getProperty("quarkus.datasource.jdbc.url"));
  }

  @Test
  void default_data_directory_honours_xdg_data_home() {
    Path dir = EmbeddedDatabase.defaultDataDirectory(Map.of("XDG_DATA_HOME", "/srv/data")::get);

    assertEquals(Path.of("/srv/data", "plenary", "postgres-17"), dir);
  }

  @Test
  void default_data_directory_falls_back_to_local_share_in_the_home_directory() {
    String os = System.getProperty("os.name");
    String home = System.getProperty("user.home");
    try {
      System.setProperty("os.name", "Linux");
      System.setProperty("user.home", temp.toString());
      Map<String, String> env = new HashMap<>();

      assertEquals(
          temp.resolve(".local/share/plenary/postgres-17"),
          EmbeddedDatabase.defaultDataDirectory(env::get));
      env.put("XDG_DATA_HOME", "  ");
      assertEquals(
          temp.resolve(".local/share/plenary/postgres-17"),
          EmbeddedDatabase.defaultDataDirectory(env::get),
          "a blank XDG_DATA_HOME counts as unset");
    } finally {
      System.setProperty("os.name", os);
      System.setProperty("user.home", home);
    }
  }

  @Test
  void an_external_datasource_url_in_the_environment_starts_nothing() throws IOException {
    Path dir = temp.resolve("never-created");
    Properties props = new Properties();
    props.setProperty("plenary.db.data-dir", dir.toString());

    Optional<EmbeddedDatabase> started =
        EmbeddedDatabase.startUnlessExternal(
            Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db.example.org/plenary"),
            props);

    assertTrue(started.isEmpty());
    assertFalse(Files.exists(dir), "no data directory was created");
    assertNull(props.getProperty("quarkus.datasource.jdbc.url"), "the env URL is Quarkus' to read");
    assertNull(props.getProperty("quarkus.datasource.username"));
  }

  @Test
  void an_external_datasource_url_in_the_properties_starts_nothing() {
    Path dir = temp.resolve("never-created-either");
    Properties props = new Properties();
    props.setProperty("plenary.db.data-dir", dir.toString());
    props.setProperty("quarkus.datasource.jdbc.url", "jdbc:postgresql://db.example.org/plenary");

    assertTrue(EmbeddedDatabase.startUnlessExternal(Map.of(), props).isEmpty());
    assertFalse(Files.exists(dir));
    assertEquals(
        "jdbc:postgresql://db.example.org/plenary",
        props.getProperty("quarkus.datasource.jdbc.url"));
  }

  @Test
  void without_a_datasource_url_the_embedded_database_starts_and_publishes_its_url()
      throws Exception {
    Path dir = temp.resolve("from-env");
    int port = freePort();
    Properties props = new Properties();

    Optional<EmbeddedDatabase> started =
        EmbeddedDatabase.startUnlessExternal(
            Map.of("PLENARY_DB_DATA_DIR", dir.toString(), "PLENARY_DB_PORT", String.valueOf(port)),
            props);

    assertTrue(started.isPresent());
    try (EmbeddedDatabase db = started.get()) {
      assertEquals(dir.toAbsolutePath(), db.dataDirectory());
      assertEquals(port, db.port());
      assertEquals(
          "jdbc:postgresql://127.0.0.1:" + port + "/plenary",
          props.getProperty("quarkus.datasource.jdbc.url"));
      assertEquals("postgres", props.getProperty("quarkus.datasource.username"));
      try (Connection c =
              DriverManager.getConnection(
                  props.getProperty("quarkus.datasource.jdbc.url"),
                  props.getProperty("quarkus.datasource.username"),
                  "");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT 1")) {
        assertTrue(rs.next());
      }
    }
  }

  private static Connection connect(EmbeddedDatabase db) throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), db.username(), "");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
