package org.plenary.importing;

import org.plenary.platform.error.Invalid;

/** The name an uploaded file gives itself: shown in summaries, so kept short and printable. */
final class ImportNames {

  private ImportNames() {}

  /** The file name without any folder part; 422 naming {@code filename} when unusable. */
  static String check(String filename) {
    if (filename == null || filename.isBlank()) {
      throw new Invalid("filename", "is required: the uploaded file's name, e.g. report.docx");
    }
    String name = filename.strip();
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    if (name.isEmpty() || name.length() > 255) {
      throw new Invalid("filename", "must be a file name of 1 to 255 characters");
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      throw new Invalid("filename", "must not hold control characters");
    }
    return name;
  }
}
