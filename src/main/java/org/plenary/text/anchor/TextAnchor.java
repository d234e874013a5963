package org.plenary.text.anchor;

import static org.plenary.text.anchor.Words.contextAgreement;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.Objects;
import java.util.Optional;
import org.plenary.text.BoundedDiff;
import org.plenary.text.TextModel;

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
 * the quote was made on. The two texts are aligned as {@link org.plenary.text.TextDiff} compares
 * them, with {@link TextModel}'s paragraphs and words: a Myers diff over whole paragraphs; a
 * paragraph found again elsewhere, word for word, has moved; the paragraphs left between the same
 * unchanged neighbours are paired as one paragraph edited when alike enough, and their words
 * aligned. So for every character of the current text we know whether it is one of the quoted
 * passage's own characters, old text from elsewhere, or new. Then, in order:
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
  static final int MAX_SLIDE = 256;

  /** Identical copies of the passage's paragraph that may count as its own (see isTwin). */
  static final int MAX_TWINS = 16;

  /** At most this many of the best fuzzy windows are examined closely. */
  static final int FUZZY_PICKS = 16;

  /** Weights of full context agreement and of nearness against similarity, for fuzzy matches. */
  static final double FUZZY_CONTEXT_WEIGHT = 0.2;

  static final double FUZZY_NEAR_WEIGHT = 0.2;

  /** How far back a paragraph's start is looked for, for a tie-breaker. */
  static final int PARAGRAPH_LOOKBACK = 4096;

  /** Distance in characters at which nearness counts half. */
  static final double NEAR_SCALE = 64;

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
}
