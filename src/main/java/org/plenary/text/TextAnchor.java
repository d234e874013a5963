package org.plenary.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.plenary.text.TextModel.Kind;
import org.plenary.text.TextModel.Paragraph;
import org.plenary.text.TextModel.Token;

/**
 * Comment anchors that survive edits: a comment points at a passage of a section's Markdown source,
 * and when the section changes it must still point at that passage, or say plainly that the passage
 * is gone. Anchors that silently break, or jump to the wrong words, after an edit are a known pain
 * of other platforms; this class is where Plenary avoids both.
 *
 * <p><b>Selector.</b> A {@link Quote} follows the W3C Web Annotation {@code TextQuoteSelector}: the
 * quoted text ({@code exact}) with up to {@link #CONTEXT} characters before ({@code prefix}) and
 * after ({@code suffix}), plus the offset where it stood in the revision it was made on. The words,
 * not the offset, are the anchor: offsets go stale with the first edit above the passage.
 *
 * <p><b>Re-attaching</b> ({@link #locate}) uses what a browser annotator does not have: the text
 * the quote was made on. The two texts are aligned as {@link TextDiff} compares them, with {@link
 * TextModel}'s paragraphs and words: a Myers diff over whole paragraphs; a paragraph found again
 * elsewhere, word for word, has moved; the paragraphs left between the same unchanged neighbours
 * are paired as one paragraph edited when alike enough, and their words aligned. So for every
 * character of the current text we know whether it is one of the quoted passage's own characters,
 * old text from elsewhere, or new. Then, in order:
 *
 * <ol>
 *   <li>Unchanged text: attached where it was.
 *   <li>The quote's text (whitespace runs compared as one space, so re-wrapped lines still match)
 *       made mostly of the passage's own characters, in their places: {@link Status#ATTACHED}. This
 *       covers edits before and after the passage and paragraphs moved whole.
 *   <li>The range the passage's surviving characters span now, with words inserted inside and words
 *       that replaced its first or last ones, if its words are at least {@link #MIN_SIMILARITY}
 *       alike to the quote's: {@link Status#CHANGED} ({@link Status#ATTACHED} if only whitespace
 *       changed).
 *   <li>The quote's text in new text: the passage was cut and pasted.
 *   <li>A passage both moved and edited: windows of about the passage's word count slide over the
 *       current words of each paragraph; where they score best, the stretch sharing most words with
 *       the passage in order is judged like the range of step 3.
 *   <li>Otherwise {@link Status#OUTDATED}: the caller shows the original quote.
 * </ol>
 *
 * <p>Among several places the context decides (prefix and suffix agreement, whitespace ignored),
 * then nearness to where the alignment puts the passage (for step 5, to where it stood in its
 * paragraph). Steps 4 and 5, which the alignment does not vouch for, also need {@link
 * #MIN_EVIDENCE} characters of the passage and its context to agree.
 *
 * <p><b>Why not the context alone</b>, as browser annotators do: policy papers repeat themselves
 * (the same sentence in the summary and the body). When the commented sentence is edited or
 * deleted, a context search moves the comment to another copy that was there all along, which is
 * worse than saying the passage is gone. Here text that was elsewhere all along is never taken for
 * the passage. Where the alignment made an arbitrary choice it is not trusted blindly: of "results
 * results?" becoming "results?", the "results" deleted is taken to be the one outside the passage,
 * and identical paragraphs count as one another.
 *
 * <p><b>Cost.</b> Paragraphs are compared whole, words only inside paragraphs paired as edited and
 * after stripping what both share at the ends; a stretch longer than {@value #MAX_ALIGNED} tokens
 * (or paragraph pairs) is not aligned finer rather than risk a quadratic diff. The searches are
 * linear in the text: a one-megabyte section locates in well under a second.
 *
 * <p>Offsets are UTF-16 code units, half-open, as everywhere in {@link TextModel}.
 */
public final class TextAnchor {

  /** Characters of context kept before and after a quote; snapped to grapheme boundaries. */
  public static final int CONTEXT = 32;

