package org.plenary.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.owasp.html.Encoding;

/**
 * Decides whether a URL taken from Markdown (link, image or autolink destination) may be emitted.
 *
 * <p>Only {@code http}, {@code https}, {@code mailto} and scheme-less (relative) URLs pass. The
 * check is deliberately stricter than a browser: the URL is HTML-entity-decoded and percent-decoded
 * until it stops changing, and every control, whitespace and invisible formatting character is
 * removed, before the scheme is read. A browser never decodes that much, so anything it could
 * interpret as {@code javascript:} is also seen as {@code javascript:} here; the price is that odd
 * relative URLs such as {@code a%3Ab} are refused, which only costs a link, not the text.
 */
public final class UrlPolicy {

  static final Set<String> ALLOWED_SCHEMES = Set.of("http", "https", "mailto");

  /** Nested encodings deeper than this are not something a legitimate author writes. */
  private static final int MAX_DECODE_ROUNDS = 8;

  private UrlPolicy() {}

  /** Whether {@code url} (as the author wrote it, Markdown escapes already resolved) is safe. */
  public static boolean isAllowed(String url) {
    if (url == null) {
      return false;
    }
    String canonical = canonicalize(url);
    if (canonical == null) {
      return false;
    }
    String scheme = scheme(canonical);
    return scheme == null || ALLOWED_SCHEMES.contains(scheme);
  }

  /**
   * Whether {@code url} points off-site over the web, i.e. deserves {@code rel="noopener noreferrer
   * nofollow"}. Protocol-relative {@code //host} URLs count, as they load over http(s) too.
   */
  public static boolean isAbsoluteWebUrl(String url) {
    if (url == null) {
      return false;
    }
    String canonical = canonicalize(url);
    if (canonical == null) {
      return false;
    }
    String scheme = scheme(canonical);
    return "http".equals(scheme)
        || "https".equals(scheme)
        || canonical.startsWith("//")
        || canonical.startsWith("\\\\")
        || canonical.startsWith("/\\")
        || canonical.startsWith("\\/");
  }

  /**
   * The lower-cased scheme of an already canonical URL, or {@code null} if it has none. Any colon
   * before the first {@code /}, {@code ?} or {@code #} counts as ending a scheme, even when the
   * prefix would not be a syntactically valid scheme: such URLs are refused rather than guessed at.
   */
  static String scheme(String canonical) {
    for (int i = 0; i < canonical.length(); i++) {
      char c = canonical.charAt(i);
      if (c == '/' || c == '\\' || c == '?' || c == '#') {
        return null;
      }
      if (c == ':') {
        return canonical.substring(0, i).toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  /**
   * Decodes entities and percent-escapes and drops ignorable characters until a fixed point, or
   * returns {@code null} if none is reached within {@link #MAX_DECODE_ROUNDS}.
   */
  static String canonicalize(String url) {
    String current = stripIgnorable(url);
    for (int round = 0; round < MAX_DECODE_ROUNDS; round++) {
      String next = stripIgnorable(percentDecode(Encoding.decodeHtml(current, false)));
      if (next.equals(current)) {
        return current;
      }
      current = next;
    }
    return null;
  }

  private static String stripIgnorable(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      if (isIgnorable(cp)) {
        if (out == null) {
          out = new StringBuilder(s.length()).append(s, 0, i);
        }
      } else if (out != null) {
        out.appendCodePoint(cp);
      }
      i += len;
    }
    return out == null ? s : out.toString();
  }

  // Browsers drop tab/CR/LF anywhere and C0 controls and spaces at the ends; invisible Unicode
  // (zero-width space, BOM, soft hyphen, NBSP, line separators) is dropped too, to be safe.
  private static boolean isIgnorable(int cp) {
    if (cp <= 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.FORMAT
        || type == Character.SPACE_SEPARATOR
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.CONTROL
        || cp == 0xFFFD;
  }

  private static String percentDecode(String s) {
    int first = s.indexOf('%');
    if (first < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length()).append(s, 0, first);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = first;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        bytes.write(
            Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
        i += 3;
        continue;
      }
      if (bytes.size() > 0) {
        out.append(bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
      }
      out.append(c);
      i++;
    }
    if (bytes.size() > 0) {
      out.append(bytes.toString(StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0 && c < 0x80;
  }
}
