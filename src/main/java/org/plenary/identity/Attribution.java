package org.plenary.identity;

/**
 * How a person is named in what Plenary shows and publishes. {@link #ANONYMOUS} is the Chatham
 * House rule: the people in the room (the paper's contributors, editors and owners) see who wrote
 * what; observers, share links and every published output see only "a participant" with the
 * stakeholder group.
 */
public enum Attribution {
  NAMED,
  ORGANISATION_ONLY,
  ANONYMOUS
}
