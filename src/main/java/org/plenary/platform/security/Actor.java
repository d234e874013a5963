package org.plenary.platform.security;

/** Who is making the request: the account that changes are attributed to. */
public record Actor(long accountId, String handle) {}
