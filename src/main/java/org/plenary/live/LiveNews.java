package org.plenary.live;

/**
 * Passing news for a feature above {@code live}, heard on the {@code plenary_live} channel from any
 * instance (the feature's own trigger sends it, as JSON with a {@code kind}), fired asynchronously
 * so the listening thread never waits for the feature. {@code json} is the notification's payload.
 * After the listening connection was lost, {@link #RECONNECTED} is fired once, with no payload:
 * news sent meanwhile is lost, so a feature that relies on it must catch up from its tables.
 */
public record LiveNews(String kind, String json) {

  /** The kind fired after listening again. */
  public static final String RECONNECTED = "reconnected";
}
