package org.plenary.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.plenary.endorsement.EndorsementRecords.GroupTally;
import org.plenary.platform.crypto.Digests;
import org.plenary.publish.EditionContent.EndorsementPart;
import org.plenary.publish.EditionContent.OrganisationPart;
import org.plenary.publish.EditionContent.SectionPart;
import org.plenary.publish.EditionContent.StancePart;
import org.plenary.render.MarkdownRenderer;
import org.plenary.section.SectionKind;

/**
 * The white paper as one standalone HTML file (no external resources) with a print stylesheet, for
 * reading in a browser or printing. Section texts are rendered by the same renderer as on screen
 * (sanitized), except that images become their alt text in brackets, as in the PDF: opening the
 * file fetches nothing, so nobody learns who reads it or when. Its own Content-Security-Policy says
 * the same to the browser (nothing loads; only its one stylesheet, by hash, applies). Element ids
 * are prefixed per section, so footnotes and headings of different sections never share an id.
 */
final class HtmlExport {
  private HtmlExport() {}

  private static final String STYLE =
      """
      :root{color-scheme:light}
      body{font-family:"Noto Serif",Georgia,serif;line-height:1.55;color:#1a1a1a;max-width:46rem;
      margin:2rem auto;padding:0 1rem}
      h1,h2,h3{color:#1f4e79;line-height:1.25}
      .cover{border-bottom:1px solid #c8cdd4;margin-bottom:2rem;padding-bottom:1.5rem}
      .initiative,.meta{color:#555b66}.subtitle{font-size:1.2rem;color:#555b66}
      .summary{background:#eef2f7;padding:.75rem 1rem;border-radius:4px}
      table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
      th,td{border:1px solid #c8cdd4;padding:.3rem .5rem;text-align:start;vertical-align:top}
      th{background:#e8ecf1}blockquote{border-inline-start:3px solid #b0b8c4;margin-inline:0;
      padding-inline-start:1rem;color:#333}pre{background:#f3f4f6;padding:.75rem;overflow:auto}
      .toc ol{padding-inline-start:1.5rem}.muted{color:#555b66;font-style:italic}
      @media print{@page{size:A4;margin:20mm 18mm}body{max-width:none;margin:0}
      section.part,.annex{break-before:page}a{color:inherit;text-decoration:none}
      .toc a::after{content:leader('.') target-counter(attr(href),page)}
      h2,h3{break-after:avoid}table,blockquote,pre{break-inside:avoid}}
      """;

  /** Nothing may load; the one stylesheet above applies (by its hash), no other style or script. */
  static final String POLICY =
      "default-src 'none'; style-src 'sha256-"
          + Digests.sha256Base64(STYLE)
          + "'; base-uri 'none'; form-action 'none'";

