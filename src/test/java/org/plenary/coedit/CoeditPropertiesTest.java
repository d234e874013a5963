package org.plenary.coedit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * What the live document relies on, for any multilingual text: an edit made with {@link
 * Yjs#replaceText} (how the server applies a save into the live document, and how the tests type)
 * gives exactly the text asked for, even when it cuts between the halves of an emoji; two writers'
 * concurrent edits converge whichever arrives first; the stored state reads back the same text; and
 * y-protocols framing reads back what it wrote.
 */
class CoeditPropertiesTest {

  static Yjs yjs;

  @BeforeContainer
  static void start() {
    yjs = new Yjs();
  }

  @AfterContainer
  static void stop() {
    yjs.close();
  }

  /** Text from several scripts, with characters outside the BMP and combining marks. */
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(
            "a",
            "b",
            " ",
            "\n",
            "é",
            "ß",
            "和",
            "平",
            "س",
            "ل",
            "ا",
            "م",
            "🕊",
            "🕋",
            "👩‍👩‍👧",
            "e\u0301",
            "\u200f",
            "ü",
            "Ω")
        .list()
        .ofMaxSize(12)
        .map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<Integer> cuts() {
    return Arbitraries.integers().between(0, 1000);
  }

  /** {@code text} with {@code insert} put in and some characters deleted at {@code cut}. */
  static String edit(String text, int cut, int delete, String insert) {
    int points = text.codePointCount(0, text.length());
    int at = text.offsetByCodePoints(0, points == 0 ? 0 : cut % (points + 1));
    int rest = text.codePointCount(at, text.length());
    int end = text.offsetByCodePoints(at, Math.min(delete, rest));
    return text.substring(0, at) + insert + text.substring(end);
  }

  @Property(tries = 150)
  void concurrent_edits_of_multilingual_text_converge_in_either_order(
      @ForAll("texts") String base,
      @ForAll("cuts") int cutA,
      @ForAll("cuts") int cutB,
      @ForAll("texts") String insertA,
      @ForAll("texts") String insertB) {
    Yjs.Doc seed = yjs.create();
    yjs.replaceText(seed, base);
    byte[] state = yjs.missing(seed, new byte[0]).orElseThrow();
    Yjs.Doc a = yjs.create();
    Yjs.Doc b = yjs.create();
    yjs.load(a, state);
    yjs.load(b, state);

    String nextA = edit(base, cutA, cutA % 3, insertA);
    String nextB = edit(base, cutB, cutB % 2, insertB);
    byte[] fromA = yjs.replaceText(a, nextA);
    byte[] fromB = yjs.replaceText(b, nextB);
    assertEquals(nextA, yjs.text(a));
    assertEquals(nextB, yjs.text(b));

    // An edit that changes nothing has no update to send.
    assertEquals(nextA.equals(base), fromA.length == 0);
    assertEquals(nextB.equals(base), fromB.length == 0);
    if (fromB.length > 0) {
      // Both may delete the same characters: the second delete then changes nothing.
      assertTrue(
          java.util.Set.of(Yjs.Status.APPLIED, Yjs.Status.UNCHANGED)
              .contains(yjs.apply(a, fromB).status()));
    }
    if (fromA.length > 0) {
      // Both may delete the same characters: the second delete then changes nothing.
      assertTrue(
          java.util.Set.of(Yjs.Status.APPLIED, Yjs.Status.UNCHANGED)
              .contains(yjs.apply(b, fromA).status()));
    }
    String merged = yjs.text(a);
    assertEquals(merged, yjs.text(b));
    assertFalse(merged.contains("\ufffd"), merged);

    Yjs.Doc reread = yjs.create();
    yjs.load(reread, yjs.missing(a, new byte[0]).orElseThrow());
    assertEquals(merged, yjs.text(reread));
  }

  @Property(tries = 300)
  void sync_messages_read_back_what_they_write(
      @ForAll byte[] payload, @ForAll("syncTypes") int syncType) throws Exception {
    byte[] message =
        switch (syncType) {
          case SyncMessages.STEP_1 -> SyncMessages.step1(payload);
          case SyncMessages.STEP_2 -> SyncMessages.step2(payload);
          default -> SyncMessages.update(payload);
        };
    SyncMessages.Message read = SyncMessages.read(message);
    assertEquals(SyncMessages.SYNC, read.type());
    assertEquals(syncType, read.syncType());
    assertArrayEquals(payload, read.payload());
  }

  @Provide
  Arbitrary<Integer> syncTypes() {
    return Arbitraries.integers().between(SyncMessages.STEP_1, SyncMessages.UPDATE);
  }

  @Property(tries = 300)
  void a_saved_message_carries_its_seq(@ForAll("seqs") long seq) throws Exception {
    assertEquals(seq, SyncMessages.savedSeq(SyncMessages.saved(seq)));
  }

  @Provide
  Arbitrary<Long> seqs() {
    return Arbitraries.longs().between(0, Integer.MAX_VALUE);
  }
}
