package org.plenary.live;

/**
 * Whether a section belongs to a paper, as the section feature knows it ({@code
 * section.SectionDirectory}): presence asks through this interface because the section feature sits
 * above the live stream in the layering and owns the {@code section} table.
 */
public interface PaperSections {

  /** Whether {@code sectionId} is a section of the paper (deleted or not). */
  boolean isSectionOf(long paperId, long sectionId);
}
