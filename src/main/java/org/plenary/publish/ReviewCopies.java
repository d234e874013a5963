package org.plenary.publish;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.plenary.platform.crypto.Digests;
import org.plenary.platform.error.NotFound;
import org.plenary.platform.persistence.BaseEntity;
import org.plenary.publish.EditionContent.SectionPart;

/**
 * A copy of a paper's current text (or one section's) for reviewers who work in Word: a DOCX with
 * Track Changes switched on, each section between bookmarks that name it and the revision it holds,
 * and the same in the document's custom properties ({@code PlenarySection<id>} = revision), so that
 * the reviewed file can be matched, section by section, with the text it was made from. What
 * co-editors typed live is checkpointed first, as for an edition.
 */
@ApplicationScoped
public class ReviewCopies {

  /** The custom property that holds the paper's id. */
  public static final String PAPER_PROPERTY = "PlenaryPaper";

  /** The prefix of the custom property (then the section's id) that holds a section's revision. */
  public static final String SECTION_PROPERTY = "PlenarySection";

  /** The prefix of a section's bookmark: {@code plenary_s<id>_r<revision>}. */
  public static final String BOOKMARK_PREFIX = "plenary_s";

  @Inject ContentCollector collector;

  /** The review copy of the paper, or of {@code sectionId} alone (404 when not in the paper). */
  public PublishService.Artifact reviewCopy(long paperId, Long sectionId) {
    EditionContent content = collector.collect(paperId);
    if (sectionId != null) {
      List<SectionPart> one = content.sections().stream().filter(s -> s.id() == sectionId).toList();
      if (one.isEmpty()) {
        throw new NotFound("section", sectionId + " in paper " + paperId);
      }
      content =
          new EditionContent(
              content.paper(),
              one,
              content.paperEndorsements(),
              content.proposalEndorsements(),
              content.organisations(),
              content.unnamedParticipants());
    }
    Instant at = BaseEntity.now();
    byte[] docx = DocxExport.forReview(content, at);
    String name =
        content.paper().slug()
            + (sectionId == null ? "" : "-section-" + sectionId)
            + "-for-review.docx";
    return new PublishService.Artifact(
        name,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Digests.sha256Hex(docx),
        docx);
  }
}