  static byte[] render(EditionContent c, int edition, Instant at) {
    Labels labels = Labels.of(c.paper().language());
    StringBuilder h = new StringBuilder(1 << 16);
    h.append("<!doctype html>\n<html lang=\"")
        .append(esc(c.paper().language()))
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(POLICY)
        .append("\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(esc(c.paper().title()))
        .append("</title>\n<meta name=\"generator\" content=\"Plenary\">\n")
        .append("<meta name=\"keywords\" content=\"")
        .append(esc(String.join(", ", c.paper().keywords())))
        .append("\">\n<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<header class=\"cover\" dir=\"auto\">\n");
    if (c.paper().initiative() != null) {
      h.append("<p class=\"initiative\">").append(esc(c.paper().initiative())).append("</p>\n");
    }
    h.append("<h1>").append(esc(c.paper().title())).append("</h1>\n");
    if (c.paper().subtitle() != null) {
      h.append("<p class=\"subtitle\">").append(esc(c.paper().subtitle())).append("</p>\n");
    }
    h.append("<p class=\"meta\">")
        .append(esc(labels.whitePaper()))
        .append(" · ")
        .append(esc(labels.edition()))
        .append(' ')
        .append(edition)
        .append(" · ")
        .append(esc(labels.date(at)))
        .append("</p>\n</header>\n<nav class=\"toc\"><h2>")
        .append(esc(labels.contents()))
        .append("</h2><ol>\n");
    for (SectionPart s : c.sections()) {
      h.append("<li><a href=\"#s")
          .append(s.id())
          .append("\">")
          .append(esc(title(s, labels)))
          .append("</a></li>\n");
    }
    h.append("<li><a href=\"#annex-endorsements\">")
        .append(esc(labels.annexEndorsements()))
        .append("</a></li>\n<li><a href=\"#annex-organisations\">")
        .append(esc(labels.annexOrganisations()))
        .append("</a></li>\n</ol></nav>\n<main>\n");
    MarkdownRenderer renderer = new MarkdownRenderer();
    int n = 0;
    for (SectionPart s : c.sections()) {
      n++;
      h.append("<section class=\"part\" id=\"s")
          .append(s.id())
          .append("\" dir=\"auto\">\n<h2>")
          .append(n)
          .append(". ")
          .append(esc(title(s, labels)))
          .append("</h2>\n");
      if (s.kind() == SectionKind.PROPOSAL && s.proposalSummary() != null) {
        h.append("<p class=\"summary\"><strong>")
            .append(esc(labels.inBrief()))
            .append("</strong> ")
            .append(esc(s.proposalSummary()))
            .append("</p>\n");
      }
      h.append(prefixIds(renderer.renderWithoutImages(s.body()), "s" + s.id() + "-"))
          .append("\n</section>\n");
    }
    h.append("<section class=\"annex\" id=\"annex-endorsements\">\n<h2>A. ")
        .append(esc(labels.annexEndorsements()))
        .append("</h2>\n<p>")
        .append(esc(labels.endorsementsIntro()))
        .append("</p>\n");
    for (EndorsementPart e : c.proposalEndorsements()) {
      endorsements(h, e, labels.proposal() + " " + e.proposalNumber() + ": " + e.heading(), labels);
    }
    if (c.paperEndorsements() != null) {
      endorsements(h, c.paperEndorsements(), labels.wholePaper(), labels);
    }
    h.append("</section>\n<section class=\"annex\" id=\"annex-organisations\">\n<h2>B. ")
        .append(esc(labels.annexOrganisations()))
        .append("</h2>\n<table><thead><tr><th>")
        .append(esc(labels.organisation()))
        .append("</th><th>")
        .append(esc(labels.stakeholderGroup()))
        .append("</th><th>")
        .append(esc(labels.people()))
        .append("</th></tr></thead><tbody>\n");
    for (OrganisationPart o : c.organisations()) {
      h.append("<tr><td dir=\"auto\">")
          .append(esc(o.name()))
          .append("</td><td>")
          .append(esc(labels.group(o.stakeholderGroup())))
          .append("</td><td>")
          .append(o.people())
          .append("</td></tr>\n");
    }
    h.append("</tbody></table>\n");
    if (c.unnamedParticipants() > 0) {
      h.append("<p class=\"muted\">")
          .append(esc(labels.unnamed(c.unnamedParticipants())))
          .append("</p>\n");
    }
    h.append("</section>\n</main>\n</body>\n</html>\n");
    return h.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void endorsements(StringBuilder h, EndorsementPart e, String title, Labels l) {
    h.append("<h3 dir=\"auto\">")
        .append(esc(title))
        .append("</h3>\n<table><thead><tr><th>")
        .append(esc(l.stakeholderGroup()))
        .append("</th><th>")
        .append(esc(l.endorse()))
        .append("</th><th>")
        .append(esc(l.withReservations()))
        .append("</th><th>")
        .append(esc(l.object()))
        .append("</th><th>")
        .append(esc(l.total()))
        .append("</th></tr></thead><tbody>\n");
    for (GroupTally g : e.tally().byGroup()) {
      if (g.total() > 0) {
        h.append("<tr><td>")
            .append(esc(l.group(g.group())))
            .append("</td><td>")
            .append(g.endorse())
            .append("</td><td>")
            .append(g.withReservations())
            .append("</td><td>")
            .append(g.object())
            .append("</td><td>")
            .append(g.total())
            .append("</td></tr>\n");
      }
    }
    h.append("</tbody></table>\n<p class=\"muted\">")
        .append(
            esc(
                e.tally().singleSector()
                    ? l.singleSector()
                    : l.supportingGroups(e.tally().supportingGroups())))
        .append("</p>\n<ul>\n");
    for (StancePart s : e.stances()) {
      h.append("<li dir=\"auto\"><strong>")
          .append(esc(Documents.who(s)))
          .append("</strong> — ")
          .append(esc(l.stance(s.stance())));
      if (s.statement() != null) {
        h.append(": <em>").append(esc(s.statement())).append("</em>");
      }
      h.append("</li>\n");
    }
    h.append("</ul>\n");
  }

  static String title(SectionPart s, Labels labels) {
    return s.kind() == SectionKind.PROPOSAL && s.proposalNumber() != null
        ? labels.proposal() + " " + s.proposalNumber() + ": " + s.heading()
        : s.heading();
  }

  /** Gives every id (and every link to one) in a section's HTML a per-section prefix. */
  static String prefixIds(String html, String prefix) {
    return html.replaceAll("\\bid=\"([^\"]+)\"", "id=\"" + prefix + "$1\"")
        .replaceAll("\\bhref=\"#([^\"]+)\"", "href=\"#" + prefix + "$1\"");
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
