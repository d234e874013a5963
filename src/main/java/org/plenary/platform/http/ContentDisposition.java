package org.plenary.platform.http;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * {@code Content-Disposition: attachment} with a file name that is safe whatever it was made from:
 * an ASCII {@code filename} for old clients (letters, digits, {@code . _ -} only) and the full name
 * as {@code filename*} in UTF-8 (RFC 6266 with RFC 5987 encoding), so no quote, semicolon, CR, LF,
 * slash or backslash can end the header, add a parameter or name a path.
 */
public final class ContentDisposition {
  private ContentDisposition() {}

  /** The longest name given, in characters; longer ones keep their end (the extension). */
  static final int MAX_NAME = 150;

  /** An attachment named {@code filename}. */
  public static String attachment(String filename) {
    String name = clean(filename);
    return "attachment; filename=\"" + ascii(name) + "\"; filename*=UTF-8''" + encoded(name);
  }

  /** The name without controls, path separators or leading dots, at most {@link #MAX_NAME} long. */
  static String clean(String filename) {
    StringBuilder b = new StringBuilder();
    (filename == null ? "" : filename)
        .codePoints()
        .forEach(
            c -> {
              boolean unsafe =
                  Character.isISOControl(c)
                      || c == '/'
                      || c == '\\'
                      || c == '"'
                      || Character.getType(c) == Character.FORMAT
                      || Character.getType(c) == Character.LINE_SEPARATOR
                      || Character.getType(c) == Character.PARAGRAPH_SEPARATOR;
              b.appendCodePoint(unsafe ? '_' : c);
            });
    String name = b.toString().strip().replaceFirst("^\\.+", "");
    if (name.codePointCount(0, name.length()) > MAX_NAME) {
      int cut = name.offsetByCodePoints(name.length(), -MAX_NAME);
      name = name.substring(cut);
    }
    return name.isEmpty() ? "download" : name;
  }

  /**
   * Letters without their accents and {@code _} for anything else but a-z, 0-9, dot and hyphen;
   * {@code download} (with the extension) when nothing readable is left.
   */
  static String ascii(String name) {
    java.util.regex.Matcher m = EXTENSION.matcher(name);
    String extension = m.find() ? m.group() : "";
    String base = name.substring(0, name.length() - extension.length());
    String plain =
        Normalizer.normalize(base, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .replaceAll("[^A-Za-z0-9.-]+", "_")
            .replaceFirst("^[._-]+", "");
    return (plain.matches(".*[A-Za-z0-9].*") ? plain : "download") + extension;
  }

  private static final java.util.regex.Pattern EXTENSION =
      java.util.regex.Pattern.compile("\\.[A-Za-z0-9]{1,10}$");

  /** RFC 5987 {@code value-chars}: UTF-8 bytes, all but {@code attr-char} percent-encoded. */
  static String encoded(String name) {
    StringBuilder b = new StringBuilder();
    for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        b.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }
}
