package org.plenary.live;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Map;

/**
 * One event as the live stream sends it: what happened to which object, never who did it or the
 * text (a client fetches what it shows through the API, where the usual permissions and the Chatham
 * House rule apply).
 *
 * @param id the event's id in the event log (the stream's {@code id:}, for {@code Last-Event-ID})
 * @param name the stream's event name, e.g. {@code section.saved} or {@code outline.changed}
 * @param type the recorded event type, e.g. {@code section.moved}
 * @param data a few harmless facts from the event (section, revision, thread, edition number)
 * @param onlyFor the one account whose streams may carry the event (it is about an object private
 *     to them, such as a private draft), or {@code null} for every reader of the paper; never sent
 */
public record LiveEvent(
    long id,
    String name,
    String type,
    long paperId,
    String objectType,
    Long objectId,
    Instant at,
    Map<String, Object> data,
    @JsonIgnore Long onlyFor) {

  /** Whether a stream of {@code accountId} may carry this event. */
  public boolean readableBy(long accountId) {
    return onlyFor == null || onlyFor == accountId;
  }

  /** The same event, for {@code accountId}'s streams only. */
  LiveEvent onlyFor(long accountId) {
    return new LiveEvent(id, name, type, paperId, objectType, objectId, at, data, accountId);
  }
}
