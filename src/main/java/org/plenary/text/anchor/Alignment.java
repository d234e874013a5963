package org.plenary.text.anchor;

import static org.plenary.text.anchor.SlotPairing.similarPairs;
import static org.plenary.text.anchor.SlotPairing.slotAlike;
import static org.plenary.text.anchor.TextAnchor.MAX_ALIGNED;
import static org.plenary.text.anchor.TextAnchor.MAX_SLIDE;
import static org.plenary.text.anchor.TextAnchor.MIN_SIMILARITY;
import static org.plenary.text.anchor.Words.dice;
import static org.plenary.text.anchor.Words.equalRuns;
import static org.plenary.text.anchor.Words.keys;
import static org.plenary.text.anchor.Words.texts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.plenary.text.TextModel;
import org.plenary.text.TextModel.Paragraph;
import org.plenary.text.TextModel.Token;

/**
 * The unchanged runs between two texts: {@code original[from, from + length)} equals {@code
 * current[to, to + length)}. Runs do not overlap on either side; they are in the same order on both
 * sides except for paragraphs that moved.
 */
final class Alignment {
  private final int[] from;
  private final int[] to;
  private final int[] length;
  private final boolean[] moved;
  private final int[] byTo;
  private final int[] toSorted;
  private final int originalLength;
  private final int currentLength;

  private Alignment(List<int[]> runs, int originalLength, int currentLength) {
    runs.sort(Comparator.comparingInt(r -> r[0]));
    this.from = runs.stream().mapToInt(r -> r[0]).toArray();
    this.to = runs.stream().mapToInt(r -> r[1]).toArray();
    this.length = runs.stream().mapToInt(r -> r[2]).toArray();
    this.moved = new boolean[runs.size()];
    for (int i = 0; i < runs.size(); i++) {
      moved[i] = runs.get(i)[3] != 0;
    }
    this.byTo =
        IntStream.range(0, runs.size())
            .boxed()
            .sorted(Comparator.comparingInt(i -> to[i]))
            .mapToInt(Integer::intValue)
            .toArray();
    this.toSorted = Arrays.stream(byTo).map(i -> to[i]).toArray();
    this.originalLength = originalLength;
    this.currentLength = currentLength;
  }

  /**
   * Paragraphs first, with a Myers diff over whole paragraphs; then paragraphs that moved (the same
   * text, unmatched on both sides); then, in each stretch between equal paragraphs, the remaining
   * paragraphs alike enough to be one paragraph edited are paired and aligned word by word. Other
   * paragraphs stay unaligned: aligning the words of unrelated paragraphs would match their "the"s
   * and commas, and new text would pass for old text from elsewhere.
   */
  static Alignment of(String original, String current, int coreStart, int coreEnd) {
    int[] core = {coreStart, coreEnd};
    List<Paragraph> a = TextModel.paragraphs(original);
    List<Paragraph> b = TextModel.paragraphs(current);
    int[] pairA = new int[a.size()];
    int[] pairB = new int[b.size()];
    Arrays.fill(pairA, -1);
    Arrays.fill(pairB, -1);
    List<int[]> skeleton = new ArrayList<>();
    for (int[] run : equalRuns(texts(a), texts(b))) {
      for (int k = 0; k < run[2]; k++) {
        skeleton.add(new int[] {run[0] + k, run[1] + k});
        pairA[run[0] + k] = run[1] + k;
        pairB[run[1] + k] = run[0] + k;
      }
    }
    List<int[]> runs = new ArrayList<>();
    Map<String, ArrayDeque<Integer>> loose = new HashMap<>();
    for (int x = 0; x < a.size(); x++) {
      if (pairA[x] < 0) {
        loose.computeIfAbsent(a.get(x).text(), t -> new ArrayDeque<>()).add(x);
      }
    }
    for (int y = 0; y < b.size(); y++) {
      ArrayDeque<Integer> same = pairB[y] < 0 ? loose.get(b.get(y).text()) : null;
      if (same != null && !same.isEmpty()) {
        int x = same.poll();
        pairA[x] = y;
        pairB[y] = x;
        runs.add(run(a.get(x).start(), b.get(y).start(), a.get(x).text().length(), true));
      }
    }
    int i = 0;
    int j = 0;
    for (int[] pair : skeleton) {
      alignStretch(
          original, loose(a, i, pair[0], pairA), current, loose(b, j, pair[1], pairB), runs, core);
      Paragraph p = a.get(pair[0]);
      runs.add(run(p.start(), b.get(pair[1]).start(), p.end() - p.start(), false));
      i = pair[0] + 1;
      j = pair[1] + 1;
    }
    alignStretch(
        original, loose(a, i, a.size(), pairA), current, loose(b, j, b.size(), pairB), runs, core);
    return new Alignment(runs, original.length(), current.length());
  }

