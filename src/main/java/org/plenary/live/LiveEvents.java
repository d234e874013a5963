package org.plenary.live;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which recorded events the live stream carries, under which names, and which of their facts. An
 * event type not named here (security events, account care, compile requests) is never streamed.
 */
public final class LiveEvents {

  /** Payload keys that say nothing about a person and may be streamed. */
  private static final Set<String> SHAREABLE =
      Set.of("sectionId", "revision", "threadId", "replyTo", "number", "status", "version");

  private LiveEvents() {}

  /** The stream's name for a recorded event type, or empty when it is not streamed. */
  public static Optional<String> nameOf(String type) {
    String name =
        switch (type) {
          case "section.saved", "section.merged", "section.revision-restored" -> "section.saved";
          case "section.created",
              "section.updated",
              "section.moved",
              "section.deleted",
              "section.restored" ->
              "outline.changed";
          case "draft.created" -> "draft.opened";
          case "draft.submitted",
              "draft.updated",
              "draft.withdrawn",
              "draft.rebased",
              "draft.merged",
              "draft.rejected",
              "draft.outdated" ->
              type;
          case "comment.created" -> "comment.added";
          case "comment.edited",
              "comment.deleted",
              "comment.resolved",
              "comment.reopened",
              "comment.hidden",
              "comment.shown" ->
              type;
          case "endorsement.given", "endorsement.changed", "endorsement.withdrawn" ->
              "endorsement.changed";
          case "paper.updated",
              "paper.archived",
              "paper.unarchived",
              "paper.reopened",
              "paper.status-changed" ->
              "paper.changed";
          case "workshop.created",
              "workshop.updated",
              "workshop.deleted",
              "group.created",
              "group.updated",
              "group.deleted",
              "group.members-set",
              "group.sections-set" ->
              "workshop.changed";
          case "member.added",
              "member.removed",
              "member.role-changed",
              "invitation.created",
              "invitation.revoked",
              "invitation.used" ->
              "members.changed";
          case "edition.compiled", "edition.published" -> type;
          default -> null;
        };
    return Optional.ofNullable(name);
  }

  /** The streamed form of a recorded event, or empty when its type is not streamed. */
  public static Optional<LiveEvent> of(
      long id,
      String type,
      long paperId,
      String objectType,
      Long objectId,
      Instant at,
      Map<String, Object> payload) {
    return nameOf(type)
        .map(
            name -> {
              Map<String, Object> data = new LinkedHashMap<>();
              if ("section".equals(objectType) && objectId != null) {
                data.put("sectionId", objectId);
              }
              if (payload != null) {
                payload.forEach(
                    (key, value) -> {
                      if (SHAREABLE.contains(key) && value != null) {
                        data.put(key, value);
                      }
                    });
              }
              return new LiveEvent(id, name, type, paperId, objectType, objectId, at, data, null);
            });
  }
}
