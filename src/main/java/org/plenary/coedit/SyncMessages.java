package org.plenary.coedit;

/**
 * The y-protocols messages a section's socket speaks, in their wire format ({@link Lib0}: unsigned
 * LEB128 integers, byte arrays and strings prefixed with their length), as {@code y-protocols}'
 * {@code sync.js} and {@code auth.js} write them, so the web app uses those modules unchanged:
 *
 * <ul>
 *   <li>{@code 0, 0, stateVector}: sync step 1, "here is what I have";
 *   <li>{@code 0, 1, update}: sync step 2, "here is what you lack";
 *   <li>{@code 0, 2, update}: an update;
 *   <li>{@code 1, awareness}: presence in the text ({@link AwarenessMessages});
 *   <li>{@code 2, 0, reason}: permission denied (server to client), with the reason;
 *   <li>{@code 3, seq}: Plenary's own: the client's update (or step 2) was stored as {@code seq};
 *       sent in order, one per update or step 2 the client sent, after the transaction committed.
 * </ul>
 *
 * Only the framing is read here; what is inside an update or a state vector is left to {@link Yjs}.
 */
public final class SyncMessages {
  private SyncMessages() {}

  public static final int SYNC = 0;
  public static final int AWARENESS = 1;
  public static final int AUTH = 2;
  public static final int SAVED = 3;

  public static final int STEP_1 = 0;
  public static final int STEP_2 = 1;
  public static final int UPDATE = 2;

  private static final int PERMISSION_DENIED = 0;

  /** A message read: its type and, for sync messages, sub-type; {@code payload} as framed. */
  public record Message(int type, int syncType, byte[] payload) {}

  /** Reading found something that is not a message: say why. */
  public static final class Malformed extends Exception {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  /** Reads one message (sync, awareness or anything else, whose payload is left unread). */
  public static Message read(byte[] bytes) throws Malformed {
    Lib0.Reader r = new Lib0.Reader(bytes);
    int type = r.uint();
    if (type == SYNC) {
      int sub = r.uint();
      if (sub < STEP_1 || sub > UPDATE) {
        throw new Malformed("unknown sync message " + sub);
      }
      byte[] payload = r.bytes();
      r.end();
      return new Message(type, sub, payload);
    }
    return new Message(type, -1, r.rest());
  }

  public static byte[] step1(byte[] stateVector) {
    return sync(STEP_1, stateVector);
  }

  public static byte[] step2(byte[] update) {
    return sync(STEP_2, update);
  }

  public static byte[] update(byte[] update) {
    return sync(UPDATE, update);
  }

  public static byte[] permissionDenied(String reason) {
    return new Lib0.Writer(reason.length() + 8)
        .uint(AUTH)
        .uint(PERMISSION_DENIED)
        .string(reason)
        .toByteArray();
  }

  public static byte[] saved(long seq) {
    return new Lib0.Writer(10).uint(SAVED).uint(seq).toByteArray();
  }

  /** The reason of a permission-denied message, or null for any other message. */
  public static String deniedReason(byte[] message) throws Malformed {
    Lib0.Reader r = new Lib0.Reader(message);
    if (r.uint() != AUTH || r.uint() != PERMISSION_DENIED) {
      return null;
    }
    return r.string();
  }

  /** The seq of a saved message, or -1 for any other message. */
  public static long savedSeq(byte[] message) throws Malformed {
    Lib0.Reader r = new Lib0.Reader(message);
    return r.uint() == SAVED ? r.ulong() : -1;
  }

  private static byte[] sync(int sub, byte[] payload) {
    return new Lib0.Writer(payload.length + 8).uint(SYNC).uint(sub).bytes(payload).toByteArray();
  }
}
