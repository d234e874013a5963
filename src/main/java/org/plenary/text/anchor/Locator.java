package org.plenary.text.anchor;

import static org.plenary.text.anchor.TextAnchor.FUZZY_PICKS;
import static org.plenary.text.anchor.TextAnchor.MAX_ALIGNED;
import static org.plenary.text.anchor.TextAnchor.MIN_SIMILARITY;
import static org.plenary.text.anchor.TextAnchor.NEAR_SCALE;
import static org.plenary.text.anchor.Words.blankLineIn;
import static org.plenary.text.anchor.Words.collapseWhitespace;
import static org.plenary.text.anchor.Words.dice;
import static org.plenary.text.anchor.Words.equalRuns;
import static org.plenary.text.anchor.Words.key;
import static org.plenary.text.anchor.Words.keys;
import static org.plenary.text.anchor.Words.paragraphStart;
import static org.plenary.text.anchor.Words.sameWords;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.plenary.text.TextModel;
import org.plenary.text.TextModel.Token;
import org.plenary.text.anchor.TextAnchor.Located;
import org.plenary.text.anchor.TextAnchor.Quote;
import org.plenary.text.anchor.TextAnchor.Status;

/**
 * One locate call: the searches for the passage in the current text, in the order they are tried.
 */
final class Locator extends Passage {

  Locator(Quote quote, int start, String original, String current) {
    super(quote, start, original, current);
  }

  Located locate() {
    List<Candidate> exact = exactCandidates();
    Optional<Candidate> own = exact.stream().filter(Candidate::supported).max(byExactScore());
    if (own.isPresent()) {
      return attached(own.get());
    }
    Optional<Candidate> mapped = mappedRange();
    if (mapped.isPresent() && mapped.get().similarity() >= MIN_SIMILARITY) {
      return tolerant(mapped.get());
    }
    Optional<Candidate> pasted = exact.stream().filter(Candidate::eligible).max(byExactScore());
    if (pasted.isPresent()) {
      return attached(pasted.get());
    }
    return fuzzy().map(this::tolerant).orElseGet(Located::outdated);
  }

  Comparator<Candidate> byExactScore() {
    return Comparator.comparingDouble(
        c ->
            c.exactScore(
                current.startsWith(core, c.start()) && c.end() - c.start() == core.length()));
  }

  Located attached(Candidate c) {
    int lead = coreStart - start;
    int from = c.start() - lead;
    if (from >= 0 && current.startsWith(quote.exact(), from)) {
      return new Located(Status.ATTACHED, from, from + quote.exact().length(), quote.exact());
    }
    return new Located(Status.ATTACHED, c.start(), c.end(), current.substring(c.start(), c.end()));
  }

  Located tolerant(Candidate c) {
    String text = current.substring(c.start(), c.end());
    Status status = sameWords(text, core) ? Status.ATTACHED : Status.CHANGED;
    return new Located(status, c.start(), c.end(), text);
  }

  /** Occurrences of the core in the current text, whitespace runs matching any whitespace. */
  List<Candidate> exactCandidates() {
    List<Candidate> out = new ArrayList<>();
    if (core.chars().noneMatch(Character::isWhitespace)) {
      for (int at = current.indexOf(core); at >= 0; at = current.indexOf(core, at + 1)) {
        out.add(candidate(at, at + core.length(), 1, true));
      }
      return out;
    }
    String needle = collapseWhitespace(core, null);
    int[] origin = new int[current.length()];
    String hay = collapseWhitespace(current, origin);
    for (int at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
      out.add(candidate(origin[at], origin[at + needle.length() - 1] + 1, 1, true));
    }
    return out;
  }