  /**
   * How alike an edited passage must be to the quote to count as the same passage, as a Dice
   * coefficient (twice the words both share over the words of both, 0 to 1; the words shared in the
   * quote's order where the alignment does not vouch for the place). With 0.5 a passage keeps its
   * comment while fewer than about half its words are replaced.
   */
  public static final double MIN_SIMILARITY = 0.5;

  /**
   * Above this many tokens (or paragraphs) in one changed stretch, after stripping what both sides
   * share at the ends, the stretch is not word-aligned: Myers' diff costs the product of length and
   * differences, which a wholesale rewrite of a long section would make seconds.
   */
  public static final int MAX_ALIGNED = BoundedDiff.MAX_ELEMENTS;

  /**
   * Characters (not whitespace) of the passage and its context that must agree before the passage
   * is taken to be somewhere the alignment did not put it: so that a comment on "peace" whose
   * paragraph was deleted does not land on a "peace" typed elsewhere, while a sentence moved to
   * another paragraph is still found.
   */
  public static final int MIN_EVIDENCE = 12;

  /**
   * How alike (Dice coefficient of their tokens) two paragraphs in the same place between unchanged
   * neighbours must be to count as one paragraph edited, when a paragraph was added or removed next
   * to them (with none, one paragraph where one was always counts).
   */
  public static final double MIN_SLOT_SIMILARITY = 0.2;

  /** How many tokens a deletion may be slid off the passage (see slideOffPassage). */
  private static final int MAX_SLIDE = 256;

  /** Identical copies of the passage's paragraph that may count as its own (see isTwin). */
  private static final int MAX_TWINS = 16;

  /** At most this many of the best fuzzy windows are examined closely. */
  private static final int FUZZY_PICKS = 16;

  /** Weights of full context agreement and of nearness against similarity, for fuzzy matches. */
  private static final double FUZZY_CONTEXT_WEIGHT = 0.2;

  private static final double FUZZY_NEAR_WEIGHT = 0.2;

  /** How far back a paragraph's start is looked for, for a tie-breaker. */
  private static final int PARAGRAPH_LOOKBACK = 4096;

  /** Distance in characters at which nearness counts half. */
  private static final double NEAR_SCALE = 64;

  private TextAnchor() {}

  /**
   * A selector on one text. {@code start} = UTF-16 offset of {@code exact} in the text it was made
   * on.
   */
  public record Quote(String exact, String prefix, String suffix, int start) {
    public Quote {
      Objects.requireNonNull(exact, "exact");
      prefix = prefix == null ? "" : prefix;
      suffix = suffix == null ? "" : suffix;
    }

    /** Where the quote ends in the text it was made on. */
    public int end() {
      return start + exact.length();
    }
  }

  /** How a quote relates to the current text. */
  public enum Status {
    /** The same words are found (only whitespace may differ, as when lines are re-wrapped). */
    ATTACHED,
    /** The passage is found, but its words were edited. */
    CHANGED,
    /** The passage is gone: show the original quote. */
    OUTDATED
  }

  /** Where the passage is in the current text; start/end/text null when OUTDATED. */
  public record Located(Status status, Integer start, Integer end, String text) {
    static Located outdated() {
      return new Located(Status.OUTDATED, null, null, null);
    }
  }

  // ---- Selecting and finding -----------------------------------------------------------------

  /**
   * Builds the quote for {@code [start, end)} of {@code source}.
   *
   * @throws IllegalArgumentException if the range is outside the text, empty, only whitespace, or
   *     splits a surrogate pair
   */
  public static Quote select(String source, int start, int end) {
    Objects.requireNonNull(source, "source");
    if (start < 0 || end > source.length() || start >= end) {
      throw new IllegalArgumentException(
          "range ["
              + start
              + ", "
              + end
              + ") is not a non-empty range of a text of "
              + source.length()
              + " UTF-16 code units");
    }
    if (splitsPair(source, start) || splitsPair(source, end)) {
      throw new IllegalArgumentException(
          "range [" + start + ", " + end + ") cuts a character in half (a surrogate pair)");
    }
    if (source.substring(start, end).isBlank()) {
      throw new IllegalArgumentException(
          "range [" + start + ", " + end + ") holds only whitespace: nothing to comment on");
    }
    return quoteAt(source, start, end);
  }

