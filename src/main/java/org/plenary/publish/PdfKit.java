package org.plenary.publish;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.plenary.publish.PublishFonts.Face;

/**
 * What one document needs to set text: a font for every script, chosen character by character, and
 * the text blocks OpenPDF lays out with the Unicode bidirectional algorithm and Arabic shaping
 * (which it does only inside table cells and columns, so every block of text goes through {@link
 * #flow}). Not thread-safe: one per document being built.
 */
final class PdfKit {

  /** A style of text. */
  record Style(Face face, float size, Color color) {}

  static final Color INK = new Color(0x1a, 0x1a, 0x1a);
  static final Color MUTED = new Color(0x55, 0x5b, 0x66);
  static final Color ACCENT = new Color(0x1f, 0x4e, 0x79);
  static final Color LINK = new Color(0x1a, 0x55, 0xa8);

  /** The line height of every block of text, as a multiple of its font size. */
  static final float LEADING = 1.35f;

  private final PublishFonts fonts;
  private final PdfTags tags;
  // A FontSelector reads a fallback font from OpenPDF's jar when it is made: make few.
  private final Map<Style, FontSelector> selectors = new HashMap<>();
  private final List<String> missing = new ArrayList<>();
  // Code points already known to have a glyph (text repeats its characters a great deal).
  private final java.util.BitSet known = new java.util.BitSet();
  private final java.util.BitSet knownMono = new java.util.BitSet();

  PdfKit(PublishFonts fonts, PdfTags tags) {
    this.fonts = fonts;
    this.tags = tags;
  }

  /** The structure of the document being built. */
  PdfTags tags() {
    return tags;
  }

  Phrase text(String s, Face face, float size) {
    return text(s, face, size, INK);
  }

  Phrase text(String s, Face face, float size, Color color) {
    checkGlyphs(s, face);
    Style style = new Style(face, size, color);
    Phrase p = selectors.computeIfAbsent(style, this::selector).process(s);
    for (Object o : p.getChunks()) {
      Chunk c = (Chunk) o;
      c.setSplitCharacter(CjkLineBreaks.RULES);
      if (c.getFont().getBaseFont() == null) {
        // Text no font of the chain decides (line breaks only): OpenPDF's default font is not
        // embedded, so give it the style's.
        c.setFont(font(face, size, color));
      }
    }
    return p;
  }

  Font font(Face face, float size) {
    return new Font(fonts.get(face), size, Font.NORMAL, INK);
  }

  Font font(Face face, float size, Color color) {
    return new Font(fonts.get(face), size, Font.NORMAL, color);
  }

  BaseFont base(Face face) {
    return fonts.get(face);
  }

  private FontSelector selector(Style style) {
    FontSelector selector = new FontSelector();
    for (BaseFont f : fonts.chain(style.face())) {
      selector.addFont(new Font(f, style.size(), Font.NORMAL, style.color()));
    }
    return selector;
  }

  /**
   * Characters no font of the chain has, collected (OpenPDF would drop them without a word) so
   * compiling can refuse with their names and where they are.
   */
  private void checkGlyphs(String s, Face face) {
    List<BaseFont> chain = face == Face.MONO ? List.of(fonts.get(Face.MONO)) : fonts.chain(face);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      java.util.BitSet seen = face == Face.MONO ? knownMono : known;
      if (seen.get(cp)) {
        continue;
      }
      if (Character.isWhitespace(cp)
          || Character.isISOControl(cp)
          || Character.getType(cp) == Character.FORMAT) {
        continue;
      }
      boolean found = false;
      for (BaseFont f : chain) {
        if (f.charExists(cp)) {
          found = true;
          break;
        }
      }
      if (found) {
        seen.set(cp);
      } else if (face != Face.MONO || !fontsHave(cp)) {
        String name = Character.getName(cp);
        missing.add(
            String.format(
                "U+%04X %s in \"%s\"",
                cp, name == null ? "" : name, s.length() > 60 ? s.substring(0, 57) + "…" : s));
      }
    }
  }

  private boolean fontsHave(int cp) {
    for (BaseFont f : fonts.chain(Face.SERIF)) {
      if (f.charExists(cp)) {
        return true;
      }
    }
    return false;
  }

  /** The characters met so far that no font has. */
  List<String> missing() {
    return missing;
  }

  /** Whether text reads right to left (its first strong character is Arabic, Hebrew, ...). */
  static boolean rightToLeft(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      byte d = Character.getDirectionality(cp);
      if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
          || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
        return true;
      }
      if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
        return false;
      }
    }
    return false;
  }

  /**
   * A block of text: a borderless one-cell table, because OpenPDF applies the bidirectional
   * algorithm and Arabic shaping only in cells and columns. Left-to-right blocks still get both.
   * Tagged as a structure element of {@code type} (a paragraph, a heading...).
   */
  PdfPTable block(PdfName type, Phrase p, boolean rtl, float before, float after, int align) {
    return block(element(type, p), p, rtl, before, after, align);
  }

  /** A block of text that is the content of {@code element}. */
  PdfPTable block(
      PdfStructureElement element, Phrase p, boolean rtl, float before, float after, int align) {
    PdfPTable t = new PdfPTable(1);
    t.setWidthPercentage(100);
    t.setRunDirection(rtl ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
    t.setSplitLate(false);
    t.setSpacingBefore(before);
    t.setSpacingAfter(after);
    PdfPCell c = tags.content(new PdfPCell(p), element);
    c.setBorder(Rectangle.NO_BORDER);
    c.setPadding(0);
    c.setPaddingBottom(2);
    c.setLeading(0, LEADING);
    c.setHorizontalAlignment(align);
    c.setRunDirection(rtl ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
    t.addCell(c);
    return t;
  }

  PdfPTable block(PdfName type, Phrase p, boolean rtl, float before, float after) {
    return block(type, p, rtl, before, after, Element.ALIGN_LEFT);
  }

  /** A paragraph. */
  PdfPTable flow(Phrase p, boolean rtl, float before, float after, int align) {
    return block(PdfName.P, p, rtl, before, after, align);
  }

  PdfPTable flow(Phrase p, boolean rtl, float before, float after) {
    return block(PdfName.P, p, rtl, before, after, Element.ALIGN_LEFT);
  }

  /** Room on the page with nothing to read in it (an artifact). */
  PdfPTable space(float before, float after) {
    return tags.artifact(flow(text(" ", Face.SERIF, 11), false, before, after));
  }

  /** A cell whose text is a structure element of {@code type}, in its own language if need be. */
  PdfPCell cell(PdfName type, Phrase p) {
    return tags.content(new PdfPCell(p), element(type, p));
  }

  /** A new structure element of {@code type} for the text of {@code p}. */
  PdfStructureElement element(PdfName type, Phrase p) {
    return tags.element(type, p.getContent());
  }

  /** Makes {@code p} a link to {@code action}, announced as {@code description}. */
  Phrase link(Phrase p, PdfAction action, String description) {
    String tag = tags.link(action, description);
    for (Object o : p.getChunks()) {
      ((Chunk) o).setGenericTag(tag);
    }
    return p;
  }

  /** Makes {@code p} a link to a place in the document. */
  Phrase linkedTo(Phrase p, String destination, String description) {
    return link(p, PdfAction.gotoLocalPage(destination, false), description);
  }

  /** Makes the first chunk of {@code p} a destination and tags it, so its page is recorded. */
  static Phrase destination(Phrase p, String name) {
    if (!p.getChunks().isEmpty()) {
      Chunk first = (Chunk) p.getChunks().get(0);
      first.setLocalDestination(name);
      first.setGenericTag(name);
    }
    return p;
  }
}
