package org.plenary.platform.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.plenary.platform.json.JsonSetup;

/**
 * The one place where the request line and headers of every request are checked, before any route,
 * authentication or resource reads them. What fails gets a problem document naming what is wrong,
 * never an empty answer or a 500:
 *
 * <ul>
 *   <li>an address (path and query) over {@value #MAX_TARGET_LENGTH} characters: 414;
 *   <li>headers over {@value #MAX_HEADER_BYTES} bytes in all: 431;
 *   <li>a body sent in chunks ({@code Transfer-Encoding}) without a {@code Content-Length}: 411, so
 *       that {@link BodyLimit} can refuse a body over its limit before it is read (Quarkus would
 *       answer an oversized chunked body with an empty 413);
 *   <li>a path segment or query parameter whose percent-encoding is broken, is not UTF-8 (a lone
 *       surrogate such as {@code %ED%A0%80} among them) or decodes to the NUL character: 400,
 *       naming the parameter (query) or the segment (path). These are the strings PostgreSQL cannot
 *       store, refused the way {@link JsonSetup} refuses them in request bodies.
 * </ul>
 *
 * Vert.x decodes request lines of up to 64 KiB and headers of up to 64 KiB ({@code
 * quarkus.http.limits.*}), so that these answers, not Vert.x's empty ones, are what a client sees;
 * requests beyond those limits, and request lines that are not HTTP at all, are answered by Vert.x
 * itself (docs/security.md).
 */
@Singleton
public class RequestGuard {

  /** Longest accepted address: path and query as sent, in characters. */
  public static final int MAX_TARGET_LENGTH = 4096;

  /** Most bytes of all request headers together (names, values, separators). */
  public static final int MAX_HEADER_BYTES = 20 * 1024;

  void install(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::check);
  }

  private void check(RoutingContext ctx) {
    var request = ctx.request();
    String target = request.uri();
    if (target.length() > MAX_TARGET_LENGTH) {
      RouterProblems.send(
          ctx,
          414,
          "address-too-long",
          "The address is "
              + target.length()
              + " characters long; Plenary accepts at most "
              + MAX_TARGET_LENGTH
              + ". Send long text (a search term, a list) in a request body or shorten it.",
          null,
          true);
      return;
    }
    int headerBytes = headerBytes(request.headers());
    if (headerBytes > MAX_HEADER_BYTES) {
      RouterProblems.send(
          ctx,
          431,
          "headers-too-large",
          "The request's headers are "
              + headerBytes
              + " bytes in all; Plenary accepts at most "
              + MAX_HEADER_BYTES
              + ".",
          null,
          true);
      return;
    }
    if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
        && !request.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
      RouterProblems.send(
          ctx,
          411,
          "length-required",
          "Send the request body with a Content-Length header (Plenary does not read bodies sent"
              + " in chunks, so that it can refuse one over 2 MiB before reading it).",
          "Content-Length",
          true);
      return;
    }
    Map.Entry<String, String> bad = firstBadPart(target);
    if (bad != null) {
      RouterProblems.send(ctx, 400, "malformed-request", bad.getValue(), bad.getKey());
      return;
    }
    ctx.next();
  }

  private static int headerBytes(MultiMap headers) {
    int total = 0;
    for (Map.Entry<String, String> header : headers) {
      total += header.getKey().length() + header.getValue().length() + 4;
    }
    return total;
  }

  /**
   * The first part of the address that cannot be decoded to text Plenary can store, as (field,
   * problem), or null when every part can. A query parameter is named by its name; a path segment
   * by its position.
   */
  static Map.Entry<String, String> firstBadPart(String target) {
    int question = target.indexOf('?');
    int hash = target.indexOf('#');
    int pathEnd = question >= 0 ? question : hash >= 0 ? hash : target.length();
    String path = target.substring(0, pathEnd);
    String[] segments = path.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      try {
        checked(segments[i], false);
      } catch (IllegalArgumentException e) {
        return Map.entry(
            "path",
            "Part "
                + i
                + " of the address ('"
                + shorten(segments[i])
                + "') "
                + e.getMessage()
                + " Correct the address.");
      }
    }
    if (question < 0) {
      return null;
    }
    String query = target.substring(question + 1, hash > question ? hash : target.length());
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String rawName = equals >= 0 ? pair.substring(0, equals) : pair;
      String name;
      try {
        name = checked(rawName, true);
      } catch (IllegalArgumentException e) {
        return Map.entry(
            "query", "A parameter name ('" + shorten(rawName) + "') " + e.getMessage());
      }
      try {
        if (equals >= 0) {
          checked(pair.substring(equals + 1), true);
        }
      } catch (IllegalArgumentException e) {
        return Map.entry(name, "The value of '" + shorten(name) + "' " + e.getMessage());
      }
    }
    return null;
  }

  /** Why a raw (percent-encoded) part cannot be used, or null when it can. */
  static String problemOf(String raw, boolean query) {
    try {
      checked(raw, query);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /**
   * The decoded text of a raw part, or an {@link IllegalArgumentException} saying why it cannot be
   * decoded or stored (the rule {@link JsonSetup} applies to bodies).
   */
  private static String checked(String raw, boolean query) {
    String decoded = decodeStrictly(raw, query);
    String text = JsonSetup.problemOf(decoded);
    if (text != null) {
      throw new IllegalArgumentException("is not acceptable: " + text);
    }
    return decoded;
  }

  /**
   * Percent-decodes {@code raw} as UTF-8 and refuses broken escapes and byte sequences that are not
   * UTF-8 (surrogates encoded as UTF-8 among them); {@code +} is a space in a query.
   */
  static String decodeStrictly(String raw, boolean query) {
    if (raw.indexOf('%') < 0) {
      return query ? raw.replace('+', ' ') : raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int high = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException(
              "has a '%' that is not followed by two hexadecimal digits.");
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (query && c == '+') {
        bytes.write(' ');
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "is not UTF-8 text once decoded (a broken character, such as a lone surrogate).");
    }
  }

  private static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 37) + "..." : value;
  }
}