  /**
   * Finds a client's selector in {@code source}: the occurrence of {@code exact} whose context
   * agrees best with {@code prefix} and {@code suffix} (either may be null or shorter than {@link
   * #CONTEXT}), then the one nearest to the {@code start} hint (null: the first). Returns the full
   * quote with the server's prefix and suffix, or empty if {@code exact} does not occur.
   *
   * @throws IllegalArgumentException if {@code exact} is null, empty or only whitespace
   */
  public static Optional<Quote> find(
      String source, String exact, String prefix, String suffix, Integer start) {
    Objects.requireNonNull(source, "source");
    if (exact == null || exact.isBlank()) {
      throw new IllegalArgumentException("exact must hold some text besides whitespace");
    }
    String before = prefix == null ? "" : prefix;
    String after = suffix == null ? "" : suffix;
    int best = -1;
    int bestContext = -1;
    long bestDistance = Long.MAX_VALUE;
    for (int at = source.indexOf(exact); at >= 0; at = source.indexOf(exact, at + 1)) {
      if (splitsPair(source, at) || splitsPair(source, at + exact.length())) {
        continue;
      }
      int context = contextAgreement(source, at, at + exact.length(), before, after);
      long distance = start == null ? at : Math.abs((long) at - start);
      if (context > bestContext || (context == bestContext && distance < bestDistance)) {
        best = at;
        bestContext = context;
        bestDistance = distance;
      }
    }
    return best < 0 ? Optional.empty() : Optional.of(quoteAt(source, best, best + exact.length()));
  }

  private static Quote quoteAt(String source, int start, int end) {
    BreakIterator graphemes = BreakIterator.getCharacterInstance(ULocale.ROOT);
    graphemes.setText(source);
    int from = Math.max(0, start - CONTEXT);
    if (from > 0 && !graphemes.isBoundary(from)) {
      from = Math.min(start, graphemes.following(from));
    }
    int to = Math.min(source.length(), end + CONTEXT);
    if (to < source.length() && !graphemes.isBoundary(to)) {
      to = Math.max(end, graphemes.preceding(to));
    }
    return new Quote(
        source.substring(start, end),
        source.substring(from, start),
        source.substring(end, to),
        start);
  }

  private static boolean splitsPair(String s, int at) {
    return at > 0
        && at < s.length()
        && Character.isHighSurrogate(s.charAt(at - 1))
        && Character.isLowSurrogate(s.charAt(at));
  }

  // ---- Locating ------------------------------------------------------------------------------

  /**
   * Re-attaches {@code quote}, made on {@code original}, in {@code current} (see the class comment
   * for how). If the quote's start does not point at its text in {@code original}, the quote is
   * first looked up there by its context.
   *
   * @throws IllegalArgumentException if the quote's text is blank or not in {@code original}
   */
  public static Located locate(Quote quote, String original, String current) {
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(current, "current");
    String exact = quote.exact();
    if (exact.isBlank()) {
      throw new IllegalArgumentException("the quote holds only whitespace");
    }
    int start = quote.start();
    if (start < 0 || !original.startsWith(exact, start)) {
      start =
          find(original, exact, quote.prefix(), quote.suffix(), start)
              .map(Quote::start)
              .orElseThrow(
                  () -> new IllegalArgumentException("the quote is not in the original text"));
    }
    if (original.equals(current)) {
      return new Located(Status.ATTACHED, start, start + exact.length(), exact);
    }
    return new Locator(quote, start, original, current).locate();
  }

