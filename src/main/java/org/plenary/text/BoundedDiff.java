package org.plenary.text;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Myers' diff (java-diff-utils) with its cost bounded, for everything in Plenary that aligns
 * paragraphs or words ({@link TextDiff}, {@link TextMerge}, {@link
 * org.plenary.text.anchor.TextAnchor}).
 *
 * <p>Myers costs time and memory that grow with the length of what it compares times the number of
 * differences: one paragraph of 32,000 random words compared with a short one took 20 seconds and
 * two gigabytes. Texts come from contributors, so the cost must not be theirs to choose. What both
 * sides share at the start and end is matched first (linear, and it covers most edits: a few
 * changed words in a long paragraph leave a short middle); the middle goes to Myers only if it is
 * at most {@value #MAX_ELEMENTS} elements (both sides together) and the comparison's budget still
 * covers it. Otherwise the middle counts as replaced whole: callers show it deleted and inserted (a
 * diff), leave it for a person to resolve (a merge) or do not align inside it (an anchor). Less
 * detail, nothing lost.
 *
 * <p>One instance is one comparison: its budget, {@value #MAX_PER_COMPARISON} elements, is shared
 * by all the diffs of the comparison, so a text cut into many paragraphs of just under the limit
 * costs no more than a few of them. Elements are compared by {@code equals}, through small integer
 * ids so that comparing two long paragraphs costs no more than comparing two words.
 */
public final class BoundedDiff {

  /** Most elements, both sides together, that one Myers diff is given. */
  public static final int MAX_ELEMENTS = 8_000;

  /** Most elements that all the Myers diffs of one comparison are given together. */
  public static final int MAX_PER_COMPARISON = 4 * MAX_ELEMENTS;

  /**
   * A stretch both sides share: {@code x[from, from + length)} equals {@code y[to, to + length)}.
   */
  public record Same(int from, int to, int length) {}

  /**
   * A stretch that differs: {@code x[from, fromEnd)} became {@code y[to, toEnd)}; either may be
   * empty.
   */
  public record Change(int from, int fromEnd, int to, int toEnd) {}

  private long budget;
  private long compared;

  private BoundedDiff(long budget) {
    this.budget = budget;
  }

  /** The diffs of one comparison, sharing its budget. */
  public static BoundedDiff comparison() {
    return new BoundedDiff(MAX_PER_COMPARISON);
  }

  /** One diff with only the per-diff limit (for a caller that bounds how often it asks). */
  public static BoundedDiff single() {
    return new BoundedDiff(Long.MAX_VALUE);
  }

  /** Elements given to Myers so far (what the bounds limit). */
  public long compared() {
    return compared;
  }

  /** The stretches of {@code x} and {@code y} that are the same, in order. */
  public <T> List<Same> same(List<T> x, List<T> y) {
    int n = x.size();
    int m = y.size();
    int head = 0;
    while (head < n && head < m && x.get(head).equals(y.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < n - head && tail < m - head && x.get(n - 1 - tail).equals(y.get(m - 1 - tail))) {
      tail++;
    }
    List<Same> out = new ArrayList<>();
    if (head > 0) {
      out.add(new Same(0, 0, head));
    }
    int xEnd = n - tail;
    int yEnd = m - tail;
    int size = (xEnd - head) + (yEnd - head);
    if (xEnd > head && yEnd > head && size <= MAX_ELEMENTS && size <= budget) {
      budget -= size;
      compared += size;
      myers(x.subList(head, xEnd), y.subList(head, yEnd), head, out);
    }
    if (tail > 0) {
      out.add(new Same(n - tail, m - tail, tail));
    }
    return out;
  }

  /** The stretches of {@code x} and {@code y} that differ, in order: what {@link #same} is not. */
  public <T> List<Change> changes(List<T> x, List<T> y) {
    List<Change> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    for (Same s : same(x, y)) {
      if (s.from() > i || s.to() > j) {
        out.add(new Change(i, s.from(), j, s.to()));
      }
      i = s.from() + s.length();
      j = s.to() + s.length();
    }
    if (x.size() > i || y.size() > j) {
      out.add(new Change(i, x.size(), j, y.size()));
    }
    return out;
  }

  private static <T> void myers(List<T> x, List<T> y, int offset, List<Same> out) {
    Map<T, Integer> ids = new HashMap<>();
    List<Integer> a = ids(x, ids);
    List<Integer> b = ids(y, ids);
    int i = 0;
    int j = 0;
    for (AbstractDelta<Integer> delta : DiffUtils.diff(a, b).getDeltas()) {
      int at = delta.getSource().getPosition();
      if (at > i) {
        out.add(new Same(offset + i, offset + j, at - i));
      }
      i = at + delta.getSource().size();
      j = delta.getTarget().getPosition() + delta.getTarget().size();
    }
    if (x.size() > i) {
      out.add(new Same(offset + i, offset + j, x.size() - i));
    }
  }

  private static <T> List<Integer> ids(List<T> elements, Map<T, Integer> ids) {
    List<Integer> out = new ArrayList<>(elements.size());
    for (T e : elements) {
      out.add(ids.computeIfAbsent(e, k -> ids.size()));
    }
    return out;
  }
}
