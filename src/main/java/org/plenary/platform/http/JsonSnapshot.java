package org.plenary.platform.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A JSON answer serialised once and served many times (the outline and rendered text are read far
 * more often than they change), with a strong ETag computed from its bytes so a client on a slow
 * link can ask "has it changed?" and get an empty 304 when it has not.
 */
public record JsonSnapshot(byte[] body, String etag) {

  /** 200 with the body, or 304 when {@code ifNoneMatch} already names this version. */
  public Response respond(String ifNoneMatch) {
    if (ifNoneMatch != null && matches(ifNoneMatch)) {
      return Response.notModified()
          .header(HttpHeaders.ETAG, etag)
          .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
          .build();
    }
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.ETAG, etag)
        .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
        .build();
  }

  /** Browsers and proxies may keep a copy, but must ask before using it. */
  static final String CACHE_CONTROL = "private, no-cache";

  private boolean matches(String ifNoneMatch) {
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }
}
