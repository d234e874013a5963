package org.plenary.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.plenary.text.BoundedDiff.Change;
import org.plenary.text.BoundedDiff.Same;

class BoundedDiffTest {

  @Test
  void a_middle_over_the_limit_is_not_compared_and_counts_as_replaced_whole() {
    List<Integer> x = range(0, BoundedDiff.MAX_ELEMENTS / 2 + 1);
    List<Integer> y = range(1, BoundedDiff.MAX_ELEMENTS / 2 + 2);
    BoundedDiff diff = BoundedDiff.comparison();

    assertEquals(List.of(new Change(0, x.size(), 0, y.size())), diff.changes(x, y));
    assertEquals(0, diff.compared());
  }

  @Test
  void what_both_share_at_the_ends_is_matched_without_being_compared() {
    List<Integer> x = range(0, 100_000);
    List<Integer> y = new ArrayList<>(x);
    y.set(50_000, -1);
    BoundedDiff diff = BoundedDiff.comparison();

    assertEquals(
        List.of(new Same(0, 0, 50_000), new Same(50_001, 50_001, 49_999)), diff.same(x, y));
    assertEquals(2, diff.compared());
  }

  @Test
  void the_comparison_budget_stops_diffs_once_spent() {
    List<Integer> x = range(0, BoundedDiff.MAX_ELEMENTS / 2);
    List<Integer> y = new ArrayList<>(x);
    Collections.rotate(y, 1); // nothing shared at the ends, cheap for Myers
    BoundedDiff diff = BoundedDiff.comparison();
    int compared = 0;
    while (compared + BoundedDiff.MAX_ELEMENTS <= BoundedDiff.MAX_PER_COMPARISON) {
      assertTrue(diff.same(x, y).size() > 0, "within the budget, Myers finds a common element");
      compared += BoundedDiff.MAX_ELEMENTS;
    }

    assertEquals(List.of(), diff.same(x, y));
    assertEquals(BoundedDiff.MAX_PER_COMPARISON, diff.compared());
  }

  @Property(tries = 500)
  void same_runs_are_equal_in_order_and_changes_cover_the_rest(
      @ForAll("tokens") List<String> x, @ForAll("tokens") List<String> y) {
    BoundedDiff diff = BoundedDiff.comparison();
    List<Same> same = diff.same(x, y);
    List<Change> changes = BoundedDiff.comparison().changes(x, y);
    int i = 0;
    int j = 0;
    int c = 0;
    for (Same s : same) {
      assertTrue(s.length() > 0 && s.from() >= i && s.to() >= j, () -> "in order: " + same);
      if (s.from() > i || s.to() > j) {
        assertEquals(new Change(i, s.from(), j, s.to()), changes.get(c++));
      }
      assertEquals(
          x.subList(s.from(), s.from() + s.length()), y.subList(s.to(), s.to() + s.length()));
      i = s.from() + s.length();
      j = s.to() + s.length();
    }
    if (i < x.size() || j < y.size()) {
      assertEquals(new Change(i, x.size(), j, y.size()), changes.get(c++));
    }
    assertEquals(changes.size(), c);
    assertTrue(diff.compared() <= Math.min(x.size() + y.size(), BoundedDiff.MAX_ELEMENTS));
  }

  @Provide
  Arbitrary<List<String>> tokens() {
    return Arbitraries.of("a", "b", "c", " ", ".").list().ofMaxSize(60);
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(i);
    }
    return out;
  }
}
