package org.plenary.importing;

import java.util.List;
import org.plenary.paper.PaperRecords.PaperView;
import org.plenary.section.SectionRecords.SectionView;

/** Requests and answers of importing documents. */
public final class ImportRecords {

  private ImportRecords() {}

  /** A section an import would create: its heading, its Markdown text and how many words. */
  public record PreviewSection(String heading, String body, int words) {}

  /**
   * What importing the file would do, without storing anything: the format it was read as, the
   * heading level it was cut at, the document's title (or null), the sections, and the report.
   */
  public record ImportPreview(
      String filename,
      String format,
      int level,
      String title,
      List<PreviewSection> sections,
      List<ImportNote> notes) {}

  /** The sections an import created (revision 1 of each, by the importer), and the report. */
  public record ImportResult(String filename, List<SectionView> sections, List<ImportNote> notes) {}

  /** A paper made from a file: the paper, its sections and the report. */
  public record PaperImportResult(
      PaperView paper, List<SectionView> sections, List<ImportNote> notes) {}
}
