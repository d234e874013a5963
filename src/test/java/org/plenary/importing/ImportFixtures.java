package org.plenary.importing;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;

/**
 * Files for import tests: made by software Plenary did not write (pandoc, LibreOffice, both from
 * Debian) and by hand with POI and java.util.zip (the bad ones).
 */
final class ImportFixtures {

  private ImportFixtures() {}

  static String resource(String name) {
    try (InputStream in = ImportFixtures.class.getResourceAsStream("/importing/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Markdown converted by pandoc to {@code format} (docx or odt). */
  static byte[] pandoc(String markdown, String format) {
    return pandoc(markdown, format, Map.of());
  }

  /** The same, with files the Markdown refers to (images) beside it, by name. */
  static byte[] pandoc(String markdown, String format, Map<String, byte[]> beside) {
    Path dir = tempDir();
    beside.forEach((name, bytes) -> write(dir.resolve(name), bytes));
    Path in = dir.resolve("in.md");
    Path out = dir.resolve("out." + format);
    write(in, markdown.getBytes(StandardCharsets.UTF_8));
    run(dir, "pandoc", "-f", "markdown", "-t", format, "-o", out.toString(), in.toString());
    return read(out);
  }

  /** The file saved again as DOCX by LibreOffice, headless. */
  static byte[] libreOfficeDocx(byte[] file, String extension) {
    Path dir = tempDir();
    Path in = dir.resolve("in." + extension);
    write(in, file);
    run(
        dir,
        "soffice",
        "-env:UserInstallation=" + dir.resolve("profile").toUri(),
        "--headless",
        "--norestore",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        dir.resolve("out").toString(),
        in.toString());
    return read(dir.resolve("out").resolve("in.docx"));
  }

  private static final HtmlRenderer HTML =
      HtmlRenderer.builder(
              new MutableDataSet(SectionSplit.OPTIONS).set(HtmlRenderer.ESCAPE_HTML, true))
          .build();

  /** What a reader sees of a Markdown text: its HTML's text (no spaces added between tags). */
  static String seen(String markdown) {
    return Jsoup.parse(HTML.render(SectionSplit.PARSER.parse(markdown))).body().wholeText();
  }

  /** The words of a Markdown text as a reader sees them, sorted (footnote labels left out). */
  static List<String> words(String markdown) {
    String text = seen(markdown.replaceAll("\\[\\^[^\\]]+\\]:?", " "));
    List<String> words = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    words.sort(null);
    return words;
  }

  /** A ZIP with the given entries (name, then content), as an Office file is made. */
  static byte[] zip(String... namesAndContents) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        zip.putNextEntry(new ZipEntry(namesAndContents[i]));
        zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A small DOCX whose document part unpacks to {@code megabytes} of spaces. */
  static byte[] zipBomb(int megabytes) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(contentTypes(DOCX_MAIN).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] spaces = new byte[1024 * 1024];
      Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < megabytes; i++) {
        zip.write(spaces);
      }
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static final String DOCX_MAIN =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

  static String contentTypes(String mainType) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\""
        + mainType
        + "\"/></Types>";
  }

  /** {@code docx} encrypted with a password, as Word saves a protected document. */
  static byte[] encrypted(byte[] docx) {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor enc = info.getEncryptor();
      enc.confirmPassword("secret");
      try (OutputStream os = enc.getDataStream(fs)) {
        os.write(docx);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      fs.writeFilesystem(out);
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] bytes(XWPFDocument doc) {
    try (doc) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("plenary-import-test-");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(Path dir, String... command) {
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("log.txt").toFile())
              .start();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " failed: " + Files.readString(dir.resolve("log.txt")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          command[0] + " is needed (Debian package): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void write(Path p, byte[] bytes) {
    try {
      Files.write(p, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
