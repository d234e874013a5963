package org.plenary.coedit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plenary.coedit.Yjs.Status;

/**
 * The spike's figures (docs/live.md), printed on every run: ten thousand keystrokes typed in the
 * JVM arrive as typed and two hundred documents load from their stored state. The figures are only
 * printed, never asserted: a test must not depend on how fast a shared machine is; performance is
 * measured by the benchmarks (docs/performance.md).
 */
class YjsFiguresTest {

  @Test
  void ten_thousand_keystrokes_arrive_as_typed_and_two_hundred_documents_load_from_state() {
    long coldStart = System.nanoTime();
    try (Yjs yjs = new Yjs()) {
      Yjs.Doc first = yjs.create();
      yjs.apply(first, yjs.replaceText(yjs.create(), "x"));
      double coldMs = (System.nanoTime() - coldStart) / 1e6;

      Yjs.Doc browser = yjs.create();
      List<byte[]> keystrokes = new ArrayList<>();
      StringBuilder typed = new StringBuilder();
      for (int i = 0; i < 10_000; i++) {
        typed.append((char) ('a' + i % 26));
        keystrokes.add(yjs.replaceText(browser, typed.toString()));
      }
      // warm up on a copy, then time a fresh document
      Yjs.Doc warm = yjs.create();
      for (byte[] k : keystrokes) {
        yjs.apply(warm, k);
      }
      Yjs.Doc server = yjs.create();
      long start = System.nanoTime();
      for (byte[] k : keystrokes) {
        assertEquals(Status.APPLIED, yjs.apply(server, k).status());
      }
      double perUpdateUs = (System.nanoTime() - start) / 1e3 / keystrokes.size();
      assertEquals(typed.toString(), yjs.text(server));

      byte[] state = yjs.missing(server, new byte[0]).orElseThrow();
      Runtime rt = Runtime.getRuntime();
      warm = null;
      long before = usedAfterGc(rt);
      List<Yjs.Doc> docs = new ArrayList<>();
      for (int d = 0; d < 200; d++) {
        Yjs.Doc doc = yjs.create();
        yjs.load(doc, state); // as from the database: the stored state of 10,000 keystrokes
        docs.add(doc);
      }
      long perDocKb = (usedAfterGc(rt) - before) / docs.size() / 1024;
      int stateBytes = state.length;

      System.out.printf(
          "yjs spike: cold start %.0f ms, warm apply %.1f µs per keystroke (10,000),"
              + " %d KiB heap per loaded document of 10,000 typed characters, state of 10,000 typed"
              + " characters %d bytes%n",
          coldMs, perUpdateUs, perDocKb, stateBytes);
      assertEquals(200, docs.size());
      for (Yjs.Doc doc : docs) {
        assertEquals(typed.length(), yjs.length(doc));
      }
      assertEquals(typed.toString(), yjs.text(docs.get(199)));
    }
  }

  private static long usedAfterGc(Runtime rt) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
