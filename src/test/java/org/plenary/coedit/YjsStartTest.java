package org.plenary.coedit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The JavaScript engine costs seconds of CPU and tens of megabytes: an instance starts it for the
 * first live document, not when the save path merely asks whether a section is co-edited.
 */
class YjsStartTest {

  @Test
  void the_engine_starts_with_the_first_document_and_stops_when_closed() {
    try (Yjs yjs = new Yjs()) {
      assertFalse(yjs.running(), "nothing asked for a document yet");

      Yjs.Doc doc = yjs.create();
      yjs.replaceText(doc, "Hallo, عالم");

      assertTrue(yjs.running());
      assertEquals("Hallo, عالم", yjs.text(doc));
      yjs.close();
      assertFalse(yjs.running());
    }
  }

  @Test
  void closing_an_engine_that_never_started_does_nothing() {
    Yjs yjs = new Yjs();
    yjs.close();
    assertFalse(yjs.running());
  }
}