  /** A scored place for the passage in the current text. */
  private record Candidate(
      int start,
      int end,
      double similarity,
      int context,
      double near,
      int evidence,
      int ours,
      int twin,
      int elsewhere,
      int fresh) {

    /** Holds characters of the quoted passage itself, more than of other old text. */
    boolean supported() {
      return ours > elsewhere + twin;
    }

    /**
     * Mostly new characters or the passage's own (or its paragraph's identical twin's), not text
     * that was elsewhere all along, and enough of the passage and its context agree that a
     * coincidence is unlikely.
     */
    boolean eligible() {
      return ours + twin + fresh > elsewhere && evidence >= MIN_EVIDENCE;
    }

    /**
     * For fuzzy matches: the similarity, plus up to 0.2 each for context agreement and nearness:
     * the passage's words are the evidence, and where they stand settles between places about as
     * alike, as when its surviving words also occur nearby.
     */
    double fuzzyScore() {
      return similarity
          + FUZZY_CONTEXT_WEIGHT * context / (2.0 * CONTEXT)
          + FUZZY_NEAR_WEIGHT * near;
    }

    Candidate withNear(double nearness) {
      return new Candidate(
          start, end, similarity, context, nearness, evidence, ours, twin, elsewhere, fresh);
    }

    /**
     * For exact matches: context agreement, share of the passage's own text, then nearness and
     * having the very same whitespace as tie-breakers.
     */
    double exactScore(boolean literal) {
      int total = ours + twin + elsewhere + fresh;
      return context
          + CONTEXT * (total == 0 ? 0.0 : (double) (ours + twin) / total)
          + near
          + (literal ? 1 : 0);
    }
  }

  /** One locate call: the texts, the passage's core and the alignment. */
  private static final class Locator {
    private final Quote quote;
    private final String current;
    private final int start;
    private final int coreStart;
    private final int coreEnd;
    private final String core;
    private final boolean wordsOnly;
    private final Map<String, Integer> coreKeys;
    private final List<String> coreSequence;
    private final String leading;
    private final String trailing;
    private final int coreChars;
    private final int[] coreRank;
    private final Alignment alignment;
    private final int mappedStart;
    private final int[] twinShifts;
    private final int offsetInParagraph;

