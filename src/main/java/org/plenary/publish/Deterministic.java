package org.plenary.publish;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.plenary.platform.crypto.Digests;

/**
 * Makes a rendered file depend only on what it shows, so rendering an edition again gives the same
 * bytes. PDF: OpenPDF names font subsets with random six-letter tags and gives each file a random
 * identifier; both are replaced, in place and at the same length (so the cross-reference offsets
 * stay right), by values derived from the document itself. Zip packages (Word): entries are written
 * again in name order with one fixed time, as POI stamps them with the clock.
 */
final class Deterministic {
  private Deterministic() {}

  private static final Pattern SUBSET = Pattern.compile("/([A-Z]{6})\\+");
  private static final Pattern ID =
      Pattern.compile("/ID ?\\[ ?<([0-9a-fA-F]+)> ?<([0-9a-fA-F]+)> ?\\]");

  static byte[] pdf(byte[] pdf, EditionContent content, String kind, int edition) {
    // ISO-8859-1 maps every byte to one char and back, so positions are byte offsets.
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    Map<String, String> tags = new LinkedHashMap<>();
    Matcher m = SUBSET.matcher(text);
    while (m.find()) {
      tags.computeIfAbsent(m.group(1), k -> tag(tags.size()));
    }
    for (var e : tags.entrySet()) {
      text = text.replace(e.getKey() + "+", e.getValue() + "+");
    }
    // OpenPDF stamps the creation date when the document opens; the modification date is the
    // edition's, so the creation date (same format, same length) is made equal to it.
    text = copyDate(text, "/ModDate\\((D:[^)]*)\\)", "/CreationDate\\((D:[^)]*)\\)");
    text =
        copyDate(
            text,
            "<xmp:ModifyDate>([^<]*)</xmp:ModifyDate>",
            "<xmp:CreateDate>([^<]*)</xmp:CreateDate>");
    Matcher id = ID.matcher(text);
    int last = -1;
    while (id.find()) {
      last = id.start();
    }
    if (last >= 0) {
      id.find(last);
      String zeroed =
          text.substring(0, id.start(1))
              + "0".repeat(id.group(1).length())
              + text.substring(id.end(1), id.start(2))
              + "0".repeat(id.group(2).length())
              + text.substring(id.end(2));
      String digest = Digests.sha256Hex(zeroed + kind + edition + content.paper().id());
      String one = fit(digest, id.group(1).length());
      String two = fit(new StringBuilder(digest).reverse().toString(), id.group(2).length());
      text =
          text.substring(0, id.start(1))
              + one
              + text.substring(id.end(1), id.start(2))
              + two
              + text.substring(id.end(2));
    }
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String copyDate(String text, String from, String to) {
    Matcher source = Pattern.compile(from).matcher(text);
    if (!source.find()) {
      return text;
    }
    String value = source.group(1);
    Matcher target = Pattern.compile(to).matcher(text);
    StringBuilder out = new StringBuilder();
    while (target.find()) {
      String replaced =
          value.length() == target.group(1).length()
              ? target.group().replace(target.group(1), value)
              : target.group();
      target.appendReplacement(out, Matcher.quoteReplacement(replaced));
    }
    target.appendTail(out);
    return out.toString();
  }

  private static String fit(String hex, int length) {
    StringBuilder s = new StringBuilder();
    while (s.length() < length) {
      s.append(hex);
    }
    return s.substring(0, length);
  }

  /** AAAAAA, AAAAAB, ...: a valid subset tag (six capital letters) for the n-th font. */
  private static String tag(int n) {
    char[] c = "PLNAAA".toCharArray();
    for (int i = 5; i >= 3 && n > 0; i--) {
      c[i] = (char) ('A' + n % 26);
      n /= 26;
    }
    return new String(c);
  }

  /** 1980-01-01 00:00, the zip epoch, in the zip's own local time (so no time zone applies). */
  private static final LocalDateTime ZIP_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

  /**
   * The same zip with its entries in a fixed order ({@code [Content_Types].xml} first, as Office
   * writes it, then by name) and all at {@link #ZIP_EPOCH}.
   */
  static byte[] zip(byte[] zip) {
    Map<String, byte[]> entries = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
      try (ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
        byte[] types = entries.remove(CONTENT_TYPES);
        if (types != null) {
          put(z, CONTENT_TYPES, types);
        }
        for (var e : entries.entrySet()) {
          put(z, e.getKey(), e.getValue());
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String CONTENT_TYPES = "[Content_Types].xml";

  private static void put(ZipOutputStream z, String name, byte[] body) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTimeLocal(ZIP_EPOCH);
    z.putNextEntry(entry);
    z.write(body);
    z.closeEntry();
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
