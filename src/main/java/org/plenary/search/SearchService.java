package org.plenary.search;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.CaseMap;
import com.ibm.icu.text.Edits;
import com.ibm.icu.util.ULocale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plenary.paper.Paper;
import org.plenary.paper.PaperService;
import org.plenary.platform.error.Invalid;
import org.plenary.revision.Revision;
import org.plenary.section.SectionRows;

/**
 * Full-text search over a paper's current section texts with PostgreSQL's text search, in the
 * paper's language where PostgreSQL has a dictionary for it.
 *
 * <p>Scripts written without spaces between words (Chinese, Japanese, Thai) are not split into
 * words by PostgreSQL's parser, so for queries in those scripts a plain substring match is used. A
 * paper's current texts are a few hundred rows at most, so no index is kept: saves stay cheap.
 */
@ApplicationScoped
public class SearchService {

  /** PostgreSQL text search configurations by language subtag. */
  private static final Map<String, String> CONFIGS =
      Map.ofEntries(
          Map.entry("ar", "arabic"),
          Map.entry("da", "danish"),
          Map.entry("de", "german"),
          Map.entry("el", "greek"),
          Map.entry("en", "english"),
          Map.entry("es", "spanish"),
          Map.entry("fi", "finnish"),
          Map.entry("fr", "french"),
          Map.entry("hu", "hungarian"),
          Map.entry("id", "indonesian"),
          Map.entry("it", "italian"),
          Map.entry("nl", "dutch"),
          Map.entry("no", "norwegian"),
          Map.entry("pt", "portuguese"),
          Map.entry("ro", "romanian"),
          Map.entry("ru", "russian"),
          Map.entry("sv", "swedish"),
          Map.entry("tr", "turkish"));

  // Control characters cannot occur in stored text, so they mark highlights safely until the
  // snippet has been HTML-escaped.
  private static final String START = "\u0002";
  private static final String STOP = "\u0003";
  private static final int MAX_HITS = 50;

  @Inject EntityManager em;
  @Inject PaperService papers;

  /** One section that matched, with an HTML snippet whose matches are wrapped in mark. */
  public record Hit(
      long sectionId, String heading, int revision, String snippetHtml, double rank) {}

  /** The hits for a query, best first. */
  public record Results(String query, List<Hit> hits) {}

  @Transactional
  public Results search(long paperId, String query) {
    if (query == null || query.isBlank()) {
      throw new Invalid("q", "must not be empty");
    }
    if (org.plenary.platform.json.JsonSetup.problemOf(query) != null) {
      throw new Invalid("q", org.plenary.platform.json.JsonSetup.problemOf(query));
    }
    if (query.length() > 500) {
      throw new Invalid("q", "must be at most 500 characters");
    }
    Paper paper = papers.find(paperId);
    String q = query.strip();
    String config =
        CONFIGS.getOrDefault(paper.language.split("-")[0].toLowerCase(Locale.ROOT), "simple");
    return new Results(q, unspacedScript(q) ? substring(paperId, q) : fullText(paperId, q, config));
  }

