package org.plenary.coedit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * lib0's binary encoding, as far as y-protocols' messages use it: unsigned LEB128 integers ("var
 * uint"), and byte arrays and UTF-8 strings prefixed with their length. Shared by {@link
 * SyncMessages} and {@link AwarenessMessages}.
 */
final class Lib0 {
  private Lib0() {}

  /** lib0 writes integers up to JavaScript's largest safe one (2^53 - 1). */
  static final long MAX_SAFE = (1L << 53) - 1;

  /** Writes lib0 values into a growing buffer. */
  static final class Writer {
    private final ByteArrayOutputStream out;

    Writer(int size) {
      out = new ByteArrayOutputStream(size);
    }

    Writer uint(long value) {
      while (value > 0x7f) {
        out.write((int) (0x80 | (value & 0x7f)));
        value >>>= 7;
      }
      out.write((int) value);
      return this;
    }

    Writer bytes(byte[] bytes) {
      uint(bytes.length);
      out.writeBytes(bytes);
      return this;
    }

    Writer string(String text) {
      return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }
  }

  /** Reads lib0 values; what is not there, or too large, is {@link SyncMessages.Malformed}. */
  static final class Reader {
    private final byte[] bytes;
    private int at;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    /** A var uint that must fit in an {@code int} (types, lengths, counts). */
    int uint() throws SyncMessages.Malformed {
      long value = number(Integer.MAX_VALUE);
      return (int) value;
    }

    /** A var uint up to lib0's largest (client ids, clocks, seqs). */
    long ulong() throws SyncMessages.Malformed {
      return number(MAX_SAFE);
    }

    private long number(long max) throws SyncMessages.Malformed {
      long value = 0;
      for (int shift = 0; ; shift += 7) {
        if (at >= bytes.length) {
          throw new SyncMessages.Malformed("the message ends inside a number");
        }
        if (shift > 49) {
          throw new SyncMessages.Malformed("a number in the message is too large");
        }
        int b = bytes[at++] & 0xff;
        value |= (long) (b & 0x7f) << shift;
        if (b < 0x80) {
          break;
        }
      }
      if (value > max) {
        throw new SyncMessages.Malformed("a number in the message is too large");
      }
      return value;
    }

    byte[] bytes() throws SyncMessages.Malformed {
      int length = uint();
      if (length > bytes.length - at) {
        throw new SyncMessages.Malformed("the message is shorter than it says");
      }
      byte[] out = Arrays.copyOfRange(bytes, at, at + length);
      at += length;
      return out;
    }

    /** A UTF-8 string; bytes that are not UTF-8 are malformed (lib0 would read them as U+FFFD). */
    String string() throws SyncMessages.Malformed {
      byte[] utf8 = bytes();
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .decode(java.nio.ByteBuffer.wrap(utf8))
            .toString();
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new SyncMessages.Malformed("a string in the message is not UTF-8");
      }
    }

    /** What is left unread. */
    byte[] rest() {
      byte[] out = Arrays.copyOfRange(bytes, at, bytes.length);
      at = bytes.length;
      return out;
    }

    void end() throws SyncMessages.Malformed {
      if (at != bytes.length) {
        throw new SyncMessages.Malformed(
            "the message has " + (bytes.length - at) + " bytes too many");
      }
    }
  }
}
