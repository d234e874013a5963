package org.plenary.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.plenary.text.BoundedDiff.Change;
import org.plenary.text.TextModel.Kind;
import org.plenary.text.TextModel.Paragraph;
import org.plenary.text.TextModel.Token;

/**
 * Compares two texts the way a reader does: paragraphs are aligned first, then words inside each
 * changed paragraph, so a changed sentence shows as a few changed words and not as a whole
 * paragraph deleted and inserted. Both steps use {@link TextModel}.
 *
 * <p>Both steps are {@link BoundedDiff}s of one budget: a changed stretch too long to compare word
 * by word (or a comparison that has spent its budget) shows as that stretch deleted and inserted
 * whole, so the cost of a comparison stays linear in the texts whatever a contributor submits.
 */
public final class TextDiff {

  private TextDiff() {}

  /** How a run of text compares. */
  public enum Op {
    EQUAL,
    INSERT,
    DELETE
  }

  /** How a paragraph compares. */
  public enum ParagraphStatus {
    EQUAL,
    CHANGED,
    INSERTED,
    DELETED
  }

  /** A run of consecutive tokens with the same operation. */
  public record Run(Op op, String text) {}

  /**
   * One paragraph of the comparison; {@code fromIndex} and {@code toIndex} are its position among
   * the paragraphs of each side (null where it does not exist on that side).
   */
  public record ParagraphDiff(
      ParagraphStatus status, Integer fromIndex, Integer toIndex, List<Run> runs) {}

  /** Word counts of what changed. */
  public record Stats(
      int paragraphsChanged,
      int paragraphsInserted,
      int paragraphsDeleted,
      int wordsInserted,
      int wordsDeleted) {}

  /** The whole comparison. */
  public record Result(List<ParagraphDiff> paragraphs, Stats stats) {
    public boolean identical() {
      return paragraphs.stream().allMatch(p -> p.status() == ParagraphStatus.EQUAL);
    }
  }

  public static Result diff(String from, String to) {
    List<Paragraph> a = TextModel.paragraphs(from);
    List<Paragraph> b = TextModel.paragraphs(to);
    List<ParagraphDiff> out = new ArrayList<>();
    Counter counter = new Counter();
    int i = 0;
    int j = 0;
    for (Change delta : counter.bounded.changes(texts(a), texts(b))) {
      int sourceAt = delta.from();
      int targetAt = delta.to();
      while (i < sourceAt) {
        out.add(equal(a.get(i), i++, j++));
      }
      int k = delta.fromEnd() - sourceAt;
      int m = delta.toEnd() - targetAt;
      // Pair each edited paragraph with its new version, so that a paragraph inserted before an
      // edited one does not show as the edited one rewritten.
      int fromAt = sourceAt;
      int toAt = targetAt;
      for (int[] pair :
          similarPairs(a.subList(sourceAt, sourceAt + k), b.subList(targetAt, targetAt + m))) {
        unpaired(a, b, fromAt, sourceAt + pair[0], toAt, targetAt + pair[1], out, counter);
        fromAt = sourceAt + pair[0];
        toAt = targetAt + pair[1];
        out.add(changed(a.get(fromAt).text(), b.get(toAt).text(), fromAt++, toAt++, counter));
      }
      unpaired(a, b, fromAt, sourceAt + k, toAt, targetAt + m, out, counter);
      i = sourceAt + k;
      j = targetAt + m;
    }
    while (i < a.size()) {
      out.add(equal(a.get(i), i++, j++));
    }
    return new Result(out, counter.stats());
  }

  /**
   * Old paragraphs {@code [i, iEnd)} replaced by new ones {@code [j, jEnd)} with nothing alike
   * between them: paired in order as changed, the surplus deleted or inserted.
   */
  private static void unpaired(
      List<Paragraph> a,
      List<Paragraph> b,
      int i,
      int iEnd,
      int j,
      int jEnd,
      List<ParagraphDiff> out,
      Counter counter) {
    int paired = Math.min(iEnd - i, jEnd - j);
    for (int p = 0; p < paired; p++) {
      out.add(changed(a.get(i + p).text(), b.get(j + p).text(), i + p, j + p, counter));
    }
    for (int p = i + paired; p < iEnd; p++) {
      out.add(whole(ParagraphStatus.DELETED, a.get(p).text(), p, null, counter));
    }
    for (int p = j + paired; p < jEnd; p++) {
      out.add(whole(ParagraphStatus.INSERTED, b.get(p).text(), null, p, counter));
    }
  }

  /** Above this many paragraph pairs in one change, pair in order without comparing (cost). */
  private static final int MAX_COMPARED_PAIRS = 10_000;

  /** How alike two paragraphs must be (share of their words) to be paired as one edited. */
  private static final double SIMILAR = 0.5;