  /**
   * Where the passage's surviving characters are now: from the first to the last, with what
   * replaced words at its very start or end, and what was inserted inside.
   */
  Optional<Candidate> mappedRange() {
    Alignment a = alignment;
    int first = a.firstEndingAfter(coreStart);
    if (first >= a.size() || a.from(first) >= coreEnd) {
      return Optional.empty();
    }
    int last = a.lastStartingBefore(coreEnd);
    int from = Integer.MAX_VALUE;
    int to = Integer.MIN_VALUE;
    for (int i = first; i <= last; i++) {
      from = Math.min(from, a.to(i) + Math.max(0, coreStart - a.from(i)));
      to = Math.max(to, a.to(i) + Math.min(a.length(i), coreEnd - a.from(i)));
    }
    // The passage's first (last) words were replaced: if the unchanged text before (after) them
    // ends (starts) exactly where the passage did, what stands between is the replacement and
    // belongs to the passage; unless it runs into another paragraph.
    if (a.from(first) > coreStart && !a.moved(first)) {
      int previous = first - 1;
      if (previous < 0
          ? coreStart == 0
          : a.fromEnd(previous) == coreStart && !a.moved(previous) && a.toEnd(previous) <= from) {
        int extended = previous < 0 ? 0 : a.toEnd(previous);
        if (!blankLineIn(current, extended, from)) {
          from = extended;
        }
      }
    }
    if (a.fromEnd(last) < coreEnd && !a.moved(last)) {
      int next = last + 1;
      if (next >= a.size()
          ? coreEnd == a.originalLength()
          : a.from(next) == coreEnd && !a.moved(next) && a.to(next) >= to) {
        int extended = next >= a.size() ? current.length() : a.to(next);
        if (!blankLineIn(current, to, extended)) {
          to = extended;
        }
      }
    }
    while (from < to && Character.isWhitespace(current.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(current.charAt(to - 1))) {
      to--;
    }
    if (from == to) {
      return Optional.empty();
    }
    return Optional.of(
        candidate(from, to, dice(coreKeys, keys(current.substring(from, to), wordsOnly)), false));
  }

  /**
   * A passage moved and edited. Windows of about the passage's word count slide over the words of
   * each paragraph, scored by the Dice coefficient of the word multisets, kept up to date as a
   * window slides (linear per window size). Each place where the score peaks is then judged by the
   * words it shares with the passage in order: the stretch from the first to the last word of their
   * longest common subsequence, widened over the words likely replaced at its ends, and its Dice
   * coefficient. With no alignment to vouch for a place, words in the passage's order are the
   * evidence; a stretch that merely uses the same common words is not.
   */
  Optional<Candidate> fuzzy() {
    int k = coreSequence.size();
    if (k == 0) {
      return Optional.empty();
    }
    // A passage within one paragraph is looked for within one paragraph.
    boolean oneParagraph = !blankLineIn(core, 0, core.length());
    List<Token> words = new ArrayList<>();
    List<String> wordKeys = new ArrayList<>();
    List<Integer> paragraphOf = new ArrayList<>();
    int paragraph = 0;
    int previousEnd = 0;
    for (Token t : TextModel.tokens(current)) {
      String key = key(t, wordsOnly);
      if (key != null) {
        if (oneParagraph && blankLineIn(current, previousEnd, t.start())) {
          paragraph++;
        }
        words.add(t);
        wordKeys.add(key);
        paragraphOf.add(paragraph);
        previousEnd = t.end();
      }
    }
    List<int[]> places = new ArrayList<>(); // {first word, end word}
    List<Double> scores = new ArrayList<>();
    int spread = Math.max(1, k / 4);
    Set<Integer> sizes = new TreeSet<>();
    for (int w : new int[] {k - spread, k, k + spread}) {
      sizes.add(Math.max(1, Math.min(words.size(), w)));
    }
    for (int w : sizes) {
      slideWindows(wordKeys, paragraphOf, w, places, scores);
    }
    Integer[] order = new Integer[places.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> -scores.get(i)));
    Set<List<Integer>> seen = new HashSet<>();
    Candidate best = null;
    for (int examined = 0; examined < Math.min(FUZZY_PICKS, order.length); examined++) {
      int[] place = places.get(order[examined]);
      for (int[] fit : fits(wordKeys, paragraphOf, place[0], place[1])) {
        if (!seen.add(List.of(fit[0], fit[1], fit[2]))) {
          continue;
        }
        int[] range = withOwnPunctuation(words.get(fit[0]).start(), words.get(fit[1] - 1).end());
        Candidate c = candidate(range[0], range[1], 2.0 * fit[2] / (k + fit[1] - fit[0]), false);
        // Where the alignment has nothing to say, nearness is to where the passage stood in its
        // paragraph: of two equally good matches in a moved paragraph, the one in its place.
        int shift = range[0] - paragraphStart(current, range[0]) - offsetInParagraph;
        c = c.withNear(1 / (1 + Math.abs(shift) / NEAR_SCALE));
        if (c.eligible()
            && c.similarity() >= MIN_SIMILARITY
            && (best == null || c.fuzzyScore() > best.fuzzyScore())) {
          best = c;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Slides windows of {@code w} words over the words, within paragraphs (a window is cut short at a
   * paragraph's start), the score kept as the Dice coefficient of the word multisets, and records
   * each place where the score peaks at {@link TextAnchor#MIN_SIMILARITY} or more: the windows of a
   * plateau together, or (a long plateau, as in repetitive text) its first and last window.
   */
  void slideWindows(
      List<String> keys,
      List<Integer> paragraphOf,
      int w,
      List<int[]> places,
      List<Double> scores) {
    int k = coreSequence.size();
    int n = keys.size();
    Map<String, Integer> have = new HashMap<>();
    int common = 0;
    int lo = 0; // the window is [lo, i]
    double last = -1;
    boolean rising = false;
    int plateau = 0; // first word of the first window of the current plateau
    int lastEnd = 0; // end of the previous window
    for (int i = 0; i <= n; i++) {
      if (i == n || (i > 0 && !paragraphOf.get(i).equals(paragraphOf.get(i - 1)))) {
        if (rising && last >= MIN_SIMILARITY) {
          place(plateau, lastEnd, w, last, places, scores);
        }
        if (i == n) {
          break;
        }
        have.clear();
        common = 0;
        lo = i;
        last = -1;
        rising = false;
      }
      Integer want = coreKeys.get(keys.get(i));
      if (want != null && have.merge(keys.get(i), 1, Integer::sum) <= want) {
        common++;
      }
      if (i - lo + 1 > w) {
        Integer wanted = coreKeys.get(keys.get(lo));
        if (wanted != null && have.merge(keys.get(lo), -1, Integer::sum) < wanted) {
          common--;
        }
        lo++;
      }
      double score = 2.0 * common / (k + i - lo + 1);
      if (score < last && rising && last >= MIN_SIMILARITY) {
        place(plateau, lastEnd, w, last, places, scores);
      }
      if (score != last) {
        plateau = lo;
      }
      rising = score > last || (score == last && rising);
      last = score;
      lastEnd = i + 1;
    }
  }

  /** Records the windows {@code [first, end)} of a plateau, or its ends if it is long. */
  static void place(
      int first, int end, int w, double score, List<int[]> places, List<Double> scores) {
    if (end - first <= 4 * w) {
      places.add(new int[] {first, end});
      scores.add(score);
    } else {
      places.add(new int[] {first, first + w});
      places.add(new int[] {end - w, end});
      scores.add(score);
      scores.add(score);
    }
  }

  /**
   * Within words {@code [from, to)}, the stretches that match the passage in order, as {first word,
   * end word, common words}: from the first to the last word of their longest common subsequence,
   * widened by as many words as the passage had before (after) its first (last) shared word, in the
   * same paragraph, as they were likely replaced. The leftmost and the rightmost such subsequence:
   * where the passage's words repeat nearby, context then decides.
   */
  List<int[]> fits(List<String> keys, List<Integer> paragraphOf, int from, int to) {
    List<String> region = keys.subList(from, to);
    if (coreSequence.size() + region.size() > MAX_ALIGNED) {
      // Too long to align: the region, as the multiset score saw it.
      Map<String, Integer> bag = new HashMap<>();
      region.forEach(key -> bag.merge(key, 1, Integer::sum));
      int common = 0;
      for (Map.Entry<String, Integer> e : coreKeys.entrySet()) {
        common += Math.min(e.getValue(), bag.getOrDefault(e.getKey(), 0));
      }
      return List.of(new int[] {from, to, common});
    }
    List<int[]> left = equalRuns(coreSequence, region);
    if (left.isEmpty()) {
      return List.of();
    }
    List<String> passage = new ArrayList<>(coreSequence);
    List<String> reversed = new ArrayList<>(region);
    Collections.reverse(passage);
    Collections.reverse(reversed);
    List<int[]> right = new ArrayList<>();
    for (int[] run : equalRuns(passage, reversed)) {
      right.add(
          0, new int[] {passage.size() - run[0] - run[2], region.size() - run[1] - run[2], run[2]});
    }
    return List.of(stretch(left, from, keys, paragraphOf), stretch(right, from, keys, paragraphOf));
  }

  /** The stretch of words an in-order match covers, widened over likely replacements. */
  int[] stretch(List<int[]> runs, int offset, List<String> keys, List<Integer> paragraphOf) {
    int[] firstRun = runs.get(0);
    int[] lastRun = runs.get(runs.size() - 1);
    int first = offset + firstRun[1];
    int end = offset + lastRun[1] + lastRun[2];
    for (int n = firstRun[0]; n > 0 && first > 0; n--) {
      if (!paragraphOf.get(first - 1).equals(paragraphOf.get(first))) {
        break;
      }
      first--;
    }
    for (int n = coreSequence.size() - lastRun[0] - lastRun[2]; n > 0; n--) {
      if (end >= paragraphOf.size() || !paragraphOf.get(end).equals(paragraphOf.get(end - 1))) {
        break;
      }
      end++;
    }
    // The widened stretch may hold more of the passage's words.
    int common = 0;
    for (int[] run : equalRuns(coreSequence, keys.subList(first, end))) {
      common += run[2];
    }
    return new int[] {first, end, common};
  }
}