  @SuppressWarnings("unchecked")
  private List<Hit> fullText(long paperId, String q, String config) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT s.id, s.heading, r.number,"
                    + " ts_headline(CAST(?3 AS regconfig), r.body, q,"
                    + "   'StartSel=' || chr(2) || ', StopSel=' || chr(3)"
                    + "   || ', MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter= … ')"
                    + "   AS snippet,"
                    + " ts_rank(setweight(to_tsvector(CAST(?3 AS regconfig), s.heading), 'A')"
                    + "   || to_tsvector(CAST(?3 AS regconfig), r.body), q) AS rank"
                    + " FROM "
                    + SectionRows.visibleOfPaper("s", "?1")
                    + Revision.joinCurrent("r", "s")
                    + ", websearch_to_tsquery(CAST(?3 AS regconfig), ?2) q"
                    + " WHERE (to_tsvector(CAST(?3 AS regconfig), s.heading)"
                    + "   || to_tsvector(CAST(?3 AS regconfig), r.body)) @@ q"
                    + " ORDER BY rank DESC, s.position LIMIT "
                    + MAX_HITS)
            .setParameter(1, paperId)
            .setParameter(2, q)
            .setParameter(3, config)
            .getResultList();
    List<Hit> hits = new ArrayList<>();
    for (Object[] row : rows) {
      hits.add(
          new Hit(
              ((Number) row[0]).longValue(),
              (String) row[1],
              ((Number) row[2]).intValue(),
              highlight((String) row[3]),
              ((Number) row[4]).doubleValue()));
    }
    return hits;
  }

  @SuppressWarnings("unchecked")
  private List<Hit> substring(long paperId, String q) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT s.id, s.heading, r.number, r.body FROM "
                    + SectionRows.visibleOfPaper("s", "?1")
                    + Revision.joinCurrent("r", "s")
                    + " WHERE (strpos(lower(r.body), lower(?2)) > 0"
                    + "   OR strpos(lower(s.heading), lower(?2)) > 0)"
                    + " ORDER BY s.position LIMIT "
                    + MAX_HITS)
            .setParameter(1, paperId)
            .setParameter(2, q)
            .getResultList();
    List<Hit> hits = new ArrayList<>();
    for (Object[] row : rows) {
      hits.add(
          new Hit(
              ((Number) row[0]).longValue(),
              (String) row[1],
              ((Number) row[2]).intValue(),
              highlight(substringSnippet((String) row[3], q)),
              1.0));
    }
    return hits;
  }

  /** Characters of context shown on each side of a substring match. */
  private static final int CONTEXT = 40;

  /**
   * The snippet of a substring hit, its first match between the markers. The match is found in the
   * case-folded text (ICU, full folding: "STRASSE" finds "Straße", "fi" finds "ﬁ", final sigma
   * finds sigma) and mapped back to the original through the fold's edits, because folding can
   * change a text's length ("İ" folds to two chars): a position in the folded copy is not one in
   * the original. Every cut is moved out to a grapheme boundary of the original, so no character,
   * accent or emoji is split. Without a match in the body (the heading matched), its start.
   */
  static String substringSnippet(String body, String q) {
    BreakIterator graphemes = BreakIterator.getCharacterInstance(ULocale.ROOT);
    graphemes.setText(body);
    Edits edits = new Edits();
    String folded = CaseMap.fold().apply(body, new StringBuilder(), edits).toString();
    String query = CaseMap.fold().apply(q);
    int at = query.isEmpty() ? -1 : folded.indexOf(query);
    if (at < 0) {
      int to = after(graphemes, body, Math.min(body.length(), 2 * CONTEXT));
      return body.substring(0, to) + (to < body.length() ? "…" : "");
    }
    // A match may start or end inside what one character folded to ("ΐ" is three chars folded):
    // it then takes in that whole character.
    Edits.Iterator first = edits.getFineIterator();
    first.findDestinationIndex(at);
    int source = first.sourceIndex() + (first.hasChange() ? 0 : at - first.destinationIndex());
    int start = before(graphemes, source);
    int last = edits.getFineIterator().sourceIndexFromDestinationIndex(at + query.length());
    int end = after(graphemes, body, last);
    int from = before(graphemes, Math.max(0, start - CONTEXT));
    int to = after(graphemes, body, Math.min(body.length(), end + CONTEXT));
    return (from > 0 ? "…" : "")
        + body.substring(from, start)
        + START
        + body.substring(start, end)
        + STOP
        + body.substring(end, to)
        + (to < body.length() ? "…" : "");
  }

  /** The grapheme boundary at or before {@code at}. */
  private static int before(BreakIterator graphemes, int at) {
    return at == 0 || graphemes.isBoundary(at) ? at : graphemes.preceding(at);
  }

  /** The grapheme boundary at or after {@code at}. */
  private static int after(BreakIterator graphemes, String text, int at) {
    return at == text.length() || graphemes.isBoundary(at) ? at : graphemes.following(at);
  }

  /** Escapes the snippet (it is raw Markdown source) and only then turns markers into mark. */
  static String highlight(String snippet) {
    StringBuilder out = new StringBuilder(snippet.length() + 32);
    snippet
        .codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case 2 -> out.append("<mark>");
                case 3 -> out.append("</mark>");
                default -> out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }

  /** True when the query has letters of a script that is written without spaces between words. */
  static boolean unspacedScript(String q) {
    return q.codePoints()
        .anyMatch(
            cp -> {
              Character.UnicodeScript script = Character.UnicodeScript.of(cp);
              return script == Character.UnicodeScript.HAN
                  || script == Character.UnicodeScript.HIRAGANA
                  || script == Character.UnicodeScript.KATAKANA
                  || script == Character.UnicodeScript.THAI
                  || script == Character.UnicodeScript.LAO
                  || script == Character.UnicodeScript.KHMER
                  || script == Character.UnicodeScript.MYANMAR;
            });
  }
}
