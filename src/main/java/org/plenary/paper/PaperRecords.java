package org.plenary.paper;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.plenary.platform.security.PaperRole;

/** The API bodies of the paper feature. */
public final class PaperRecords {
  private PaperRecords() {}

  static final String SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
  static final String SLUG_MESSAGE =
      "must be lowercase letters a-z, digits and single hyphens, e.g. peace-and-tech-2026";

  /** A new paper. Without a slug, one is made from the title. */
  public record CreatePaper(
      @NotBlank @Size(max = 300) String title,
      @Size(max = 500) String subtitle,
      @Size(min = 2, max = 80) @Pattern(regexp = SLUG_PATTERN, message = SLUG_MESSAGE) String slug,
      @Size(max = 10_000) String summary,
      @NotBlank @Size(max = 35) String language) {}

  /** A change of metadata; fields left out (null) stay as they are. */
  public record UpdatePaper(
      @Size(min = 1, max = 300) String title,
      @Size(max = 500) String subtitle,
      @Size(min = 2, max = 80) @Pattern(regexp = SLUG_PATTERN, message = SLUG_MESSAGE) String slug,
      @Size(max = 10_000) String summary,
      @Size(min = 1, max = 35) String language,
      @Size(max = 300) String initiative,
      @Size(max = 30) List<@NotBlank @Size(max = 60) String> keywords,
      @Size(max = 50) List<@Valid @NotNull SignatoryView> signatories) {}

  /** A signatory of the paper's cover letter: a name, and optionally a title and organisation. */
  public record SignatoryView(
      @NotBlank @Size(max = 200) String name,
      @Size(max = 200) String title,
      @Size(max = 200) String organisation) {}

  /** Move the paper to another status; {@code reason} is kept in the record. */
  public record ChangeStatus(@NotNull PaperStatus status, @Size(max = 2000) String reason) {}

  /** A paper as the API shows it. */
  public record PaperView(
      long id,
      String slug,
      String title,
      String subtitle,
      String summary,
      String language,
      PaperStatus status,
      boolean archived,
      Instant archivedAt,
      Instant createdAt,
      Instant updatedAt,
      long version,
      String initiative,
      List<String> keywords,
      List<SignatoryView> signatories,
      PaperRole role) {

    /** The paper as {@code role} (the caller's role in it; null: not a member) sees it. */
    static PaperView of(Paper p, PaperRole role) {
      return new PaperView(
          p.id,
          p.slug,
          p.title,
          p.subtitle,
          p.summary,
          p.language,
          p.status,
          p.archivedAt != null,
          p.archivedAt,
          p.createdAt,
          p.updatedAt,
          p.version,
          p.initiative,
          List.copyOf(p.keywords),
          p.signatories.stream()
              .map(s -> new SignatoryView(s.name(), s.title(), s.organisation()))
              .toList(),
          role);
    }
  }
}
