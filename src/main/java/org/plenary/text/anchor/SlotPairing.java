package org.plenary.text.anchor;

import static org.plenary.text.anchor.TextAnchor.MIN_SIMILARITY;
import static org.plenary.text.anchor.TextAnchor.MIN_SLOT_SIMILARITY;
import static org.plenary.text.anchor.Words.dice;
import static org.plenary.text.anchor.Words.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.plenary.text.TextModel.Paragraph;

/** Which paragraphs between the same unchanged neighbours count as one paragraph edited. */
final class SlotPairing {

  private SlotPairing() {}

  static boolean slotAlike(Paragraph a, Paragraph b) {
    return dice(keys(a.text(), false), keys(b.text(), false)) >= MIN_SLOT_SIMILARITY;
  }

  /**
   * The order-preserving pairing of old and new paragraphs with the most similarity in all, among
   * pairs at least {@link TextAnchor#MIN_SIMILARITY} alike (as {@link org.plenary.text.TextDiff}
   * pairs them).
   */
  static List<int[]> similarPairs(List<Paragraph> from, List<Paragraph> to) {
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
}
