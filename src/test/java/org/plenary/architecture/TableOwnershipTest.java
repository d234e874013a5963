package org.plenary.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each feature owns its tables (docs/data-access.md): every table the migrations create has one
 * owner in {@link TableOwnership}, and no feature's SQL names a table another feature owns. The SQL
 * is found as the main sources' string literals (text blocks, and strings joined with {@code +}); a
 * table is named when it follows {@code FROM}, {@code JOIN}, {@code INSERT INTO}, {@code UPDATE} or
 * {@code DELETE FROM} (written in capitals, as all of Plenary's SQL is).
 */
class TableOwnershipTest {

  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  private static final Path SOURCES = Path.of("src/main/java/org/plenary");

  private static final Pattern CREATE_TABLE =
      Pattern.compile(
          "\\bCREATE\\s+(?:UNLOGGED\\s+|TEMPORARY\\s+|TEMP\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
              + "(?:public\\.)?\"?([A-Za-z_][A-Za-z0-9_]*)",
          Pattern.CASE_INSENSITIVE);

  private static final String NAME = "[a-z_][a-z0-9_]*";
  private static final String ALIAS = "(?:\\s+(?:AS\\s+)?" + NAME + ")?";

  /** A keyword, the table after it, and (after FROM) further tables of a comma list. */
  static final Pattern NAMED_TABLE =
      Pattern.compile(
          "\\b(FROM|JOIN|INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(?:ONLY\\s+)?("
              + NAME
              + ")\\b"
              + ALIAS
              + "((?:\\s*,\\s*"
              + NAME
              + ALIAS
              + ")*)");

  @Test
  void every_table_is_created_by_exactly_one_migration_and_named_in_the_owner_map()
      throws IOException {
    Map<String, List<String>> createdBy = new TreeMap<>();
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
        Matcher m = CREATE_TABLE.matcher(withoutSqlComments(Files.readString(f)));
        while (m.find()) {
          createdBy
              .computeIfAbsent(m.group(1).toLowerCase(), t -> new ArrayList<>())
              .add(f.getFileName().toString());
        }
      }
    }
    assertTrue(createdBy.size() > 20, "the migrations were read: " + createdBy.keySet());
    createdBy.forEach(
        (table, migrations) ->
            assertEquals(1, migrations.size(), table + " is created by " + migrations));
    assertEquals(
        new TreeSet<>(createdBy.keySet()),
        new TreeSet<>(TableOwnership.OWNERS.keySet()),
        "the owner map names exactly the tables the migrations create");
    TableOwnership.OWNERS.forEach(
        (table, owner) ->
            assertTrue(
                ArchitectureTest.USES.containsKey(owner),
                table + " is owned by " + owner + ", which is not a package of the layering"));
  }

  @Test
  void no_feature_names_another_features_table_in_sql() throws IOException {
    List<String> offences = new ArrayList<>();
    int literals = 0;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        Path relative = SOURCES.relativize(f);
        String feature = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
        for (String sql : stringLiterals(Files.readString(f))) {
          literals++;
          offences.addAll(offences(relative.toString(), feature, sql));
        }
      }
    }
    assertTrue(literals > 500, "the sources were read: " + literals + " string literals");
    assertEquals(
        List.of(),
        offences,
        offences.size() + " times SQL names another feature's table; ask its owner instead");
  }

  @Test
  void the_scan_finds_tables_after_each_keyword_and_in_comma_lists() {
    assertEquals(
        List.of(
            "x/A.java names paper (owned by paper): FROM paper",
            "x/A.java names section (owned by section): FROM section",
            "x/A.java names revision (owned by revision): JOIN revision",
            "x/A.java names account (owned by identity): UPDATE account",
            "x/A.java names event (owned by platform): INSERT INTO event",
            "x/A.java names presence (owned by live): DELETE FROM presence"),
        offences(
            "x/A.java",
            "x",
            "SELECT 1 FROM paper p, section AS s JOIN revision r ON true; UPDATE account SET a = 1;"
                + " INSERT INTO event VALUES (1); DELETE FROM presence; SELECT 1 FROM event;"
                + " SELECT 1 FROM workshop_note; SELECT 1 FOR UPDATE SKIP LOCKED"));
    assertEquals(List.of(), offences("paper/B.java", "paper", "SELECT id FROM paper"));
    assertEquals(
        List.of("a \\\" b", "FROM x JOIN y", "  block\n  "),
        stringLiterals(
            "String s = \"a \\\" b\"; // \"not this\"\n char c = '\"';\n /* \"nor this\" */"
                + " String t = \"FROM x\"\n + \" JOIN y\"; String u = \"\"\"\n  block\n  \"\"\";"));
  }

  private static List<String> offences(String file, String feature, String sql) {
    List<String> found = new ArrayList<>();
    Matcher m = NAMED_TABLE.matcher(sql);
    while (m.find()) {
      String keyword = m.group(1).replaceAll("\\s+", " ");
      List<String> tables = new ArrayList<>(List.of(m.group(2)));
      if (keyword.equals("FROM")) {
        for (String more : m.group(3).split(",")) {
          if (!more.isBlank()) {
            tables.add(more.strip().split("\\s+")[0]);
          }
        }
      }
      for (String table : tables) {
        String owner = TableOwnership.OWNERS.get(table);
        boolean reading = keyword.equals("FROM") || keyword.equals("JOIN");
        if (owner != null
            && !owner.equals(feature)
            && !(reading && TableOwnership.PUBLISHED_FOR_READING.contains(table))) {
          found.add(
              file + " names " + table + " (owned by " + owner + "): " + keyword + " " + table);
        }
      }
    }
    return found;
  }

  /**
   * The string literals of a Java source, comments and character literals skipped; literals joined
   * only by {@code +} (and white space or comments) are one string, as the SQL they spell is.
   */
  static List<String> stringLiterals(String java) {
    List<String> literals = new ArrayList<>();
    StringBuilder current = null;
    boolean joined = false;
    int i = 0;
    int n = java.length();
    while (i < n) {
      char c = java.charAt(i);
      if (c == '/' && i + 1 < n && java.charAt(i + 1) == '/') {
        i = java.indexOf('\n', i) < 0 ? n : java.indexOf('\n', i);
      } else if (c == '/' && i + 1 < n && java.charAt(i + 1) == '*') {
        int end = java.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '\'') {
        i++;
        while (i < n && java.charAt(i) != '\'') {
          i += java.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
      } else if (c == '"') {
        boolean block = java.startsWith("\"\"\"", i);
        String close = block ? "\"\"\"" : "\"";
        int start = i + (block ? 3 : 1);
        int j = start;
        while (j < n && !java.startsWith(close, j)) {
          j += java.charAt(j) == '\\' ? 2 : 1;
        }
        String text = java.substring(start, Math.min(j, n));
        if (block) {
          text = text.substring(text.indexOf('\n') + 1);
        }
        if (current != null && joined) {
          current.append(text);
        } else {
          if (current != null) {
            literals.add(current.toString());
          }
          current = new StringBuilder(text);
        }
        joined = false;
        i = j + close.length();
      } else if (c == '+' && current != null) {
        joined = true;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        if (current != null) {
          literals.add(current.toString());
          current = null;
        }
        joined = false;
        i++;
      }
    }
    if (current != null) {
      literals.add(current.toString());
    }
    return literals;
  }

  private static String withoutSqlComments(String sql) {
    return sql.replaceAll("--[^\\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "");
  }
}
