package org.plenary.section;

import jakarta.enterprise.context.ApplicationScoped;
import org.plenary.live.PaperSections;

/** Which sections belong to which paper, for features below this one (presence). */
@ApplicationScoped
public class SectionDirectory implements PaperSections {

  @Override
  public boolean isSectionOf(long paperId, long sectionId) {
    return Section.count("id = ?1 and paperId = ?2", sectionId, paperId) > 0;
  }
}
