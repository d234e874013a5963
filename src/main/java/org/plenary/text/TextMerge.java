package org.plenary.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The three-way merge of prose: base (what both sides started from), ours (the current text) and
 * theirs (a draft). It aligns paragraphs first and then, only where both sides changed the same
 * paragraphs, the words inside them, using the one text model ({@link TextModel}); so two people
 * editing different sentences of one paragraph merge cleanly, where a line-based merge would call
 * the whole paragraph a conflict.
 *
 * <p>Both levels use the diff3 rule on token sequences: between the stretches that neither side
 * changed, a stretch changed by one side only takes that side, one changed identically by both
 * takes it once, and one changed differently by both is a conflict. Conflicts are reported as
 * regions (base, ours, theirs) as small as the word level allows; nothing is ever dropped: a
 * conflict region keeps both sides until someone resolves it.
 *
 * <p>The alignments are {@link BoundedDiff}s sharing one budget per merge: a stretch too long to
 * align (or past the budget) is matched only where both sides share its start and end, so if both
 * sides changed it, it becomes one conflict for a person to resolve rather than a diff whose cost
 * the author of a draft could choose.
 */
public final class TextMerge {
  private TextMerge() {}

  /** A piece of the merge: agreed text, or a conflict with each side's text. */
  public sealed interface Region permits Agreed, Conflict {}

  /** Text both sides agree on (or that only one side changed). */
  public record Agreed(String text) implements Region {}

  /** A stretch both sides changed differently. */
  public record Conflict(String base, String ours, String theirs) implements Region {}

  /** The merge: its regions in order; clean when none is a conflict. */
  public record Result(List<Region> regions) {
    public boolean clean() {
      return regions.stream().noneMatch(r -> r instanceof Conflict);
    }

    public long conflicts() {
      return regions.stream().filter(r -> r instanceof Conflict).count();
    }

    /** The merged text; only for a clean merge. */
    public String text() {
      if (!clean()) {
        throw new IllegalStateException("The merge has conflicts; resolve them first");
      }
      StringBuilder sb = new StringBuilder();
      for (Region r : regions) {
        sb.append(((Agreed) r).text());
      }
      return sb.toString();
    }
  }

  public static Result merge(String base, String ours, String theirs) {
    BoundedDiff bounded = BoundedDiff.comparison();
    List<Region> out = new ArrayList<>();
    for (Chunk chunk : chunks(units(base), units(ours), units(theirs), bounded)) {
      String resolved = chunk.resolved();
      if (resolved != null) {
        add(out, resolved);
      } else {
        // Both sides changed these paragraphs: look inside them, word by word.
        out.addAll(wordMerge(chunk.base(), chunk.ours(), chunk.theirs(), bounded));
      }
    }
    return new Result(coalesce(out));
  }

  /**
   * The word-level merge of paragraphs both sides changed. A conflict swallows the changes next to
   * it that are separated from it only by spaces or punctuation, so that resolving it by taking one
   * side never pairs half of one person's phrase with half of another's.
   */
  private static List<Region> wordMerge(
      String base, String ours, String theirs, BoundedDiff bounded) {
    List<Chunk> chunks = chunks(words(base), words(ours), words(theirs), bounded);
    List<Region> out = new ArrayList<>();
    int k = 0;
    while (k < chunks.size()) {
      Chunk chunk = chunks.get(k);
      if (chunk.stable()) {
        add(out, chunk.base());
        k++;
        continue;
      }
      // A run: changed chunks joined by stable stretches without a word.
      int end = k + 1;
      while (end + 1 < chunks.size()
          && chunks.get(end).stable()
          && !hasWord(chunks.get(end).base())
          && !chunks.get(end + 1).stable()) {
        end += 2;
      }
      List<Chunk> run = chunks.subList(k, end);
      if (run.stream().allMatch(c -> c.stable() || c.resolved() != null)) {
        for (Chunk c : run) {
          add(out, c.stable() ? c.base() : c.resolved());
        }
      } else {
        StringBuilder b = new StringBuilder();
        StringBuilder o = new StringBuilder();
        StringBuilder t = new StringBuilder();
        for (Chunk c : run) {
          b.append(c.base());
          o.append(c.ours());
          t.append(c.theirs());
        }
        addConflict(out, b.toString(), o.toString(), t.toString());
      }
      k = end;
    }
    return out;
  }

