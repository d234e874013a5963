package org.plenary.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.plenary.publish.EditionContent.SectionPart;

/**
 * The edition's text as Markdown files in a zip: one file per section in order (numbered, with the
 * revision it was taken at), an index, and {@code edition.json} with everything the edition holds.
 * Entries carry a fixed time, so the same edition always zips to the same bytes.
 */
final class MarkdownBundle {
  private MarkdownBundle() {}

  // The zip epoch, as local time: ZipEntry.setTime would shift it by the server's time zone.
  private static final java.time.LocalDateTime FIXED_TIME =
      java.time.LocalDateTime.of(1980, 1, 1, 0, 0);

  static byte[] render(EditionContent c, int edition, String json) {
    Labels labels = Labels.of(c.paper().language());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      StringBuilder index = new StringBuilder();
      index.append("# ").append(c.paper().title()).append("\n\n");
      if (c.paper().subtitle() != null) {
        index.append(c.paper().subtitle()).append("\n\n");
      }
      index.append(labels.edition()).append(' ').append(edition).append("\n\n");
      int n = 0;
      for (SectionPart s : c.sections()) {
        n++;
        String name = String.format(Locale.ROOT, "%02d-%s.md", n, slug(s.heading()));
        index
            .append(n)
            .append(". [")
            .append(HtmlExport.title(s, labels))
            .append("](")
            .append(name)
            .append(")\n");
        StringBuilder file = new StringBuilder();
        file.append("---\nsection: ")
            .append(s.id())
            .append("\nrevision: ")
            .append(s.revision())
            .append("\nkind: ")
            .append(s.kind())
            .append('\n');
        if (s.proposalNumber() != null) {
          file.append("proposal: ").append(s.proposalNumber()).append('\n');
        }
        file.append("sha256: ")
            .append(s.sha256())
            .append("\n---\n\n# ")
            .append(HtmlExport.title(s, labels))
            .append("\n\n");
        if (s.proposalSummary() != null) {
          file.append("**")
              .append(labels.inBrief())
              .append("** ")
              .append(s.proposalSummary())
              .append("\n\n");
        }
        file.append(s.body()).append('\n');
        add(zip, name, file.toString());
      }
      add(zip, "README.md", index.toString());
      add(zip, "edition.json", json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void add(ZipOutputStream zip, String name, String text) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTimeLocal(FIXED_TIME);
    zip.putNextEntry(entry);
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  static String slug(String heading) {
    String ascii =
        Normalizer.normalize(heading, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-|-$)", "");
    ascii = ascii.length() > 50 ? ascii.substring(0, 50).replaceAll("-$", "") : ascii;
    return ascii.isEmpty() ? "section" : ascii;
  }
}
