package org.plenary.publish;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.plenary.endorsement.EndorsementRecords.Tally;
import org.plenary.identity.AuthorView;
import org.plenary.section.SectionKind;

/** The API bodies of compiling and publishing. */
public final class PublishRecords {
  private PublishRecords() {}

  /**
   * A compile job: {@code state} QUEUED, RUNNING, DONE or FAILED; {@code stage} and {@code percent}
   * say how far it got; {@code edition} is set when done, {@code error} when failed.
   */
  public record JobView(
      long id,
      long paperId,
      String state,
      String stage,
      int percent,
      Integer edition,
      String error,
      Instant createdAt,
      Instant finishedAt) {}

  /** A file of an edition. */
  public record ArtifactView(
      String format, String mediaType, String filename, String sha256, long size, String href) {}

  /** A section as an edition took it. */
  public record EditionSection(
      long id, String heading, SectionKind kind, Integer proposalNumber, int revision, int words) {}

  /** A proposal's tally as the edition recorded it. */
  public record EditionTally(Long sectionId, Integer proposalNumber, String heading, Tally tally) {}

  /** An edition: what it contains, its files, its fingerprint. */
  public record EditionView(
      long id,
      long paperId,
      int number,
      String status,
      String fingerprint,
      AuthorView createdBy,
      Instant createdAt,
      Instant publishedAt,
      List<EditionSection> sections,
      List<EditionTally> endorsements,
      List<ArtifactView> artifacts) {}

  /** One section's change between two editions. */
  public record SectionChange(
      long sectionId,
      String heading,
      String change,
      Integer fromRevision,
      Integer toRevision,
      int wordsAdded,
      int wordsRemoved) {}

  /** What changed from edition {@code from} to edition {@code to}. */
  public record Changelog(
      int from,
      int to,
      int sectionsAdded,
      int sectionsRemoved,
      int sectionsChanged,
      int wordsAdded,
      int wordsRemoved,
      List<SectionChange> sections) {}

  /** A new share link: {@code expiresAt} optional. */
  public record CreateShareLink(Instant expiresAt, @Size(max = 200) String label) {}

  /** A share link; {@code url} (with its secret) only in the answer that created it. */
  public record ShareLinkView(
      long id,
      int edition,
      String label,
      String url,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt,
      int downloads,
      Instant lastDownloadAt) {}

  /** What a share link gives: the edition's title and files. */
  public record SharedEdition(
      String title,
      String subtitle,
      int edition,
      Instant compiledAt,
      String fingerprint,
      List<ArtifactView> artifacts) {}
}