  /** A conflict without the tokens all three sides share at its start and end. */
  private static void addConflict(List<Region> out, String base, String ours, String theirs) {
    List<String> b = words(base);
    List<String> o = words(ours);
    List<String> t = words(theirs);
    int head = 0;
    while (head < b.size()
        && head < o.size()
        && head < t.size()
        && b.get(head).equals(o.get(head))
        && b.get(head).equals(t.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < b.size() - head
        && tail < o.size() - head
        && tail < t.size() - head
        && b.get(b.size() - 1 - tail).equals(o.get(o.size() - 1 - tail))
        && b.get(b.size() - 1 - tail).equals(t.get(t.size() - 1 - tail))) {
      tail++;
    }
    add(out, join(b, 0, head));
    out.add(
        new Conflict(
            join(b, head, b.size() - tail),
            join(o, head, o.size() - tail),
            join(t, head, t.size() - tail)));
    add(out, join(b, b.size() - tail, b.size()));
  }

  private static boolean hasWord(String text) {
    return TextModel.tokens(text).stream().anyMatch(tk -> tk.kind() == TextModel.Kind.WORD);
  }

  // ---- diff3 over token sequences ---------------------------------------------------------------

  /**
   * A stretch of the three texts: stable (all three agree) or changed by one or both sides. {@link
   * #resolved} is the text diff3 takes for it, or null for a conflict.
   */
  private record Chunk(boolean stable, String base, String ours, String theirs, String resolved) {}

  /** The diff3 chunks of three token sequences. */
  private static List<Chunk> chunks(
      List<String> base, List<String> ours, List<String> theirs, BoundedDiff bounded) {
    List<Chunk> out = new ArrayList<>();
    int[] toOurs = matches(base, ours, bounded);
    int[] toTheirs = matches(base, theirs, bounded);
    int nb = base.size();
    int i = 0;
    int o = 0;
    int t = 0;
    while (true) {
      // A stable stretch: base tokens that both sides kept, at the positions reached.
      int stableStart = i;
      while (i < nb && toOurs[i] == o && toTheirs[i] == t) {
        i++;
        o++;
        t++;
      }
      if (i > stableStart) {
        String text = join(base, stableStart, i);
        out.add(new Chunk(true, text, text, text, text));
      }
      if (i == nb && o == ours.size() && t == theirs.size()) {
        return out;
      }
      // The next token both sides kept starts the next stable stretch.
      int j = i;
      while (j < nb && (toOurs[j] < 0 || toTheirs[j] < 0)) {
        j++;
      }
      int oEnd = j < nb ? toOurs[j] : ours.size();
      int tEnd = j < nb ? toTheirs[j] : theirs.size();
      String b = join(base, i, j);
      String ob = join(ours, o, oEnd);
      String tb = join(theirs, t, tEnd);
      boolean oursSame = ours.subList(o, oEnd).equals(base.subList(i, j));
      boolean theirsSame = theirs.subList(t, tEnd).equals(base.subList(i, j));
      String resolved = oursSame ? tb : theirsSame || ob.equals(tb) ? ob : null;
      out.add(new Chunk(false, b, ob, tb, resolved));
      i = j;
      o = oEnd;
      t = tEnd;
    }
  }

  /** For each token of {@code from}, the index of the same token in {@code to}, or -1. */
  private static int[] matches(List<String> from, List<String> to, BoundedDiff bounded) {
    int[] map = new int[from.size()];
    Arrays.fill(map, -1);
    for (BoundedDiff.Same same : bounded.same(from, to)) {
      for (int k = 0; k < same.length(); k++) {
        map[same.from() + k] = same.to() + k;
      }
    }
    return map;
  }

  // ---- Tokens -----------------------------------------------------------------------------------

  /**
   * Paragraph units that concatenate back to the text: each paragraph with the blank lines after it
   * (and any leading blank lines as a unit of their own).
   */
  static List<String> units(String text) {
    List<TextModel.Paragraph> paragraphs = TextModel.paragraphs(text);
    List<String> units = new ArrayList<>();
    if (paragraphs.isEmpty()) {
      if (!text.isEmpty()) {
        units.add(text);
      }
      return units;
    }
    if (paragraphs.get(0).start() > 0) {
      units.add(text.substring(0, paragraphs.get(0).start()));
    }
    for (int k = 0; k < paragraphs.size(); k++) {
      int start = paragraphs.get(k).start();
      int end = k + 1 < paragraphs.size() ? paragraphs.get(k + 1).start() : text.length();
      units.add(text.substring(start, end));
    }
    return units;
  }

  /** Word, space and punctuation tokens (grapheme-safe, lossless) of a stretch of paragraphs. */
  static List<String> words(String text) {
    return TextModel.tokens(text).stream().map(TextModel.Token::text).toList();
  }

  private static String join(List<String> tokens, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int k = from; k < to; k++) {
      sb.append(tokens.get(k));
    }
    return sb.toString();
  }

  private static void add(List<Region> out, String text) {
    if (!text.isEmpty()) {
      out.add(new Agreed(text));
    }
  }

  /** Neighbouring agreed pieces become one. */
  private static List<Region> coalesce(List<Region> regions) {
    List<Region> out = new ArrayList<>();
    StringBuilder agreed = new StringBuilder();
    for (Region r : regions) {
      if (r instanceof Agreed a) {
        agreed.append(a.text());
      } else {
        if (agreed.length() > 0) {
          out.add(new Agreed(agreed.toString()));
          agreed.setLength(0);
        }
        out.add(r);
      }
    }
    if (agreed.length() > 0) {
      out.add(new Agreed(agreed.toString()));
    }
    return List.copyOf(out);
  }
}
