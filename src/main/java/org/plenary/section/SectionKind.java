package org.plenary.section;

/** What a section is for; it decides how the section is numbered and compiled. */
public enum SectionKind {
  /** Running text: summary, context, analysis. */
  NARRATIVE,
  /** A numbered proposal that participants endorse. */
  PROPOSAL,
  /** Supporting material after the main text. */
  ANNEX,
  /** The cover letter of a formal submission. */
  LETTER
}
