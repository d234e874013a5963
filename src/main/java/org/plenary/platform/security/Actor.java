package org.plenary.platform.security;

/** Who is acting: the account changes are attributed to, and whether it administers Plenary. */
public record Actor(long accountId, String handle, boolean platformAdmin) {}
