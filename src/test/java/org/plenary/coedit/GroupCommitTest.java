package org.plenary.coedit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.plenary.platform.error.Invalid;
import org.plenary.platform.security.Actor;
import org.plenary.support.Fixture;
import org.plenary.support.Fixture.CreatedPaper;
import org.plenary.support.Personas;
import org.plenary.support.Personas.Person;

/**
 * Updates that arrive at one section together are appended together (one transaction while the
 * previous one commits): each still gets its own seq, in order, and one refused update among them
 * is refused alone.
 */
@QuarkusTest
class GroupCommitTest {

  @Inject Yjs yjs;
  @Inject LiveDocuments documents;

  /** A new paper's section, opened live by an editor of the paper. */
  record Opened(long paperId, long sectionId, Actor editor) {}

  Opened open() {
    CreatedPaper paper = Fixture.paper().withSection("Context", "Start.").create();
    Person editor = Personas.member(paper, "EDITOR");
    Actor actor = new Actor(editor.id(), editor.handle(), false);
    documents.open(actor, paper.id(), paper.section(0));
    return new Opened(paper.id(), paper.section(0), actor);
  }

  @Test
  void many_writers_at_once_each_get_their_own_seq_and_every_word_is_stored() throws Exception {
    Opened section = open();
    long p = section.paperId();
    long s = section.sectionId();
    Actor actor = section.editor();
    int writers = 8;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<Long>>> seqs = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int me = w;
      seqs.add(
          pool.submit(
              () -> {
                // Each writer its own document, typing its own words at its end of the text.
                Yjs.Doc doc = yjs.create();
                yjs.load(doc, documents.missing(p, s, new byte[] {0}));
                go.await();
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                  String word = " w" + me + "k" + i;
                  byte[] update = yjs.replaceText(doc, yjs.text(doc) + word);
                  mine.add(documents.apply(actor, p, s, update, "writer " + me).seq());
                }
                return mine;
              }));
    }
    go.countDown();
    Set<Long> all = new HashSet<>();
    for (Future<List<Long>> f : seqs) {
      List<Long> mine = f.get();
      for (int i = 1; i < mine.size(); i++) {
        assertTrue(mine.get(i) > mine.get(i - 1), "a writer's updates are stored in order");
      }
      all.addAll(mine);
    }
    pool.shutdown();
    assertEquals(writers * each, all.size(), "every update has a seq of its own");
    String text = documents.text(p, s);
    for (int w = 0; w < writers; w++) {
      for (int i = 0; i < each; i++) {
        assertTrue(text.contains("w" + w + "k" + i), "lost w" + w + "k" + i + " in " + text);
      }
    }
  }

  @Test
  void a_malformed_update_among_good_ones_is_refused_alone() throws Exception {
    Opened section = open();
    long p = section.paperId();
    long s = section.sectionId();
    Actor actor = section.editor();
    int writers = 6;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Object>> results = new ArrayList<>();
    for (int round = 0; round < 20; round++) {
      for (int w = 0; w <= writers; w++) {
        int me = w;
        int r = round;
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  if (me == writers) {
                    try {
                      return documents.apply(actor, p, s, new byte[] {9, 9, 9}, "bad");
                    } catch (RuntimeException e) {
                      return e;
                    }
                  }
                  Yjs.Doc doc = yjs.create();
                  yjs.load(doc, documents.missing(p, s, new byte[] {0}));
                  return documents.apply(
                      actor,
                      p,
                      s,
                      yjs.replaceText(doc, "r" + r + "w" + me + " " + yjs.text(doc)),
                      "w");
                }));
      }
    }
    go.countDown();
    int refused = 0;
    for (Future<Object> f : results) {
      Object o = f.get();
      if (o instanceof RuntimeException e) {
        assertInstanceOf(Invalid.class, e, "only the malformed update is refused: " + e);
        refused++;
      }
    }
    pool.shutdown();
    assertEquals(20, refused, "each malformed update, and only those, refused");
    String text = documents.text(p, s);
    for (int r = 0; r < 20; r++) {
      for (int w = 0; w < writers; w++) {
        assertTrue(text.contains("r" + r + "w" + w + " "), "lost r" + r + "w" + w + " in " + text);
      }
    }
  }
}
