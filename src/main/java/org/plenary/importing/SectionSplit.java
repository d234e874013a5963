package org.plenary.importing;

import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plenary.platform.error.TooLarge;
import org.plenary.revision.RevisionService;

/**
 * A Markdown document cut into sections at its headings: each heading of the chosen level or above
 * (1 is the top) starts a section named by its text; deeper headings stay in the section's text,
 * moved up so the first level under the cut is {@code ##}. Footnote and link reference definitions
 * go with every section that uses them (one kept by none goes with the last), so each section
 * renders on its own. Everything else is the source's own text, character for character.
 */
final class SectionSplit {

  /** A section's heading may be this long (as a section's heading in the outline). */
  static final int MAX_HEADING = 300;

  /** One section of the split: its heading and its Markdown text. */
  record Part(String heading, String body) {}

  /** Markdown as sections hold it: tables, footnotes, strikethrough. */
  static final DataHolder OPTIONS =
      new MutableDataSet()
          .set(
              Parser.EXTENSIONS,
              List.of(
                  TablesExtension.create(),
                  FootnoteExtension.create(),
                  StrikethroughExtension.create()))
          .toImmutable();

  /** {@link #OPTIONS}' parser: structure only, no HTML. */
  static final Parser PARSER = Parser.builder(OPTIONS).build();

  private SectionSplit() {}

  /**
   * The sections of {@code markdown} cut at {@code level} (1–6, checked by the caller); text before
   * the first heading becomes a section headed {@code untitled}. Notes what the report must say
   * into {@code notes}.
   */
  static List<Part> split(String markdown, int level, String untitled, Notes notes) {
    Node doc = PARSER.parse(markdown);
    Map<String, String> definitions = new LinkedHashMap<>();
    List<Draft> drafts = new ArrayList<>();
    Draft current = null;
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof FootnoteBlock || n instanceof Reference) {
        definitions.put(definitionKey(n), n.getChars().toString().stripTrailing());
      } else if (n instanceof Heading h && h.getLevel() <= level) {
        current = heading(h, notes);
        drafts.add(current);
      } else {
        if (current == null) {
          current = new Draft(untitled);
          drafts.add(current);
          notes.add(ImportNote.Kind.TEXT_BEFORE_FIRST_HEADING, null);
        }
        current.blocks.add(shifted(n, level));
      }
    }
    if (drafts.isEmpty()) {
      drafts.add(new Draft(untitled));
    }
    return parts(drafts, definitions, notes);
  }

  /** A section being collected. */
  private static final class Draft {
    final String heading;
    final List<String> blocks = new ArrayList<>();

    Draft(String heading) {
      this.heading = heading;
    }
  }

  private static List<Part> parts(
      List<Draft> drafts, Map<String, String> definitions, Notes notes) {
    Set<String> unused = new LinkedHashSet<>(definitions.keySet());
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      String own = String.join("\n\n", d.blocks);
      StringBuilder body = new StringBuilder(own);
      Set<String> cited = cited(own);
      for (Map.Entry<String, String> def : definitions.entrySet()) {
        if (cited.contains(def.getKey())) {
          body.append("\n\n").append(def.getValue());
          unused.remove(def.getKey());
        }
      }
      if (i == drafts.size() - 1) {
        unused.forEach(k -> body.append("\n\n").append(definitions.get(k)));
      }
      parts.add(part(d.heading, body.toString().strip(), notes));
    }
    return parts;
  }

  private static Part part(String heading, String text, Notes notes) {
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > RevisionService.MAX_BODY_BYTES) {
      throw new TooLarge(
          "level",
          "the section \""
              + heading
              + "\" would hold "
              + bytes
              + " bytes of text; a section holds at most 1 MiB: cut at a deeper heading level");
    }
    if (text.isEmpty()) {
      notes.add(ImportNote.Kind.EMPTY_SECTION, heading);
    }
    return new Part(heading, text.isEmpty() ? "" : text + "\n");
  }

  /** Anything in brackets: a footnote reference {@code [^label]} or a link reference's label. */
  private static final Pattern BRACKETED = Pattern.compile("\\[(\\^?[^\\[\\]]+)\\]");

  /** The definition keys a text may cite, read in one pass over it. */
  private static Set<String> cited(String text) {
    Set<String> keys = new HashSet<>();
    Matcher m = BRACKETED.matcher(text);
    while (m.find()) {
      String label = m.group(1);
      keys.add(label.startsWith("^") ? label : label.toLowerCase(Locale.ROOT));
    }
    return keys;
  }

  /** {@code ^label} for a footnote, the lower-cased label for a link reference. */
  private static String definitionKey(Node n) {
    if (n instanceof FootnoteBlock f) {
      return "^" + f.getText().toString();
    }
    return ((Reference) n).getReference().toString().toLowerCase(Locale.ROOT);
  }

  /**
   * The section a heading starts: named by the heading's text; a text over {@link #MAX_HEADING} is
   * shortened for the outline and opens the section whole.
   */
  private static Draft heading(Heading h, Notes notes) {
    String text = plainText(h).strip().replaceAll("\\s+", " ");
    if (text.isEmpty()) {
      return new Draft("Untitled section");
    }
    if (text.length() <= MAX_HEADING) {
      return new Draft(text);
    }
    notes.add(ImportNote.Kind.HEADING_SHORTENED, text.substring(0, 60) + "…");
    Draft d = new Draft(text.substring(0, MAX_HEADING - 1).strip() + "…");
    d.blocks.add(h.getText().toString().strip());
    return d;
  }

  /**
   * The text a reader sees of a heading: its text nodes unescaped, markup left out. (flexmark's
   * TextCollectingVisitor miscounts some inline nodes, footnote references among them.)
   */
  static String plainText(Node heading) {
    StringBuilder text = new StringBuilder();
    for (Node n : heading.getDescendants()) {
      if (n instanceof Text t && t.getAncestorOfType(Footnote.class) == null) {
        text.append(t.getChars().unescape()); // code spans hold a text node too
      } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
        text.append(' ');
      }
    }
    return text.toString();
  }

  /** A block's source; an ATX heading under the cut moved up to start at {@code ##}. */
  private static String shifted(Node n, int level) {
    String source = n.getChars().toString().stripTrailing();
    if (n instanceof Heading h && h.isAtxHeading() && level > 1) {
      int to = Math.max(2, h.getLevel() - level + 1);
      return "#".repeat(to) + source.substring(h.getOpeningMarker().length());
    }
    return source;
  }
}
