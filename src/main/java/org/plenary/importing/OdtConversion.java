package org.plenary.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.plenary.platform.config.PlenaryConfig;
import org.plenary.platform.error.Invalid;

/**
 * An ODT turned into a DOCX by LibreOffice, headless (Debian's {@code libreoffice-writer-nogui}),
 * so one reader ({@link DocxMarkdown}) serves both formats. LibreOffice is the reference
 * implementation of OpenDocument: it reads every ODT that LibreOffice, OpenOffice, Google Docs or
 * Word write, with their lists, tables and notes, where a second reader of our own (or the ODF
 * Toolkit's DOM, which leaves styles, list numbering and notes to the caller) would have to get
 * each of them right again.
 *
 * <p>Each conversion runs in a fresh directory with its own LibreOffice profile, one at a time (a
 * conversion takes a core for a few seconds), and is stopped after {@code
 * plenary.importing.conversion-timeout}.
 */
@ApplicationScoped
public class OdtConversion {

  private static final Logger LOG = Logger.getLogger(OdtConversion.class);

  @Inject PlenaryConfig config;

  private final Semaphore oneAtATime = new Semaphore(1);

  /** The DOCX LibreOffice makes of {@code odt}; 422 naming {@code file} when it cannot. */
  byte[] toDocx(byte[] odt) {
    try {
      oneAtATime.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to convert an ODT", e);
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("plenary-odt-");
      Path in = dir.resolve("import.odt");
      Files.write(in, odt);
      Process p =
          new ProcessBuilder(
                  List.of(
                      config.importing().soffice(),
                      "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                      "--headless",
                      "--norestore",
                      "--nolockcheck",
                      "--convert-to",
                      "docx:MS Word 2007 XML",
                      "--outdir",
                      dir.toString(),
                      in.toString()))
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("soffice.log").toFile())
              .start();
      long timeout = config.importing().conversionTimeout().toMillis();
      if (!p.waitFor(timeout, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new Invalid(
            "file", "took LibreOffice too long to read (over " + timeout / 1000 + " s)");
      }
      Path out = dir.resolve("import.docx");
      if (p.exitValue() != 0 || !Files.isRegularFile(out)) {
        LOG.infof(
            "LibreOffice could not convert an ODT: %s",
            Files.readString(dir.resolve("soffice.log")));
        throw new Invalid("file", "is an ODT that LibreOffice could not read (is it damaged?)");
      }
      return Files.readAllBytes(out);
    } catch (IOException e) {
      LOG.warnf("Could not run LibreOffice (%s): %s", config.importing().soffice(), e.getMessage());
      throw new Invalid(
          "file",
          "is an ODT, and this server cannot read ODT: LibreOffice is not installed here. Save it"
              + " as DOCX and upload that (or ask the administrator to install LibreOffice)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while converting an ODT", e);
    } finally {
      oneAtATime.release();
      if (dir != null) {
        delete(dir);
      }
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(OdtConversion::deleteOne);
    } catch (IOException e) {
      LOG.warnf("Could not remove %s: %s", dir, e.getMessage());
    }
  }

  private static void deleteOne(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