  /**
   * The pairs (old index, new index), in order, of paragraphs alike enough to be one paragraph
   * edited: the order-preserving matching with the most similarity in all.
   */
  private static List<int[]> similarPairs(List<Paragraph> from, List<Paragraph> to) {
    int k = from.size();
    int m = to.size();
    if (k == 0 || m == 0 || (long) k * m > MAX_COMPARED_PAIRS) {
      return List.of();
    }
    List<Bag> bags = new ArrayList<>();
    from.forEach(p -> bags.add(wordBag(p.text())));
    List<Bag> newBags = new ArrayList<>();
    to.forEach(p -> newBags.add(wordBag(p.text())));
    double[][] sim = new double[k][m];
    double[][] best = new double[k + 1][m + 1];
    for (int x = k - 1; x >= 0; x--) {
      for (int y = m - 1; y >= 0; y--) {
        sim[x][y] = similarity(bags.get(x), newBags.get(y));
        double pair = sim[x][y] >= SIMILAR ? best[x + 1][y + 1] + sim[x][y] : -1;
        best[x][y] = Math.max(pair, Math.max(best[x + 1][y], best[x][y + 1]));
      }
    }
    List<int[]> pairs = new ArrayList<>();
    int x = 0;
    int y = 0;
    while (x < k && y < m) {
      if (sim[x][y] >= SIMILAR && best[x][y] == best[x + 1][y + 1] + sim[x][y]) {
        pairs.add(new int[] {x++, y++});
      } else if (best[x][y] == best[x + 1][y]) {
        x++;
      } else {
        y++;
      }
    }
    return pairs;
  }

  /** The non-space tokens of a text, counted, and how many there are in all. */
  private record Bag(Map<String, Integer> counts, int size) {}

  private static Bag wordBag(String text) {
    Map<String, Integer> bag = new HashMap<>();
    int size = 0;
    for (Token t : TextModel.tokens(text)) {
      if (t.kind() != Kind.SPACE) {
        bag.merge(t.text(), 1, Integer::sum);
        size++;
      }
    }
    return new Bag(bag, size);
  }

  /**
   * Dice coefficient of two token multisets: 1 for the same tokens, 0 for none in common. Looks up
   * the smaller bag's tokens in the larger one, so that one long paragraph compared with many short
   * ones costs the short ones' length, not the long one's each time.
   */
  private static double similarity(Bag x, Bag y) {
    if (x.size() + y.size() == 0) {
      return 0;
    }
    Bag small = x.counts().size() <= y.counts().size() ? x : y;
    Bag large = small == x ? y : x;
    int common = 0;
    for (Map.Entry<String, Integer> e : small.counts().entrySet()) {
      common += Math.min(e.getValue(), large.counts().getOrDefault(e.getKey(), 0));
    }
    return 2.0 * common / (x.size() + y.size());
  }

  /** Word-level runs between two texts (no paragraph alignment): for one paragraph's change. */
  public static List<Run> words(String from, String to) {
    return wordRuns(TextModel.tokens(from), TextModel.tokens(to), new Counter());
  }

  private static ParagraphDiff equal(Paragraph p, int from, int to) {
    return new ParagraphDiff(ParagraphStatus.EQUAL, from, to, List.of(new Run(Op.EQUAL, p.text())));
  }

  private static ParagraphDiff whole(
      ParagraphStatus status, String text, Integer from, Integer to, Counter counter) {
    int words = TextModel.wordCount(text);
    if (status == ParagraphStatus.INSERTED) {
      counter.paragraphsInserted++;
      counter.wordsInserted += words;
    } else {
      counter.paragraphsDeleted++;
      counter.wordsDeleted += words;
    }
    Op op = status == ParagraphStatus.INSERTED ? Op.INSERT : Op.DELETE;
    return new ParagraphDiff(status, from, to, List.of(new Run(op, text)));
  }

  private static ParagraphDiff changed(String from, String to, int i, int j, Counter counter) {
    counter.paragraphsChanged++;
    return new ParagraphDiff(
        ParagraphStatus.CHANGED,
        i,
        j,
        wordRuns(TextModel.tokens(from), TextModel.tokens(to), counter));
  }

  private static List<Run> wordRuns(List<Token> a, List<Token> b, Counter counter) {
    List<Run> runs = new ArrayList<>();
    int i = 0;
    for (Change delta : counter.bounded.changes(tokenTexts(a), tokenTexts(b))) {
      append(runs, Op.EQUAL, a.subList(i, delta.from()));
      List<Token> deleted = a.subList(delta.from(), delta.fromEnd());
      List<Token> inserted = b.subList(delta.to(), delta.toEnd());
      append(runs, Op.DELETE, deleted);
      append(runs, Op.INSERT, inserted);
      counter.wordsDeleted += countWords(deleted);
      counter.wordsInserted += countWords(inserted);
      i = delta.fromEnd();
    }
    append(runs, Op.EQUAL, a.subList(i, a.size()));
    return runs;
  }

  private static void append(List<Run> runs, Op op, List<Token> tokens) {
    if (tokens.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    tokens.forEach(t -> text.append(t.text()));
    if (!runs.isEmpty() && runs.get(runs.size() - 1).op() == op) {
      Run last = runs.remove(runs.size() - 1);
      runs.add(new Run(op, last.text() + text));
    } else {
      runs.add(new Run(op, text.toString()));
    }
  }

  private static int countWords(List<Token> tokens) {
    int n = 0;
    for (Token t : tokens) {
      if (t.kind() == Kind.WORD) {
        n++;
      }
    }
    return n;
  }

  private static List<String> texts(List<Paragraph> paragraphs) {
    return paragraphs.stream().map(Paragraph::text).toList();
  }

  private static List<String> tokenTexts(List<Token> tokens) {
    return tokens.stream().map(Token::text).toList();
  }

  /** The state of one comparison: its diff budget and its counts. */
  private static final class Counter {
    final BoundedDiff bounded = BoundedDiff.comparison();
    int paragraphsChanged;
    int paragraphsInserted;
    int paragraphsDeleted;
    int wordsInserted;
    int wordsDeleted;

    Stats stats() {
      return new Stats(
          paragraphsChanged, paragraphsInserted, paragraphsDeleted, wordsInserted, wordsDeleted);
    }
  }
}
