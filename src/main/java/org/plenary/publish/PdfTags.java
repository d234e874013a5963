package org.plenary.publish;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ByteBuffer;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A tagged PDF's logical structure, built as the document is: a structure element for every block
 * (heading, paragraph, list item, table cell...) in reading order, and the marked content that ties
 * what a page draws to it.
 *
 * <p>Every block of a Plenary PDF is a table cell (see {@link PdfKit#flow}), and OpenPDF writes a
 * table's text, backgrounds and lines into three buffers, calling a cell's event just after the
 * cell is drawn. So each cell gets an event, and the bytes written since the previous cell's event
 * are the cell's own: its text is wrapped in a marked-content sequence with the cell's structure
 * element, its backgrounds and borders in an artifact. A header row that repeats on a later page is
 * drawn by the same cell again and becomes an artifact, so it is read once. A cell that only holds
 * other blocks (a list item's body, a quotation) is a container: its structure element is the
 * parent of theirs and it marks nothing itself.
 *
 * <p>Links: OpenPDF would add a link's annotation outside the structure tree, so the text of a link
 * carries a generic tag instead and this class adds the annotation, a {@code Link} element holding
 * it, and the alternative text screen readers announce. Not thread-safe: one per document.
 */
final class PdfTags extends PdfPageEventHelper {

  private static final String LINK_TAG = "plenary-link:";
  private static final PdfName ARTIFACT = new PdfName("Artifact");
  static final PdfName TR = new PdfName("TR");

  private final PdfWriter writer;
  private PdfStructureElement document;
  private final Deque<PdfStructureElement> open = new ArrayDeque<>();
  private final String language;

  // Where the last cell event left each of the three buffers it reads (text, background, lines).
  private final PdfContentByte[] canvas = new PdfContentByte[4];
  private final int[] end = new int[4];
  private final List<Link> links = new ArrayList<>();
  // Link annotations placed since the last cell event: they belong to the cell it is for.
  private final List<Placed> placed = new ArrayList<>();

  /** A link's target and the words a screen reader says for it. */
  private record Link(PdfAction action, String description) {}

  /** An annotation put on the page for a link. */
  private record Placed(PdfAnnotation annotation, Link link) {}

  /**
   * Makes {@code writer}'s document tagged, in {@code language} (a BCP 47 tag). Call before the
   * document opens.
   */
  PdfTags(PdfWriter writer, String language) {
    this.writer = writer;
    this.language = language;
    writer.setTagged();
    writer.setTabs(PdfName.S);
  }

  /** The root element (made when first needed: the writer has no body before it opens). */
  private PdfStructureElement parent() {
    if (document == null) {
      document = new PdfStructureElement(writer.getStructureTreeRoot(), PdfName.DOCUMENT);
      document.put(PdfName.LANG, new PdfString(language));
      open.push(document);
    }
    return open.peek();
  }

  /** A new structure element of {@code type} under the one open now. */
  PdfStructureElement element(PdfName type) {
    return new PdfStructureElement(parent(), type);
  }

  /**
   * A new structure element for {@code text}, with its language when the text is in another script
   * than the document's (so a screen reader switches voice for it).
   */
  PdfStructureElement element(PdfName type, String text) {
    PdfStructureElement e = element(type);
    String other = otherLanguage(text, language);
    if (other != null) {
      e.put(PdfName.LANG, new PdfString(other));
    }
    return e;
  }

  /** Table header cells, which head their column. */
  PdfStructureElement headerCell(String text) {
    PdfStructureElement th = element(PdfName.TH, text);
    PdfDictionary attributes = new PdfDictionary();
    attributes.put(PdfName.O, PdfName.TABLE);
    attributes.put(new PdfName("Scope"), new PdfName("Column"));
    th.put(PdfName.A, attributes);
    return th;
  }

  /**
   * The language of text in another script than {@code language}'s, by the script of its first
   * letter: a script tells the language only roughly (Cyrillic is Russian here, Han Chinese), which
   * is still the voice a screen reader needs; null when the scripts agree.
   */
  static String otherLanguage(String text, String language) {
    Character.UnicodeScript script = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        script = Character.UnicodeScript.of(cp);
        break;
      }
    }
    if (script == null || script == scriptOf(language)) {
      return null;
    }
    return switch (script) {
      case LATIN -> "en";
      case ARABIC -> "ar";
      case CYRILLIC -> "ru";
      case HAN -> "zh";
      case HIRAGANA, KATAKANA -> "ja";
      case HANGUL -> "ko";
      case HEBREW -> "he";
      case GREEK -> "el";
      case DEVANAGARI -> "hi";
      case BENGALI -> "bn";
      case THAI -> "th";
      case ARMENIAN -> "hy";
      case GEORGIAN -> "ka";
      case ETHIOPIC -> "am";
      default -> null;
    };
  }

  private static Character.UnicodeScript scriptOf(String language) {
    String primary = language.toLowerCase(java.util.Locale.ROOT).replaceFirst("[-_].*", "");
    return switch (primary) {
      case "ar", "fa", "ur", "ps" -> Character.UnicodeScript.ARABIC;
      case "ru", "uk", "be", "bg", "mk", "kk", "ky", "mn", "tg" -> Character.UnicodeScript.CYRILLIC;
      case "zh" -> Character.UnicodeScript.HAN;
      case "ja" -> Character.UnicodeScript.HIRAGANA;
      case "ko" -> Character.UnicodeScript.HANGUL;
      case "he", "yi" -> Character.UnicodeScript.HEBREW;
      case "el" -> Character.UnicodeScript.GREEK;
      case "hi", "mr", "ne" -> Character.UnicodeScript.DEVANAGARI;
      case "th" -> Character.UnicodeScript.THAI;
      case "am", "ti" -> Character.UnicodeScript.ETHIOPIC;
      default -> Character.UnicodeScript.LATIN;
    };
  }

  /** A new element of {@code type}, which holds the elements made until {@link #close}. */
  PdfStructureElement begin(PdfName type) {
    PdfStructureElement e = element(type);
    open.push(e);
    return e;
  }

  /** Makes {@code parent} the open element until {@link #close}. */
  void reopen(PdfStructureElement parent) {
    open.push(parent);
  }

  void close() {
    if (open.size() <= 1) {
      throw new IllegalStateException("Closing the document element");
    }
    open.pop();
  }

  /** Marks what {@code cell} draws as the content of {@code element}. */
  PdfPCell content(PdfPCell cell, PdfStructureElement element) {
    cell.setCellEvent(new Marks(element, false));
    return cell;
  }

  /**
   * Marks what {@code cell}, a header cell, draws as the content of {@code element} the first time;
   * a header row repeated on a later page is an artifact, so it is read once.
   */
  PdfPCell header(PdfPCell cell, PdfStructureElement element) {
    cell.setCellEvent(new Marks(element, true));
    return cell;
  }

  /** Marks {@code cell} as holding only other blocks (which carry their own marks). */
  PdfPCell container(PdfPCell cell) {
    cell.setCellEvent(new Marks(null, false));
    return cell;
  }

  /** Marks everything {@code cell} draws as an artifact (decoration, no content). */
  PdfPCell artifact(PdfPCell cell) {
    cell.setCellEvent(new Marks(null, false));
    return cell;
  }

  /** Marks every cell of {@code table} as decoration. */
  PdfPTable artifact(PdfPTable table) {
    for (var row : table.getRows()) {
      for (PdfPCell c : row.getCells()) {
        if (c != null) {
          artifact(c);
        }
      }
    }
    return table;
  }

  /** Wraps what {@code draw} puts on {@code cb} (running headers, footers) as an artifact. */
  static void artifact(PdfContentByte cb, Runnable draw) {
    PdfDictionary props = new PdfDictionary();
    props.put(PdfName.TYPE, new PdfName("Pagination"));
    cb.beginMarkedContentSequence(ARTIFACT, props, true);
    draw.run();
    cb.endMarkedContentSequence();
  }

  /**
   * The tag to give the chunks of a link to {@code action}; {@code description} is what a screen
   * reader announces for it.
   */
  String link(PdfAction action, String description) {
    links.add(new Link(action, description));
    return LINK_TAG + (links.size() - 1);
  }

  @Override
  public void onGenericTag(PdfWriter writer, Document doc, Rectangle rect, String tag) {
    if (!tag.startsWith(LINK_TAG)) {
      return;
    }
    Link link = links.get(Integer.parseInt(tag.substring(LINK_TAG.length())));
    PdfAnnotation a =
        new PdfAnnotation(
            writer,
            rect.getLeft(),
            rect.getBottom(),
            rect.getRight(),
            rect.getTop(),
            link.action());
    a.put(PdfName.CONTENTS, new PdfString(link.description(), PdfObject.TEXT_UNICODE));
    a.setBorder(new com.lowagie.text.pdf.PdfBorderArray(0, 0, 0));
    writer.addAnnotation(a);
    placed.add(new Placed(a, link));
  }

  /** The cell event that marks what a cell drew since the previous cell's event. */
  private final class Marks implements PdfPCellEvent {
    private final PdfStructureElement element;
    private final boolean header;
    private int drawn;

    /** {@code element}: null for a cell that marks nothing of its own. */
    Marks(PdfStructureElement element, boolean header) {
      this.element = element;
      this.header = header;
    }

    @Override
    public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
      wrap(canvases, PdfPTable.BACKGROUNDCANVAS, null);
      wrap(canvases, PdfPTable.LINECANVAS, null);
      // A header row is drawn again on every page the table goes over (by copies of its cells,
      // which share this event); the later ones are decoration.
      boolean repeated = header && drawn++ > 0;
      if (element == null || repeated) {
        // A repeated header row, decoration, or a container (whose blocks marked their own).
        wrap(canvases, PdfPTable.TEXTCANVAS, null);
        placed.clear();
        return;
      }
      wrap(canvases, PdfPTable.TEXTCANVAS, element);
      attachLinks();
    }

    /**
     * Wraps what {@code canvases[which]} received since the previous cell event in marked content
     * for {@code content}, or in an artifact when it is null.
     */
    private void wrap(PdfContentByte[] canvases, int which, PdfStructureElement content) {
      PdfContentByte cb = canvases[which];
      if (canvas[which] != cb) {
        canvas[which] = cb;
        end[which] = 0;
      }
      ByteBuffer b = cb.getInternalBuffer();
      int from = Math.min(end[which], b.size());
      if (b.size() > from) {
        byte[] tail = Arrays.copyOfRange(b.getBuffer(), from, b.size());
        b.setSize(from);
        if (content == null) {
          cb.beginMarkedContentSequence(ARTIFACT);
        } else {
          cb.beginMarkedContentSequence(content);
        }
        b.append(tail);
        cb.endMarkedContentSequence();
      }
      end[which] = b.size();
    }

    /** Links drawn in this cell: each a Link element, child of the cell's, with its annotations. */
    private void attachLinks() {
      if (placed.isEmpty()) {
        return;
      }
      PdfObject k = element.get(PdfName.K);
      if (k == null) {
        placed.clear();
        return;
      }
      PdfArray kids;
      if (k instanceof PdfArray a) {
        kids = a;
      } else {
        kids = new PdfArray();
        kids.add(k);
        element.put(PdfName.K, kids);
      }
      Map<Link, List<PdfAnnotation>> byLink = new java.util.LinkedHashMap<>();
      for (Placed p : placed) {
        byLink.computeIfAbsent(p.link(), l -> new ArrayList<>()).add(p.annotation());
      }
      try {
        for (var e : byLink.entrySet()) {
          PdfIndirectReference ref = writer.getPdfIndirectReference();
          PdfDictionary link = new PdfDictionary(new PdfName("StructElem"));
          link.put(PdfName.S, PdfName.LINK);
          link.put(PdfName.P, element.getReference());
          link.put(PdfName.ALT, new PdfString(e.getKey().description(), PdfObject.TEXT_UNICODE));
          PdfArray objects = new PdfArray();
          for (PdfAnnotation a : e.getValue()) {
            PdfDictionary objr = new PdfDictionary(PdfName.OBJR);
            objr.put(PdfName.OBJ, a.getIndirectReference());
            objr.put(PdfName.PG, writer.getCurrentPage());
            objects.add(objr);
            a.put(
                PdfName.STRUCTPARENT,
                new PdfNumber(writer.getStructureTreeRoot().addExistingObject(ref)));
          }
          link.put(PdfName.K, objects);
          writer.addToBody(link, ref);
          kids.add(ref);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      placed.clear();
    }
  }
}
