package org.plenary.coedit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plenary.coedit.Yjs.Status;

/** The server's Yjs reads what npm yjs in node writes, and node reads what the server writes. */
class YjsInteropTest {

  static Yjs yjs;

  @BeforeAll
  static void start() {
    yjs = new Yjs();
  }

  @AfterAll
  static void stop() {
    yjs.close();
  }

  record Sent(String from, byte[] update) {}

  static JsonNode fixture() throws IOException {
    try (InputStream in = YjsInteropTest.class.getResourceAsStream("node-updates.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  static List<Sent> updates(JsonNode fixture) {
    List<Sent> sent = new ArrayList<>();
    for (JsonNode u : fixture.get("updates")) {
      sent.add(
          new Sent(u.get("from").asText(), Base64.getDecoder().decode(u.get("base64").asText())));
    }
    return sent;
  }

  @Test
  void updates_typed_in_node_give_the_same_multilingual_text_in_the_jvm() throws IOException {
    JsonNode fixture = fixture();
    Yjs.Doc doc = yjs.create();
    for (Sent s : updates(fixture)) {
      assertEquals(Status.APPLIED, yjs.apply(doc, s.update()).status());
    }
    assertEquals(fixture.get("text").asText(), yjs.text(doc));
    assertTrue(yjs.text(doc).contains("🌍"));
  }

  @Test
  void stored_updates_loaded_in_one_call_give_the_same_text_as_one_by_one() throws IOException {
    JsonNode fixture = fixture();
    List<byte[]> stored = updates(fixture).stream().map(Sent::update).toList();
    Yjs.Doc together = yjs.create();
    yjs.load(together, stored);
    Yjs.Doc oneByOne = yjs.create();
    stored.forEach(u -> yjs.load(oneByOne, u));
    assertEquals(fixture.get("text").asText(), yjs.text(together));
    assertArrayEquals(yjs.stateVector(oneByOne), yjs.stateVector(together));
    yjs.load(together, List.of()); // nothing to load changes nothing
    assertEquals(fixture.get("text").asText(), yjs.text(together));
  }

  @Test
  void an_update_that_changes_nothing_new_is_unchanged_and_one_that_deletes_is_applied()
      throws IOException {
    List<Sent> sent = updates(fixture());
    Yjs.Doc doc = yjs.create();
    sent.forEach(s -> yjs.apply(doc, s.update()));
    Yjs.Doc browser = yjs.create();
    yjs.load(browser, yjs.missing(doc, new byte[0]).orElseThrow());
    // a deletion only: no new items, so the state vector alone would not show it
    String text = yjs.text(doc);
    byte[] deletion = yjs.replaceText(browser, text.substring(0, text.length() - 1));
    assertEquals(Status.UNCHANGED, yjs.apply(doc, sent.get(3).update()).status());
    assertEquals(Status.APPLIED, yjs.apply(doc, deletion).status());
    assertEquals(text.substring(0, text.length() - 1), yjs.text(doc));
    assertEquals(Status.UNCHANGED, yjs.apply(doc, deletion).status());
  }

  @Test
  void the_second_writers_updates_arriving_first_still_converge() throws IOException {
    JsonNode fixture = fixture();
    List<Sent> sent = updates(fixture);
    // b's updates build on a's first few, so those come first; then all of b's, then the rest of
    // a's
    Yjs.Doc doc = yjs.create();
    int firstOfB = 0;
    while (!sent.get(firstOfB).from().equals("b")) {
      firstOfB++;
    }
    List<Sent> order = new ArrayList<>(sent.subList(0, 10));
    sent.stream().filter(s -> s.from().equals("b")).forEach(order::add);
    sent.subList(10, sent.size()).stream().filter(s -> s.from().equals("a")).forEach(order::add);
    assertEquals(sent.size(), order.size());
    assertTrue(firstOfB > 10, "the fixture's second writer starts after the first ten keystrokes");
    for (Sent s : order) {
      assertEquals(Status.APPLIED, yjs.apply(doc, s.update()).status());
    }
    assertEquals(fixture.get("text").asText(), yjs.text(doc));
  }

  @Test
  void an_update_that_skips_a_keystroke_is_refused_and_a_replayed_one_changes_nothing()
      throws IOException {
    List<Sent> sent = updates(fixture());
    Yjs.Doc doc = yjs.create();
    yjs.apply(doc, sent.get(0).update());
    assertEquals(Status.MISSING_DEPENDENCIES, yjs.apply(doc, sent.get(2).update()).status());
    Yjs.Doc fresh = yjs.create();
    yjs.apply(fresh, sent.get(0).update());
    yjs.apply(fresh, sent.get(1).update());
    Yjs.Applied replay = yjs.apply(fresh, sent.get(1).update());
    assertEquals(Status.UNCHANGED, replay.status());
    assertEquals("Pl", yjs.text(fresh));
  }

  @Test
  void garbage_is_refused_as_malformed_and_leaves_the_document_alone() {
    Yjs.Doc doc = yjs.create();
    yjs.replaceText(doc, "kept");
    byte[] before = yjs.stateVector(doc);
    Yjs.Applied garbage = yjs.apply(doc, "not a yjs update".getBytes(StandardCharsets.UTF_8));
    assertEquals(Status.MALFORMED, garbage.status());
    assertTrue(!garbage.reason().isBlank());
    assertEquals("kept", yjs.text(doc));
    assertArrayEquals(before, yjs.stateVector(doc));
  }

  @Test
  void node_yjs_reads_the_document_the_server_wrote() throws Exception {
    List<Sent> sent = updates(fixture());
    Yjs.Doc doc = yjs.create();
    for (Sent s : sent) {
      yjs.apply(doc, s.update());
    }
    String expected = yjs.text(doc).replace("Plenary", "Plenary ✍ पूर्ण");
    yjs.replaceText(doc, expected);
    byte[] state = yjs.missing(doc, new byte[0]).orElseThrow();

    Path root = Path.of("").toAbsolutePath();
    ProcessBuilder node =
        new ProcessBuilder("node", root.resolve("src/test/node/yjs-read.cjs").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    node.environment().put("NODE_PATH", root.resolve("frontend/node_modules").toString());
    Process process = node.start();
    process.getOutputStream().write(Base64.getEncoder().encode(state));
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue());
    assertEquals(expected, new ObjectMapper().readValue(out, String.class));
  }
}
