package org.plenary.live;

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
 */
public record LiveEvent(
    long id,
    String name,
    String type,
    long paperId,
    String objectType,
    Long objectId,
    Instant at,
    Map<String, Object> data) {}
