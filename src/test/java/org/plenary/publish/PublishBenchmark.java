package org.plenary.publish;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.plenary.endorsement.EndorsementRecords.GroupTally;
import org.plenary.endorsement.EndorsementRecords.Tally;
import org.plenary.identity.StakeholderGroup;
import org.plenary.publish.EditionContent.EndorsementPart;
import org.plenary.publish.EditionContent.PaperPart;
import org.plenary.publish.EditionContent.SectionPart;
import org.plenary.section.SectionKind;

/**
 * The compile benchmark (run by {@code bench/run-publish}, not a test): a generated paper of 150
 * sections with tables and footnotes (about 300 pages) set as the white paper by Plenary, and the
 * same Markdown turned into a PDF by pandoc and wkhtmltopdf, side by side. Prints a Markdown table:
 * pages, seconds, pages per second, the ratio, and Plenary's peak heap.
 */
public final class PublishBenchmark {

  static final String WORDS =
      "Companies operating in fragile and conflict-affected settings should assess how their"
          + " products interact with the dividing lines of the conflict and who could turn them to"
          + " their advantage, consulting local researchers and peacebuilders who are paid for"
          + " their time and protected from retaliation";

  public static void main(String[] args) throws Exception {
    int sections = args.length > 0 ? Integer.parseInt(args[0]) : 150;
    int paragraphs = args.length > 1 ? Integer.parseInt(args[1]) : 14;
    Path work = Files.createTempDirectory("plenary-bench-publish");
    EditionContent content = content(sections, paragraphs);
    PublishFonts fonts =
        PublishFonts.in(
            List.of(
                "/usr/share/fonts/truetype/noto",
                "/usr/share/fonts/truetype/wqy",
                "/usr/share/fonts/truetype/dejavu"));
    Instant at = Instant.parse("2026-11-28T12:00:00Z");

    // Warm up the JIT once (a server compiles many editions), then measure three runs.
    new WhitePaperPdf(fonts, content, 1, at).render();
    long best = Long.MAX_VALUE;
    byte[] pdf = null;
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      pdf = new WhitePaperPdf(fonts, content, 1, at).render();
      best = Math.min(best, System.nanoTime() - t0);
    }
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    Files.write(work.resolve("plenary.pdf"), pdf);
    int plenaryPages;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      plenaryPages = doc.getNumberOfPages();
    }
    double plenarySeconds = best / 1e9;

    Files.writeString(work.resolve("paper.md"), markdown(content), StandardCharsets.UTF_8);
    double pandocSeconds = Double.NaN;
    int pandocPages = 0;
    String pandocNote = "";
    try {
      long t0 = System.nanoTime();
      run(work, "pandoc", "paper.md", "--standalone", "--toc", "-o", "paper.html");
      run(work, "wkhtmltopdf", "--quiet", "--enable-local-file-access", "paper.html", "pandoc.pdf");
      pandocSeconds = (System.nanoTime() - t0) / 1e9;
      try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(work.resolve("pandoc.pdf")))) {
        pandocPages = doc.getNumberOfPages();
      }
    } catch (IOException e) {
      pandocNote = " (" + e.getMessage() + ")";
    }

    System.out.println("| | Pages | Seconds | Pages/s |");
    System.out.println("| --- | ---: | ---: | ---: |");
    System.out.printf(
        Locale.ROOT,
        "| Plenary white paper (OpenPDF, best of 3 warm) | %d | %.2f | %.0f |%n",
        plenaryPages,
        plenarySeconds,
        plenaryPages / plenarySeconds);
    if (!Double.isNaN(pandocSeconds)) {
      System.out.printf(
          Locale.ROOT,
          "| pandoc + wkhtmltopdf | %d | %.2f | %.0f |%n",
          pandocPages,
          pandocSeconds,
          pandocPages / pandocSeconds);
      double ratio = (pandocSeconds / pandocPages) / (plenarySeconds / plenaryPages);
      System.out.printf(
          Locale.ROOT,
          "%nPlenary is %.1f× faster per page (target ≥ 5×); peak heap %d MiB (-Xmx %d MiB).%n",
          ratio,
          peakHeap >> 20,
          Runtime.getRuntime().maxMemory() >> 20);
    } else {
      System.out.println("pandoc + wkhtmltopdf could not run" + pandocNote);
    }
  }

  /** Runs {@code command} in {@code dir}; fails with its output when it does. */
  public static void run(Path dir, String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(command[0] + " failed: " + out.strip());
    }
  }

  /**
   * The paper as one Markdown document, for pandoc: a title block, then each section under a level
   * 1 heading, footnote labels made unique across sections.
   */
  public static String markdown(EditionContent content) {
    StringBuilder md =
        new StringBuilder("---\ntitle: \"" + content.paper().title() + "\"\n---\n\n");
    int n = 0;
    for (SectionPart s : content.sections()) {
      n++;
      md.append("# ").append(n).append(". ").append(s.heading()).append("\n\n");
      md.append(s.body().replaceAll("\\[\\^(\\d+)]", "[^s" + n + "n$1]")).append("\n\n");
    }
    return md.toString();
  }

  public static EditionContent content(int sections, int paragraphs) {
    List<SectionPart> parts = new ArrayList<>();
    List<EndorsementPart> endorsements = new ArrayList<>();
    for (int i = 1; i <= sections; i++) {
      StringBuilder body = new StringBuilder();
      for (int p = 0; p < paragraphs; p++) {
        body.append(WORDS).append(" (").append(i).append('.').append(p + 1).append(')');
        if (p == 1) {
          body.append("[^1]");
        }
        if (p == 3) {
          body.append("[^2]");
        }
        body.append("\n\n");
        if (p == paragraphs / 2) {
          body.append("| Country | Reports | Responses |\n|---|---:|---:|\n");
          for (int r = 1; r <= 8; r++) {
            body.append("| Country ")
                .append(r)
                .append(" | ")
                .append(r * 13)
                .append(" | ")
                .append(r * 7)
                .append(" |\n");
          }
          body.append('\n');
        }
      }
      body.append("[^1]: UN Guiding Principles on Business and Human Rights, 2011.\n");
      body.append("[^2]: A/RES/70/").append(i).append(".\n");
      boolean proposal = i % 10 == 0;
      parts.add(
          new SectionPart(
              i,
              "Section " + i + ": conflict sensitivity in practice",
              proposal ? SectionKind.PROPOSAL : SectionKind.NARRATIVE,
              proposal ? i / 10 : null,
              1,
              "0".repeat(64),
              proposal ? "Companies assess conflict risks before entering a market." : null,
              body.toString()));
      if (proposal) {
        List<GroupTally> groups = new ArrayList<>();
        for (StakeholderGroup g : StakeholderGroup.values()) {
          groups.add(new GroupTally(g, 2, 1, 0, 3));
        }
        endorsements.add(
            new EndorsementPart(
                (long) i,
                i / 10,
                "Section " + i,
                new Tally(18, 12, 6, 0, 0, 6, false, groups),
                List.of()));
      }
    }
    return new EditionContent(
        new PaperPart(
            1,
            "benchmark",
            "A generated paper",
            "For the compile benchmark",
            null,
            "en",
            "Benchmark",
            List.of("benchmark"),
            List.of()),
        parts,
        null,
        endorsements,
        List.of(),
        0);
  }
}
