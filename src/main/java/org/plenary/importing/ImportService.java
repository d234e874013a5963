package org.plenary.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.plenary.importing.ImportRecords.ImportPreview;
import org.plenary.importing.ImportRecords.ImportResult;
import org.plenary.importing.ImportRecords.PaperImportResult;
import org.plenary.importing.ImportRecords.PreviewSection;
import org.plenary.importing.SectionSplit.Part;
import org.plenary.paper.PaperRecords.CreatePaper;
import org.plenary.paper.PaperRecords.PaperView;
import org.plenary.paper.PaperService;
import org.plenary.platform.error.Invalid;
import org.plenary.section.SectionRecords.CreateSection;
import org.plenary.section.SectionRecords.SectionView;
import org.plenary.section.SectionService;
import org.plenary.text.TextModel;

/**
 * Documents brought into a paper: a DOCX, an ODT (through {@link OdtConversion}) or a Markdown
 * file, told apart and checked by {@link ImportFile}, read as Markdown and cut into sections at a
 * heading level ({@link SectionSplit}). A preview stores nothing; an import creates all the
 * sections in one transaction (none when one is refused), each with revision 1 by the importer and
 * the file's name in its summary.
 */
@ApplicationScoped
public class ImportService {

  @Inject SectionService sections;
  @Inject PaperService papers;
  @Inject OdtConversion odt;

  /** A file read and cut into sections. */
  private record Read(
      String name,
      String format,
      int level,
      String title,
      List<Part> parts,
      List<ImportNote> notes) {}

  /**
   * What importing {@code file} cut at {@code level} (1–6, null: 1) would create; nothing is
   * stored.
   */
  public ImportPreview preview(String filename, Integer level, byte[] file) {
    Read read = read(filename, level, file);
    List<PreviewSection> shown = new ArrayList<>();
    for (Part p : read.parts()) {
      shown.add(new PreviewSection(p.heading(), p.body(), TextModel.wordCount(p.body())));
    }
    return new ImportPreview(
        read.name(), read.format(), read.level(), read.title(), shown, read.notes());
  }

  /** Creates the file's sections in the paper, at {@code position} (null: at the end). */
  @Transactional
  public ImportResult importInto(
      long paperId, String filename, Integer level, Integer position, byte[] file) {
    if (position != null && position < 0) {
      throw new Invalid("position", "must be 0 or more");
    }
    Read read = read(filename, level, file);
    List<Part> parts = read.parts();
    if (read.title() != null && !parts.isEmpty() && !parts.get(0).heading().equals(read.title())) {
      // The paper has its own title: the file's stays, as the first section's first line.
      Part first = parts.get(0);
      parts = new ArrayList<>(parts);
      parts.set(
          0,
          new Part(
              first.heading(), MarkdownText.escape(read.title(), false) + "\n\n" + first.body()));
    }
    return new ImportResult(
        read.name(), create(paperId, read.name(), position, parts), read.notes());
  }

  /** A new paper (the caller its owner) holding the file's sections. */
  @Transactional
  public PaperImportResult importAsPaper(
      String filename, Integer level, String title, String language, byte[] file) {
    if (title != null && title.length() > SectionSplit.MAX_HEADING) {
      throw new Invalid("title", "must be at most 300 characters");
    }
    Read read = read(filename, level, file);
    String paperTitle = firstNonBlank(title, read.title(), baseName(read.name()));
    PaperView paper =
        papers.create(
            new CreatePaper(paperTitle, null, null, null, language == null ? "en" : language));
    return new PaperImportResult(
        paper, create(paper.id(), read.name(), null, read.parts()), read.notes());
  }

  private List<SectionView> create(
      long paperId, String filename, Integer position, List<Part> parts) {
    String summary = "Imported from " + filename;
    List<SectionView> created = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      Integer at = position == null ? null : position + i;
      created.add(
          sections.create(paperId, new CreateSection(p.heading(), null, at, p.body(), summary)));
    }
    return created;
  }

  private Read read(String filename, Integer requestedLevel, byte[] file) {
    int level = requestedLevel == null ? 1 : requestedLevel;
    if (level < 1 || level > 6) {
      throw new Invalid("level", "must be a heading level from 1 to 6");
    }
    String name = ImportNames.check(filename);
    ImportFile.Format format = ImportFile.sniff(file);
    Notes notes = new Notes();
    String markdown;
    String title = null;
    switch (format) {
      case MARKDOWN -> markdown = new String(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
      case DOCX, ODT -> {
        byte[] docx = format == ImportFile.Format.ODT ? odt.toDocx(file) : file;
        DocxMarkdown.Converted c = DocxMarkdown.convert(docx, notes);
        markdown = c.markdown();
        title = c.title();
      }
      default -> throw new IllegalStateException(format.name());
    }
    List<Part> parts =
        SectionSplit.split(markdown, level, firstNonBlank(title, baseName(name)), notes);
    if (parts.size() > 500) {
      throw new Invalid(
          "level", "would make " + parts.size() + " sections (at most 500): cut at a higher level");
    }
    return new Read(name, format.name(), level, title, parts, notes.list());
  }

  private static String baseName(String filename) {
    int dot = filename.lastIndexOf('.');
    return dot > 0 ? filename.substring(0, dot) : filename;
  }

  private static String firstNonBlank(String... candidates) {
    for (String c : candidates) {
      if (c != null && !c.isBlank()) {
        return c.strip().length() > SectionSplit.MAX_HEADING
            ? c.strip().substring(0, SectionSplit.MAX_HEADING)
            : c.strip();
      }
    }
    return "Imported document";
  }
}