  /** The paragraphs of {@code [from, to)} not paired yet. */
  private static List<Paragraph> loose(List<Paragraph> ps, int from, int to, int[] pair) {
    List<Paragraph> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      if (pair[i] < 0) {
        out.add(ps.get(i));
      }
    }
    return out;
  }

  private static int[] run(int from, int to, int length, boolean moved) {
    return new int[] {from, to, length, moved ? 1 : 0};
  }

  private static void alignStretch(
      String original,
      List<Paragraph> from,
      String current,
      List<Paragraph> to,
      List<int[]> runs,
      int[] core) {
    int k = from.size();
    int m = to.size();
    if (k == 0 || m == 0) {
      return;
    }
    List<int[]> pairs = new ArrayList<>();
    if ((long) k * m > MAX_ALIGNED) {
      // Too many to compare all pairs: in order, as after a search-and-replace.
      for (int p = 0; p < Math.min(k, m); p++) {
        if (dice(keys(from.get(p).text(), false), keys(to.get(p).text(), false))
            >= MIN_SIMILARITY) {
          pairs.add(new int[] {p, p});
        }
      }
    } else {
      pairs = similarPairs(from, to);
    }
    int p = 0;
    int q = 0;
    for (int[] pair : pairs) {
      alignSlots(original, from.subList(p, pair[0]), current, to.subList(q, pair[1]), runs, core);
      alignTokens(original, from.get(pair[0]), current, to.get(pair[1]), runs, core);
      p = pair[0] + 1;
      q = pair[1] + 1;
    }
    alignSlots(original, from.subList(p, k), current, to.subList(q, m), runs, core);
  }

  /**
   * Paragraphs left between the same neighbours on both sides. One where one was is that paragraph
   * edited, however much. Otherwise the first on each side (right after the same neighbour), and
   * the last, are taken for one paragraph edited if they share some words ({@link
   * #MIN_SLOT_SIMILARITY}): a short paragraph half rewritten, with a new one added after it, is
   * still itself.
   */
  private static void alignSlots(
      String original,
      List<Paragraph> from,
      String current,
      List<Paragraph> to,
      List<int[]> runs,
      int[] core) {
    int k = from.size();
    int m = to.size();
    if (k == 0 || m == 0) {
      return;
    }
    if (k == 1 && m == 1) {
      alignTokens(original, from.get(0), current, to.get(0), runs, core);
      return;
    }
    if (slotAlike(from.get(0), to.get(0))) {
      alignTokens(original, from.get(0), current, to.get(0), runs, core);
    }
    if (k > 1 && m > 1 && slotAlike(from.get(k - 1), to.get(m - 1))) {
      alignTokens(original, from.get(k - 1), current, to.get(m - 1), runs, core);
    }
  }

  /** Word-aligns two paragraphs and records what they share. */
  private static void alignTokens(
      String a, Paragraph from, String b, Paragraph to, List<int[]> runs, int[] core) {
    List<Token> x = TextModel.tokens(a.substring(from.start(), from.end()));
    List<Token> y = TextModel.tokens(b.substring(to.start(), to.end()));
    List<int[]> equal =
        equalRuns(x.stream().map(Token::text).toList(), y.stream().map(Token::text).toList());
    slideOffPassage(x, from.start(), equal, core);
    for (int[] run : equal) {
      if (run[2] == 0) {
        continue;
      }
      Token first = x.get(run[0]);
      runs.add(
          run(
              from.start() + first.start(),
              to.start() + y.get(run[1]).start(),
              x.get(run[0] + run[2] - 1).end() - first.start(),
              false));
    }
  }

  /**
   * Of "results results?" becoming "results?", Myers may have deleted either "results"; when a
   * deletion can slide like that (the words it deletes repeat right before or after it), it is slid
   * off the quoted passage, so the passage keeps its own words and stays attached.
   */
  private static void slideOffPassage(List<Token> x, int offset, List<int[]> runs, int[] core) {
    for (int r = 0; r + 1 < runs.size(); r++) {
      int[] before = runs.get(r);
      int[] after = runs.get(r + 1);
      int a = before[0] + before[2];
      int b = after[0];
      if (before[1] + before[2] != after[1] || a >= b) {
        continue; // not a deletion alone
      }
      int best = 0;
      int least = overlap(x, offset, a, b, core);
      int reach = Math.min(before[2], MAX_SLIDE);
      for (int s = 1; least > 0 && s <= reach && sameText(x, a - s, b - s); s++) {
        int o = overlap(x, offset, a - s, b - s, core);
        if (o < least) {
          least = o;
          best = -s;
        }
      }
      reach = Math.min(after[2], MAX_SLIDE);
      for (int s = 1; least > 0 && s <= reach && sameText(x, a + s - 1, b + s - 1); s++) {
        int o = overlap(x, offset, a + s, b + s, core);
        if (o < least) {
          least = o;
          best = s;
        }
      }
      before[2] += best;
      after[0] += best;
      after[1] += best;
      after[2] -= best;
    }
  }

  private static boolean sameText(List<Token> x, int i, int j) {
    return x.get(i).text().equals(x.get(j).text());
  }

  /** How many characters of the passage the tokens {@code [a, b)} cover. */
  private static int overlap(List<Token> x, int offset, int a, int b, int[] core) {
    int start = offset + x.get(a).start();
    int end = offset + x.get(b - 1).end();
    return Math.max(0, Math.min(end, core[1]) - Math.max(start, core[0]));
  }

  int size() {
    return from.length;
  }

  int from(int i) {
    return from[i];
  }

  int to(int i) {
    return to[i];
  }

  int length(int i) {
    return length[i];
  }

  boolean moved(int i) {
    return moved[i];
  }

  int fromEnd(int i) {
    return from[i] + length[i];
  }

  int toEnd(int i) {
    return to[i] + length[i];
  }

  int originalLength() {
    return originalLength;
  }

  /**
   * The current offset of an original one; inside changed text, as far after the last run before it
   * that did not move as it was, but not past the next one.
   */
  int map(int offset) {
    int i = lastAtOrBefore(from, offset);
    if (i >= 0 && offset < fromEnd(i)) {
      return to[i] + (offset - from[i]);
    }
    int previous = i;
    while (previous >= 0 && moved[previous]) {
      previous--;
    }
    int next = i + 1;
    while (next < from.length && moved[next]) {
      next++;
    }
    int base = previous < 0 ? 0 : toEnd(previous);
    int limit = next < from.length ? to[next] : currentLength;
    return Math.min(base + offset - (previous < 0 ? 0 : fromEnd(previous)), Math.max(base, limit));
  }

  /** The first run (in original order) ending after {@code offset} (size() if none). */
  int firstEndingAfter(int offset) {
    int i = lastAtOrBefore(from, offset);
    return i >= 0 && fromEnd(i) > offset ? i : i + 1;
  }

  /** The last run (in original order) starting before {@code offset}. */
  int lastStartingBefore(int offset) {
    return lastAtOrBefore(from, offset - 1);
  }

  /**
   * The runs overlapping {@code [start, end)} of the current text, as indices, in current order.
   */
  List<Integer> inCurrent(int start, int end) {
    List<Integer> out = new ArrayList<>();
    for (int k = Math.max(0, lastAtOrBefore(toSorted, start)); k < byTo.length; k++) {
      int i = byTo[k];
      if (to[i] >= end) {
        break;
      }
      if (toEnd(i) > start) {
        out.add(i);
      }
    }
    return out;
  }

  private static int lastAtOrBefore(int[] starts, int offset) {
    int lo = 0;
    int hi = starts.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (starts[mid] <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
