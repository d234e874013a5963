package org.plenary.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.plenary.text.TextMerge;
import org.plenary.text.TextModel;

/**
 * The merge benchmark (run with {@code bench/run-merge}; not a test): a 20,000-word section with 50
 * scattered edits on each side, none touching the same words; Plenary's merge warm, beside {@code
 * git merge-file} on the same three files. Prints a Markdown table.
 */
public final class MergeBenchmark {
  private MergeBenchmark() {}

  static final String[] WORDS = {
    "the",
    "peace",
    "industry",
    "companies",
    "should",
    "local",
    "civil",
    "society",
    "conflict",
    "risk",
    "data",
    "platforms",
    "communities",
    "trust",
    "human",
    "security",
    "and",
    "of",
    "to",
    "in",
    "for",
    "with",
    "donors",
    "governments",
    "must",
    "publish",
    "independent",
    "verification",
    "café",
    "résumé",
    "naïve",
    "partnership",
    "mediation",
    "early",
    "warning",
    "access",
    "research",
    "transparency",
    "accountability",
    "fragile",
    "settings",
    "women",
    "youth",
    "rights",
    "due",
    "diligence",
    "market",
    "entry",
    "escalation",
    "channel",
    "protocol",
    "crisis",
    "funding"
  };

  public static void main(String[] args) throws Exception {
    int words = 20_000;
    int editsPerSide = 50;
    Random random = new Random(42);

    // Paragraphs of 60 to 140 words, sentences of 8 to 20 words.
    List<String> tokens = new ArrayList<>();
    int inParagraph = 0;
    int paragraphLength = 60 + random.nextInt(80);
    int inSentence = 0;
    int sentenceLength = 8 + random.nextInt(12);
    for (int i = 0; i < words; i++) {
      String w = WORDS[random.nextInt(WORDS.length)];
      if (inSentence == 0) {
        w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
      }
      tokens.add(w);
      inSentence++;
      inParagraph++;
      String separator = " ";
      if (inSentence >= sentenceLength) {
        separator = ". ";
        inSentence = 0;
        sentenceLength = 8 + random.nextInt(12);
        if (inParagraph >= paragraphLength) {
          separator = ".\n\n";
          inParagraph = 0;
          paragraphLength = 60 + random.nextInt(80);
        }
      }
      tokens.add(i == words - 1 ? ".\n" : separator);
    }
    // Choose 100 distinct word positions at least 3 words apart; alternate them between sides.
    boolean[] taken = new boolean[words];
    List<Integer> picks = new ArrayList<>();
    while (picks.size() < 2 * editsPerSide) {
      int w = random.nextInt(words);
      boolean free = true;
      for (int d = -3; d <= 3; d++) {
        if (w + d >= 0 && w + d < words && taken[w + d]) {
          free = false;
        }
      }
      if (free) {
        taken[w] = true;
        picks.add(w);
      }
    }
    String[] ours = tokens.toArray(String[]::new);
    String[] theirs = tokens.toArray(String[]::new);
    for (int k = 0; k < picks.size(); k++) {
      int at = picks.get(k) * 2; // word tokens are at even positions
      if (k % 2 == 0) {
        ours[at] = "ours" + k;
      } else {
        theirs[at] = "theirs" + k;
      }
    }
    String base = String.join("", tokens);
    String o = String.join("", ours);
    String t = String.join("", theirs);

    // Warm up, then measure.
    for (int i = 0; i < 300; i++) {
      TextMerge.merge(base, o, t);
    }
    int runs = 200;
    double[] ms = new double[runs];
    TextMerge.Result result = null;
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      result = TextMerge.merge(base, o, t);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    String merged = result.clean() ? result.text() : "";
    int kept = 0;
    for (int k = 0; k < picks.size(); k++) {
      if (merged.contains((k % 2 == 0 ? "ours" : "theirs") + k)) {
        kept++;
      }
    }

    // git merge-file on the same inputs.
    Path dir = Files.createTempDirectory("plenary-merge-bench");
    Files.writeString(dir.resolve("base"), base);
    Files.writeString(dir.resolve("ours"), o);
    Files.writeString(dir.resolve("theirs"), t);
    double[] gitMs = new double[20];
    String gitOut = "";
    for (int i = 0; i < gitMs.length; i++) {
      long t0 = System.nanoTime();
      Process git =
          new ProcessBuilder("git", "merge-file", "-p", "ours", "base", "theirs")
              .directory(dir.toFile())
              .start();
      gitOut = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      git.waitFor();
      gitMs[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(gitMs);
    int gitConflicts = 0;
    int gitEditsInConflicts = 0;
    boolean inConflict = false;
    StringBuilder conflictText = new StringBuilder();
    for (String line : gitOut.split("\n", -1)) {
      if (line.startsWith("<<<<<<<")) {
        gitConflicts++;
        inConflict = true;
        conflictText.setLength(0);
      } else if (line.startsWith(">>>>>>>")) {
        inConflict = false;
        for (int k = 0; k < picks.size(); k++) {
          if (conflictText.toString().contains((k % 2 == 0 ? "ours" : "theirs") + k + " ")
              || conflictText.toString().contains((k % 2 == 0 ? "ours" : "theirs") + k + ".")) {
            gitEditsInConflicts++;
          }
        }
      } else if (inConflict) {
        conflictText.append(line).append('\n');
      }
    }
    cleanUp(dir);

    System.out.println("| Measure | Plenary (TextMerge) | git merge-file |");
    System.out.println("| --- | --- | --- |");
    System.out.printf(
        Locale.ROOT,
        "| Input | %,d words in %d paragraphs, %d edits on each side, none touching the same words | same three files |%n",
        TextModel.wordCount(base),
        TextModel.paragraphs(base).size(),
        editsPerSide);
    System.out.printf(
        Locale.ROOT,
        "| Time per merge, warm (median / p95 / max of %d) | %.1f / %.1f / %.1f ms | %.1f / %.1f ms (median / max of %d, process start included) |%n",
        runs,
        ms[runs / 2],
        ms[(int) (runs * 0.95)],
        ms[runs - 1],
        gitMs[gitMs.length / 2],
        gitMs[gitMs.length - 1],
        gitMs.length);
    System.out.printf(
        Locale.ROOT, "| Conflicts | %d | %d conflict blocks |%n", result.conflicts(), gitConflicts);
    System.out.printf(
        Locale.ROOT,
        "| Edits in the result (of %d) | %d merged cleanly | %d of them inside conflict blocks |%n",
        picks.size(),
        kept,
        gitEditsInConflicts);
    System.out.printf(
        Locale.ROOT,
        "| Target | ≤ 40 ms warm, no conflict: %s | — |%n",
        ms[runs / 2] <= 40 && result.clean() && kept == picks.size() ? "met" : "MISSED");
  }

  private static void cleanUp(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(dir);
  }
}
