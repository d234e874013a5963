package org.plenary.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.plenary.publish.PublishBenchmark;

/**
 * The import benchmark ({@code bench/run-import}): the publish benchmark's paper (about 300 pages)
 * turned into a DOCX by pandoc, then read by Plenary's import (content checks, DOCX to Markdown,
 * the cut into sections: all an import does before it stores the sections) and by {@code pandoc -f
 * docx -t markdown}, on the same file, in one run. Prints a Markdown table.
 */
public final class ImportBenchmark {

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int sections = args.length > 0 ? Integer.parseInt(args[0]) : 150;
    int paragraphs = args.length > 1 ? Integer.parseInt(args[1]) : 14;
    int runs = 5;
    Path work = Files.createTempDirectory("plenary-bench-import");
    String markdown = PublishBenchmark.markdown(PublishBenchmark.content(sections, paragraphs));
    Files.writeString(work.resolve("paper.md"), markdown, StandardCharsets.UTF_8);
    PublishBenchmark.run(work, "pandoc", "paper.md", "-o", "paper.docx");
    byte[] docx = Files.readAllBytes(work.resolve("paper.docx"));

    // Plenary: the first import in a fresh JVM (classes loaded, nothing compiled yet), then warm.
    long t0 = System.nanoTime();
    int cut = plenary(docx);
    double cold = (System.nanoTime() - t0) / 1e9;
    for (int i = 0; i < 3; i++) {
      plenary(docx); // JIT warm-up: a server imports many files
    }
    List<Double> warm = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      plenary(docx);
      warm.add((System.nanoTime() - t) / 1e9);
    }
    List<Double> pandoc = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      PublishBenchmark.run(
          work, "pandoc", "-f", "docx", "-t", "markdown", "paper.docx", "-o", "pandoc.md");
      pandoc.add((System.nanoTime() - t) / 1e9);
    }
    double plenaryMedian = median(warm);
    double pandocMedian = median(pandoc);
    String pandocVersion = firstLine(work, "pandoc", "--version");
    System.out.printf(
        "## Import (%d sections, %d paragraphs each; DOCX of %,d bytes made by %s; %d cores)%n%n",
        sections,
        paragraphs,
        docx.length,
        pandocVersion,
        Runtime.getRuntime().availableProcessors());
    System.out.println("| reader | sections | median s (of " + runs + ") | min s | max s |");
    System.out.println("|---|---:|---:|---:|---:|");
    System.out.printf(
        "| Plenary, warm (checks + DOCX → Markdown + cut) | %d | %.3f | %.3f | %.3f |%n",
        cut, plenaryMedian, Collections.min(warm), Collections.max(warm));
    System.out.printf("| Plenary, first import in a fresh JVM | %d | %.3f | | |%n", cut, cold);
    System.out.printf(
        "| `pandoc -f docx -t markdown` | | %.3f | %.3f | %.3f |%n",
        pandocMedian, Collections.min(pandoc), Collections.max(pandoc));
    System.out.printf(
        "%nPlenary (warm) is %.1f× faster than pandoc (target: at least 2×); cold, %.1f×.%n",
        pandocMedian / plenaryMedian, pandocMedian / cold);
  }

  /** What an import does before storing: check, convert, cut; the number of sections. */
  private static int plenary(byte[] docx) {
    ImportFile.Format format = ImportFile.sniff(docx);
    if (format != ImportFile.Format.DOCX) {
      throw new IllegalStateException("not read as a DOCX: " + format);
    }
    Notes notes = new Notes();
    DocxMarkdown.Converted c = DocxMarkdown.convert(docx, notes);
    return SectionSplit.split(c.markdown(), 1, "Preamble", notes).size();
  }

  private static double median(List<Double> xs) {
    List<Double> sorted = new ArrayList<>(xs);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static String firstLine(Path dir, String... command)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out.lines().findFirst().orElse(command[0]);
  }
}
