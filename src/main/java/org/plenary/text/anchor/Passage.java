package org.plenary.text.anchor;

import static org.plenary.text.anchor.TextAnchor.MAX_TWINS;
import static org.plenary.text.anchor.TextAnchor.NEAR_SCALE;
import static org.plenary.text.anchor.Words.contextAgreement;
import static org.plenary.text.anchor.Words.key;
import static org.plenary.text.anchor.Words.keys;
import static org.plenary.text.anchor.Words.paragraphStart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.plenary.text.TextModel;
import org.plenary.text.TextModel.Paragraph;
import org.plenary.text.TextModel.Token;
import org.plenary.text.anchor.TextAnchor.Quote;

/**
 * The quoted passage of one locate call: its core (the quote without the whitespace at its ends),
 * the keys its words count under, its twins, and the alignment of the two texts; and how a place in
 * the current text scores as the passage ({@link #candidate}).
 */
class Passage {
  final Quote quote;
  final String current;
  final int start;
  final int coreStart;
  final int coreEnd;
  final String core;
  final boolean wordsOnly;
  final Map<String, Integer> coreKeys;
  final List<String> coreSequence;
  final String leading;
  final String trailing;
  final int coreChars;
  final int[] coreRank;
  final Alignment alignment;
  final int mappedStart;
  final int[] twinShifts;
  final int offsetInParagraph;

  Passage(Quote quote, int start, String original, String current) {
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

  /** A fuzzy match's words, with the passage's own punctuation around them if it is there. */
  int[] withOwnPunctuation(int from, int to) {
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
   * holding it: identical paragraphs are interchangeable, so when one of two goes, the alignment's
   * choice of which one survived says nothing.
   */
  boolean isTwin(int offset, boolean inPlace, int rank) {
    for (int shift : twinShifts) {
      if (isOwn(offset, shift, inPlace, rank)) {
        return true;
      }
    }
    return false;
  }

  /**
   * How far each other paragraph identical to the one holding the passage lies from it (none if the
   * passage spans paragraphs). At most {@value TextAnchor#MAX_TWINS}: beyond that a paragraph is
   * boilerplate, and no copy of it is more the passage's than another.
   */
  static int[] twinShifts(String original, int coreStart, int coreEnd) {
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
   * match ({@code inPlace}), the passage's own characters count as its own only in their place: in
   * "S S S" with the first word changed, the quote "S S" also matches the second and third S, but
   * the second S sits where the first was quoted.
   */
  Candidate candidate(int from, int to, double similarity, boolean inPlace) {
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
   * Whether an original offset, moved back by {@code shift}, is a character of the passage; and if
   * {@code inPlace}, its {@code rank}-th non-space character.
   */
  boolean isOwn(int offset, int shift, boolean inPlace, int rank) {
    int o = offset - shift;
    return o >= coreStart && o < coreEnd && (!inPlace || coreRank[o - coreStart] == rank);
  }
}
