package org.plenary.comment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import org.plenary.comment.CommentRecords.AnchorRequest;
import org.plenary.comment.CommentRecords.AnchorView;
import org.plenary.platform.error.Invalid;
import org.plenary.platform.error.NotFound;
import org.plenary.revision.Revision;
import org.plenary.text.anchor.TextAnchor;
import org.plenary.text.anchor.TextAnchor.Located;
import org.plenary.text.anchor.TextAnchor.Quote;

/**
 * Comment anchors: checks a new anchor against the revision it was made on, and finds where an
 * anchor stands in the current text ({@link TextAnchor} decides how). Both inputs of a location are
 * immutable (a comment's anchor and a revision's text never change), so locations and revision
 * texts are kept in per-instance caches that never need invalidating.
 */
@ApplicationScoped
public class Anchors {

  private record Key(long commentId, int currentRevision) {}

  private record Body(long sectionId, int revision) {}

  private final Cache<Key, Located> located =
      Caffeine.newBuilder().maximumSize(50_000).<Key, Located>build();
  private final Cache<Body, String> bodies =
      Caffeine.newBuilder()
          .maximumWeight(32L * 1024 * 1024)
          .<Body, String>weigher((k, v) -> 64 + 2 * v.length())
          .build();

  /** The quote for a requested anchor, checked against its revision (422 when it is not there). */
  Quote select(long sectionId, int currentRevision, AnchorRequest request) {
    int revision = request.revision();
    if (revision < 1 || revision > currentRevision) {
      throw new Invalid(
          "anchor.revision", "must be a revision of this section, 1 to " + currentRevision);
    }
    String text = body(sectionId, revision);
    if (request.exact().isBlank()) {
      throw new Invalid("anchor.exact", "must quote some text, not only spaces");
    }
    if (request.start() != null
        && (request.start() < 0 || request.start() + request.exact().length() > text.length())) {
      throw new Invalid(
          "anchor.start", "must be an offset inside revision " + revision + " of this section");
    }
    return TextAnchor.find(
            text, request.exact(), request.prefix(), request.suffix(), request.start())
        .orElseThrow(
            () ->
                new Invalid(
                    "anchor.exact",
                    "does not occur in revision "
                        + revision
                        + " of this section; select the passage again in the text you see"));
  }

  /** Where a thread's passage stands in revision {@code currentRevision}. */
  AnchorView view(Comment thread, int currentRevision) {
    if (thread.anchorExact == null) {
      return new AnchorView("SECTION", null, null, null, null, null, null, null, currentRevision);
    }
    Located at =
        located.get(
            new Key(thread.id, currentRevision),
            k -> {
              Quote quote =
                  new Quote(
                      thread.anchorExact,
                      thread.anchorPrefix,
                      thread.anchorSuffix,
                      thread.anchorStart);
              if (thread.anchorRevision == currentRevision) {
                return new Located(
                    TextAnchor.Status.ATTACHED,
                    quote.start(),
                    quote.start() + quote.exact().length(),
                    quote.exact());
              }
              return TextAnchor.locate(
                  quote,
                  body(thread.sectionId, thread.anchorRevision),
                  body(thread.sectionId, currentRevision));
            });
    return new AnchorView(
        at.status().name(),
        thread.anchorExact,
        thread.anchorPrefix,
        thread.anchorSuffix,
        thread.anchorRevision,
        at.start(),
        at.end(),
        at.text(),
        currentRevision);
  }

  private String body(long sectionId, int revision) {
    return bodies.get(
        new Body(sectionId, revision),
        k ->
            Revision.of(sectionId, revision)
                .orElseThrow(() -> new NotFound("revision", revision + " of section " + sectionId))
                .body);
  }
}
