package org.plenary.coedit;

import java.util.ArrayList;
import java.util.List;

/**
 * y-protocols' awareness messages (presence in the text: cursors, selections, who is who), in the
 * framing {@code y-websocket} uses: {@code 1}, then the awareness update as a byte array. The
 * update is {@code awareness.js}' {@code encodeAwarenessUpdate}: a var uint count, then for each
 * client its var uint {@code clientID}, var uint {@code clock} and its state as a JSON string
 * ({@code "null"}: the client is gone).
 *
 * <p>Only the framing is read here; what a state may hold is {@link Awareness}'s business.
 */
public final class AwarenessMessages {
  private AwarenessMessages() {}

  /** More entries than this in one update is not a browser's update. */
  static final int MAX_ENTRIES = 256;

  /** One client's awareness: {@code state} is its JSON text, {@code "null"} when it left. */
  public record Entry(long clientId, long clock, String state) {

    public static final String GONE = "null";

    public boolean gone() {
      return GONE.equals(state);
    }
  }

  /**
   * Reads the payload of an awareness message (what follows its type, {@link
   * SyncMessages#AWARENESS}).
   */
  public static List<Entry> read(byte[] payload) throws SyncMessages.Malformed {
    Lib0.Reader message = new Lib0.Reader(payload);
    byte[] update = message.bytes();
    message.end();
    Lib0.Reader r = new Lib0.Reader(update);
    int count = r.uint();
    if (count > MAX_ENTRIES) {
      throw new SyncMessages.Malformed(
          "an awareness update of " + count + " clients; at most " + MAX_ENTRIES);
    }
    List<Entry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      entries.add(new Entry(r.ulong(), r.ulong(), r.string()));
    }
    r.end();
    return entries;
  }

  /** An awareness message carrying {@code entries}. */
  public static byte[] message(List<Entry> entries) {
    Lib0.Writer update = new Lib0.Writer(64 * entries.size() + 8).uint(entries.size());
    for (Entry e : entries) {
      update.uint(e.clientId()).uint(e.clock()).string(e.state());
    }
    byte[] bytes = update.toByteArray();
    return new Lib0.Writer(bytes.length + 8)
        .uint(SyncMessages.AWARENESS)
        .bytes(bytes)
        .toByteArray();
  }
}
