package org.plenary.publish;

/** The files an edition is made of. */
public enum Format {
  WHITE_PAPER_PDF("application/pdf", "white-paper.pdf"),
  SUBMISSION_PDF("application/pdf", "submission-to-the-secretary-general.pdf"),
  HTML("text/html; charset=utf-8", "white-paper.html"),
  DOCX(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "white-paper.docx"),
  MARKDOWN("application/zip", "markdown.zip");

  private final String mediaType;
  private final String suffix;

  Format(String mediaType, String suffix) {
    this.mediaType = mediaType;
    this.suffix = suffix;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The file name for an edition of the paper with this slug. */
  public String filename(String slug, int edition) {
    return slug + "-e" + edition + "-" + suffix;
  }

  /** The format named in a URL ({@code white-paper-pdf} or {@code WHITE_PAPER_PDF}). */
  public static Format parse(String name) {
    try {
      return valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
