package org.plenary.coedit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** y-protocols' awareness framing, read and written as {@code y-websocket} does. */
class AwarenessMessagesTest {

  /** The payload of a message (what follows its type), as the socket hands it over. */
  static byte[] payload(byte[] message) throws SyncMessages.Malformed {
    SyncMessages.Message m = SyncMessages.read(message);
    assertEquals(SyncMessages.AWARENESS, m.type());
    return m.payload();
  }

  @Test
  void entries_round_trip_with_the_largest_client_ids_and_multilingual_states() throws Exception {
    List<AwarenessMessages.Entry> entries =
        List.of(
            new AwarenessMessages.Entry(4_294_967_295L, 1, "{\"note\":\"和平 سلام 🕊\"}"),
            new AwarenessMessages.Entry(Lib0.MAX_SAFE, Lib0.MAX_SAFE, "null"),
            new AwarenessMessages.Entry(0, 0, "{}"));
    assertEquals(entries, AwarenessMessages.read(payload(AwarenessMessages.message(entries))));
    assertTrue(AwarenessMessages.read(payload(AwarenessMessages.message(entries))).get(1).gone());
  }

  @Test
  void the_bytes_are_those_y_protocols_writes() throws Exception {
    // writeVarUint(1); writeVarUint8Array(encodeAwarenessUpdate): 1 client, id 300, clock 2, "{}"
    byte[] expected = {1, 7, 1, (byte) 0xac, 0x02, 2, 2, '{', '}'};
    byte[] written = AwarenessMessages.message(List.of(new AwarenessMessages.Entry(300, 2, "{}")));
    assertArrayEquals(expected, written);
    assertEquals(
        List.of(new AwarenessMessages.Entry(300, 2, "{}")),
        AwarenessMessages.read(payload(expected)));
  }

  @Test
  void malformed_updates_are_refused_with_a_reason() {
    byte[] good = AwarenessMessages.message(List.of(new AwarenessMessages.Entry(7, 1, "{}")));
    byte[] body = Arrays.copyOfRange(good, 1, good.length);
    assertMalformed("shorter than it says", Arrays.copyOf(body, body.length - 1));
    byte[] longer = Arrays.copyOf(body, body.length + 1);
    assertMalformed("too many", longer);
    // the update says 2 clients but holds one
    byte[] twoSaid = body.clone();
    twoSaid[1] = 2;
    assertMalformed("ends inside a number", twoSaid);
    // a string that is not UTF-8
    byte[] notUtf8 = {6, 1, 7, 1, 2, (byte) 0xc3, (byte) 0x28};
    assertMalformed("not UTF-8", notUtf8);
    // a client id beyond lib0's integers
    byte[] huge = {
      11,
      1,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      0x7f,
      1,
      0
    };
    assertMalformed("too large", huge);
    // more clients than any browser sends
    byte[] many = {3, (byte) 0xe8, 0x07, 0};
    assertMalformed("at most", many);
    assertMalformed("ends inside a number", new byte[0]);
  }

  static void assertMalformed(String reason, byte[] payload) {
    SyncMessages.Malformed e =
        assertThrows(SyncMessages.Malformed.class, () -> AwarenessMessages.read(payload));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