    Locator(Quote quote, int start, String original, String current) {
      this.quote = quote;
      this.current = current;
      this.start = start;
      String exact = quote.exact();
      int lead = 0;
      while (Character.isWhitespace(exact.charAt(lead))) {
        lead++;
      }
      int trail = exact.length();
      while (Character.isWhitespace(exact.charAt(trail - 1))) {
        trail--;
      }
      this.coreStart = start + lead;
      this.coreEnd = start + trail;
      this.core = exact.substring(lead, trail);
      this.wordsOnly = TextModel.wordCount(core) > 0;
      this.coreKeys = keys(core, wordsOnly);
      List<Token> tokens = TextModel.tokens(core);
      this.coreSequence = new ArrayList<>();
      int firstKey = -1;
      int lastKey = -1;
      for (int i = 0; i < tokens.size(); i++) {
        String key = key(tokens.get(i), wordsOnly);
        if (key != null) {
          coreSequence.add(key);
          firstKey = firstKey < 0 ? i : firstKey;
          lastKey = i;
        }
      }
      this.leading = firstKey < 0 ? "" : core.substring(0, tokens.get(firstKey).start());
      this.trailing = lastKey < 0 ? "" : core.substring(tokens.get(lastKey).end());
      this.coreRank = new int[core.length()];
      int rank = 0;
      for (int i = 0; i < core.length(); i++) {
        coreRank[i] = rank;
        if (!Character.isWhitespace(core.charAt(i))) {
          rank++;
        }
      }
      this.coreChars = rank;
      this.alignment = Alignment.of(original, current, coreStart, coreEnd);
      this.mappedStart = alignment.map(coreStart);
      this.twinShifts = twinShifts(original, coreStart, coreEnd);
      this.offsetInParagraph = coreStart - paragraphStart(original, coreStart);
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

    private Comparator<Candidate> byExactScore() {
      return Comparator.comparingDouble(
          c ->
              c.exactScore(
                  current.startsWith(core, c.start()) && c.end() - c.start() == core.length()));
    }

    private Located attached(Candidate c) {
      int lead = coreStart - start;
      int from = c.start() - lead;
      if (from >= 0 && current.startsWith(quote.exact(), from)) {
        return new Located(Status.ATTACHED, from, from + quote.exact().length(), quote.exact());
      }
      return new Located(
          Status.ATTACHED, c.start(), c.end(), current.substring(c.start(), c.end()));
    }

    private Located tolerant(Candidate c) {
      String text = current.substring(c.start(), c.end());
      Status status = sameWords(text, core) ? Status.ATTACHED : Status.CHANGED;
      return new Located(status, c.start(), c.end(), text);
    }

    /** Occurrences of the core in the current text, whitespace runs matching any whitespace. */
    private List<Candidate> exactCandidates() {
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
    private Optional<Candidate> mappedRange() {
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
     * window slides (linear per window size). Each place where the score peaks is then judged by
     * the words it shares with the passage in order: the stretch from the first to the last word of
     * their longest common subsequence, widened over the words likely replaced at its ends, and its
     * Dice coefficient. With no alignment to vouch for a place, words in the passage's order are
     * the evidence; a stretch that merely uses the same common words is not.
     */
    private Optional<Candidate> fuzzy() {
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
     * Slides windows of {@code w} words over the words, within paragraphs (a window is cut short at
     * a paragraph's start), the score kept as the Dice coefficient of the word multisets, and
     * records each place where the score peaks at {@link #MIN_SIMILARITY} or more: the windows of a
     * plateau together, or (a long plateau, as in repetitive text) its first and last window.
     */
    private void slideWindows(
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
    private static void place(
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
     * Within words {@code [from, to)}, the stretches that match the passage in order, as {first
     * word, end word, common words}: from the first to the last word of their longest common
     * subsequence, widened by as many words as the passage had before (after) its first (last)
     * shared word, in the same paragraph, as they were likely replaced. The leftmost and the
     * rightmost such subsequence: where the passage's words repeat nearby, context then decides.
     */
    private List<int[]> fits(List<String> keys, List<Integer> paragraphOf, int from, int to) {
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
            0,
            new int[] {passage.size() - run[0] - run[2], region.size() - run[1] - run[2], run[2]});
      }
      return List.of(
          stretch(left, from, keys, paragraphOf), stretch(right, from, keys, paragraphOf));
    }

    /** The stretch of words an in-order match covers, widened over likely replacements. */
    private int[] stretch(
        List<int[]> runs, int offset, List<String> keys, List<Integer> paragraphOf) {
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

    /** A fuzzy match's words, with the passage's own punctuation around them if it is there. */
    private int[] withOwnPunctuation(int from, int to) {
      if (from >= leading.length() && current.startsWith(leading, from - leading.length())) {
        from -= leading.length();
      }
      if (current.startsWith(trailing, to)) {
        to += trailing.length();
      }
      return new int[] {from, to};
    }

    /**
     * Whether an original offset is the passage's character in an identical copy of the paragraph
     * holding it: identical paragraphs are interchangeable, so when one of two goes, the
     * alignment's choice of which one survived says nothing.
     */
    private boolean isTwin(int offset, boolean inPlace, int rank) {
      for (int shift : twinShifts) {
        if (isOwn(offset, shift, inPlace, rank)) {
          return true;
        }
      }
      return false;
    }

    /**
     * How far each other paragraph identical to the one holding the passage lies from it (none if
     * the passage spans paragraphs). At most {@value #MAX_TWINS}: beyond that a paragraph is
     * boilerplate, and no copy of it is more the passage's than another.
     */
    private static int[] twinShifts(String original, int coreStart, int coreEnd) {
      List<Paragraph> paragraphs = TextModel.paragraphs(original);
      Paragraph home = null;
      for (Paragraph p : paragraphs) {
        if (p.start() <= coreStart && coreEnd <= p.end()) {
          home = p;
          break;
        }
      }
      if (home == null) {
        return new int[0];
      }
      List<Integer> shifts = new ArrayList<>();
      for (Paragraph p : paragraphs) {
        if (p.start() != home.start() && p.text().equals(home.text())) {
          shifts.add(p.start() - home.start());
        }
      }
      return shifts.size() > MAX_TWINS
          ? new int[0]
          : shifts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Scores {@code [from, to)} of the current text: context, nearness and provenance. For an exact
     * match ({@code inPlace}), the passage's own characters count as its own only in their place:
     * in "S S S" with the first word changed, the quote "S S" also matches the second and third S,
     * but the second S sits where the first was quoted.
     */
    private Candidate candidate(int from, int to, double similarity, boolean inPlace) {
      int context = contextAgreement(current, from, to, quote.prefix(), quote.suffix());
      double near = 1 / (1 + Math.abs(from - mappedStart) / NEAR_SCALE);
      int[] rank = new int[to - from]; // how many non-space characters precede, in the range
      int total = 0;
      for (int i = from; i < to; i++) {
        rank[i - from] = total;
        if (!Character.isWhitespace(current.charAt(i))) {
          total++;
        }
      }
      int ours = 0;
      int twin = 0;
      int elsewhere = 0;
      Alignment a = alignment;
      for (int s : a.inCurrent(from, to)) {
        int lo = Math.max(from, a.to(s));
        int hi = Math.min(to, a.toEnd(s));
        for (int i = lo; i < hi; i++) {
          if (Character.isWhitespace(current.charAt(i))) {
            continue;
          }
          int o = a.from(s) + (i - a.to(s));
          if (isOwn(o, 0, inPlace, rank[i - from])) {
            ours++;
          } else if (isTwin(o, inPlace, rank[i - from])) {
            twin++;
          } else {
            elsewhere++;
          }
        }
      }
      int evidence = (int) Math.round(similarity * coreChars) + context;
      return new Candidate(
          from,
          to,
          similarity,
          context,
          near,
          evidence,
          ours,
          twin,
          elsewhere,
          total - ours - twin - elsewhere);
    }

    /**
     * Whether an original offset, moved back by {@code shift}, is a character of the passage; and
     * if {@code inPlace}, its {@code rank}-th non-space character.
     */
    private boolean isOwn(int offset, int shift, boolean inPlace, int rank) {
      int o = offset - shift;
      return o >= coreStart && o < coreEnd && (!inPlace || coreRank[o - coreStart] == rank);
    }
  }

  // ---- Alignment -----------------------------------------------------------------------------

  /**
   * The unchanged runs between two texts: {@code original[from, from + length)} equals {@code
   * current[to, to + length)}. Runs do not overlap on either side; they are in the same order on
   * both sides except for paragraphs that moved.
   */
  private static final class Alignment {
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
     * Paragraphs first, with a Myers diff over whole paragraphs; then paragraphs that moved (the
     * same text, unmatched on both sides); then, in each stretch between equal paragraphs, the
     * remaining paragraphs alike enough to be one paragraph edited are paired and aligned word by
     * word. Other paragraphs stay unaligned: aligning the words of unrelated paragraphs would match
     * their "the"s and commas, and new text would pass for old text from elsewhere.
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
            original,
            loose(a, i, pair[0], pairA),
            current,
            loose(b, j, pair[1], pairB),
            runs,
            core);
        Paragraph p = a.get(pair[0]);
        runs.add(run(p.start(), b.get(pair[1]).start(), p.end() - p.start(), false));
        i = pair[0] + 1;
        j = pair[1] + 1;
      }
      alignStretch(
          original,
          loose(a, i, a.size(), pairA),
          current,
          loose(b, j, b.size(), pairB),
          runs,
          core);
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
     * Paragraphs left between the same neighbours on both sides. One where one was is that
     * paragraph edited, however much. Otherwise the first on each side (right after the same
     * neighbour), and the last, are taken for one paragraph edited if they share some words ({@link
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

    private static boolean slotAlike(Paragraph a, Paragraph b) {
      return dice(keys(a.text(), false), keys(b.text(), false)) >= MIN_SLOT_SIMILARITY;
    }

    /**
     * The order-preserving pairing of old and new paragraphs with the most similarity in all, among
     * pairs at least {@link #MIN_SIMILARITY} alike (as {@link TextDiff} pairs them).
     */
    private static List<int[]> similarPairs(List<Paragraph> from, List<Paragraph> to) {
      int k = from.size();
      int m = to.size();
      List<Map<String, Integer>> x = new ArrayList<>();
      from.forEach(p -> x.add(keys(p.text(), false)));
      List<Map<String, Integer>> y = new ArrayList<>();
      to.forEach(p -> y.add(keys(p.text(), false)));
      double[][] sim = new double[k][m];
      double[][] best = new double[k + 1][m + 1];
      for (int p = k - 1; p >= 0; p--) {
        for (int q = m - 1; q >= 0; q--) {
          sim[p][q] = dice(x.get(p), y.get(q));
          double pair = sim[p][q] >= MIN_SIMILARITY ? best[p + 1][q + 1] + sim[p][q] : -1;
          best[p][q] = Math.max(pair, Math.max(best[p + 1][q], best[p][q + 1]));
        }
      }
      List<int[]> pairs = new ArrayList<>();
      int p = 0;
      int q = 0;
      while (p < k && q < m) {
        if (sim[p][q] >= MIN_SIMILARITY && best[p][q] == best[p + 1][q + 1] + sim[p][q]) {
          pairs.add(new int[] {p++, q++});
        } else if (best[p][q] == best[p + 1][q]) {
          p++;
        } else {
          q++;
        }
      }
      return pairs;
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
     * deletion can slide like that (the words it deletes repeat right before or after it), it is
     * slid off the quoted passage, so the passage keeps its own words and stays attached.
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
     * The current offset of an original one; inside changed text, as far after the last run before
     * it that did not move as it was, but not past the next one.
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
      return Math.min(
          base + offset - (previous < 0 ? 0 : fromEnd(previous)), Math.max(base, limit));
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

  /**
   * Runs of equal elements as {@code {xStart, yStart, length}}, in order: what both share at the
   * ends, and a Myers diff of the middle if it is at most {@link #MAX_ALIGNED} elements ({@link
   * BoundedDiff}).
   */
  private static List<int[]> equalRuns(List<String> x, List<String> y) {
    List<int[]> runs = new ArrayList<>();
    for (BoundedDiff.Same same : BoundedDiff.single().same(x, y)) {
      runs.add(new int[] {same.from(), same.to(), same.length()});
    }
    return runs;
  }

  private static List<String> texts(List<Paragraph> paragraphs) {
    return paragraphs.stream().map(Paragraph::text).toList();
  }

  // ---- Comparing words and context -----------------------------------------------------------

  /**
   * How many non-whitespace characters of context agree around {@code [start, end)}: the end of
   * {@code prefix} against the text before, the start of {@code suffix} against the text after,
   * whitespace skipped on both sides so that re-wrapped lines do not count as different context.
   */
  static int contextAgreement(String text, int start, int end, String prefix, String suffix) {
    String before =
        prefix.length() > 2 * CONTEXT ? prefix.substring(prefix.length() - 2 * CONTEXT) : prefix;
    String after = suffix.length() > 2 * CONTEXT ? suffix.substring(0, 2 * CONTEXT) : suffix;
    int agreed = 0;
    int floor = Math.max(0, start - 8 * CONTEXT);
    int i = start - 1;
    int p = before.length() - 1;
    while (true) {
      while (i >= floor && Character.isWhitespace(text.charAt(i))) {
        i--;
      }
      while (p >= 0 && Character.isWhitespace(before.charAt(p))) {
        p--;
      }
      if (i < floor || p < 0 || text.charAt(i) != before.charAt(p)) {
        break;
      }
      agreed++;
      i--;
      p--;
    }
    int ceiling = Math.min(text.length(), end + 8 * CONTEXT);
    i = end;
    p = 0;
    while (true) {
      while (i < ceiling && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      while (p < after.length() && Character.isWhitespace(after.charAt(p))) {
        p++;
      }
      if (i >= ceiling || p >= after.length() || text.charAt(i) != after.charAt(p)) {
        break;
      }
      agreed++;
      i++;
      p++;
    }
    return agreed;
  }

  /** The key a token counts under for similarity (lower-cased), or null if it does not count. */
  private static String key(Token t, boolean wordsOnly) {
    boolean counts = wordsOnly ? t.kind() == Kind.WORD : t.kind() != Kind.SPACE;
    return counts ? t.text().toLowerCase(Locale.ROOT) : null;
  }

  /**
   * The words of a text, counted; for a quote of punctuation only (a dash, a footnote mark), its
   * non-space tokens instead.
   */
  private static Map<String, Integer> keys(String text, boolean wordsOnly) {
    Map<String, Integer> bag = new HashMap<>();
    for (Token t : TextModel.tokens(text)) {
      String key = key(t, wordsOnly);
      if (key != null) {
        bag.merge(key, 1, Integer::sum);
      }
    }
    return bag;
  }

  private static int size(Map<String, Integer> bag) {
    return bag.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Dice coefficient of two multisets: 1 for the same words, 0 for none in common. */
  private static double dice(Map<String, Integer> x, Map<String, Integer> y) {
    int total = size(x) + size(y);
    if (total == 0) {
      return 0;
    }
    int common = 0;
    for (Map.Entry<String, Integer> e : x.entrySet()) {
      common += Math.min(e.getValue(), y.getOrDefault(e.getKey(), 0));
    }
    return 2.0 * common / total;
  }

  /** The same non-space tokens: only whitespace changed. */
  private static boolean sameWords(String a, String b) {
    return nonSpace(a).equals(nonSpace(b));
  }

  private static List<String> nonSpace(String text) {
    List<String> out = new ArrayList<>();
    for (Token t : TextModel.tokens(text)) {
      if (t.kind() != Kind.SPACE) {
        out.add(t.text());
      }
    }
    return out;
  }

  /**
   * Where the paragraph holding {@code at} starts: after the last blank line before it, looking
   * back at most {@value #PARAGRAPH_LOOKBACK} characters.
   */
  private static int paragraphStart(String text, int at) {
    int newlines = 0;
    for (int i = at - 1; i >= Math.max(0, at - PARAGRAPH_LOOKBACK); i--) {
      char c = text.charAt(i);
      if (c == '\n') {
        if (++newlines == 2) {
          int start = i;
          while (start < at && Character.isWhitespace(text.charAt(start))) {
            start++;
          }
          return start;
        }
      } else if (!Character.isWhitespace(c)) {
        newlines = 0;
      }
    }
    return Math.max(0, at - PARAGRAPH_LOOKBACK);
  }

  /** Whether {@code [start, end)} of a text holds a paragraph break (a blank line). */
  private static boolean blankLineIn(String text, int start, int end) {
    int newlines = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        if (++newlines == 2) {
          return true;
        }
      } else if (!Character.isWhitespace(c)) {
        newlines = 0;
      }
    }
    return false;
  }

  /**
   * The text with each run of whitespace as one space, or as one line break if the run holds a
   * blank line: re-wrapping lines keeps a passage the same, splitting it into paragraphs does not.
   * {@code origin}, if given, receives for each character of the result where it came from.
   */
  private static String collapseWhitespace(String text, int[] origin) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (origin != null) {
        origin[out.length()] = i;
      }
      if (!Character.isWhitespace(c)) {
        out.append(c);
        i++;
        continue;
      }
      int newlines = 0;
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        newlines += text.charAt(i) == '\n' ? 1 : 0;
        i++;
      }
      out.append(newlines >= 2 ? '\n' : ' ');
    }
    return out.toString();
  }
}
