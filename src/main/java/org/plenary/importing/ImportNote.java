package org.plenary.importing;

/**
 * Something in an imported file that Plenary could not keep as it was, for the import's report: the
 * text it holds is always kept, only its form may not be.
 *
 * @param kind what it was
 * @param detail what the file says of it (an image's alternative text, a link's address), or null
 * @param count how many times the file had it
 */
public record ImportNote(Kind kind, String detail, int count, String message) {

  /** What an import could not keep as it was. */
  @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ImportNoteKind")
  public enum Kind {
    IMAGE("images are not imported yet (figures come later): this one was left out"),
    TEXT_BOX("text in text boxes and shapes was imported as paragraphs after their anchor"),
    TRACKED_CHANGES("the file has tracked changes: it was imported as if all were accepted"),
    COMMENT("Word comments are not imported with the text: they were left out"),
    LINK_DROPPED("a link to an address that is not a web or mail address was kept as plain text"),
    TABLE_OF_CONTENTS("the file's table of contents was left out: Plenary makes its own"),
    TEXT_BEFORE_FIRST_HEADING("the text before the first heading became a section of its own"),
    HEADING_SHORTENED(
        "a heading longer than 300 characters was shortened; its full text opens" + " the section"),
    EMPTY_SECTION("a heading with no text under it became an empty section");

    final String message;

    Kind(String message) {
      this.message = message;
    }
  }
}
