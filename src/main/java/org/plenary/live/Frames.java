package org.plenary.live;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Server-Sent Events frames, encoded once and written as they are to every stream that gets them (a
 * room of hundreds of streams gets one encoding per event, not one per stream). The data is compact
 * JSON, so always one {@code data:} line.
 */
final class Frames {
  private Frames() {}

  /** An event with an id (logged events, hello, reset) or without one (id null). */
  static byte[] event(String id, String name, String json) {
    StringBuilder sb = new StringBuilder(json.length() + 64);
    if (id != null) {
      sb.append("id: ").append(id).append('\n');
    }
    sb.append("event: ").append(name).append('\n');
    sb.append("data: ").append(json.replace("\n", "\ndata: ")).append("\n\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A comment line (keeps proxies from closing an idle stream). */
  static byte[] comment(String text) {
    return (": " + text + "\n\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Several frames as one write. */
  static byte[] join(List<byte[]> frames) {
    if (frames.size() == 1) {
      return frames.get(0);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] f : frames) {
      out.writeBytes(f);
    }
    return out.toByteArray();
  }
}
