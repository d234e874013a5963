package org.plenary.identity;

/**
 * Fired (synchronously, inside the erasure's transaction) just before a person's account is
 * pseudonymised, so each feature that stored the person's name or handle in its own history
 * (editions and their files, comment text, endorsement rows) can redact it. {@code shownAs} is how
 * the person appeared outside the room until now: the name published outputs carry.
 */
public record Erasing(
    long accountId,
    String oldHandle,
    String newHandle,
    People.Shown shownAs,
    Attribution attribution) {}
