package org.plenary.importing;

import static org.plenary.importing.DocxInline.W;
import static org.plenary.importing.DocxInline.child;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractFootnoteEndnote;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlink;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.plenary.importing.MarkdownText.Piece;
import org.plenary.platform.error.Invalid;
import org.w3c.dom.Element;

/**
 * A Word document (DOCX) as Markdown, read with Apache POI: headings ({@code #} by the paragraph
 * style's heading level or outline level), paragraphs, emphasis, nested lists (bulleted or numbered
 * as the numbering defines them), tables (GitHub pipe tables, the first row the header), block
 * quotes, links, footnotes and endnotes (Markdown footnotes). The document's title (the Title
 * style) is returned apart. What the Markdown cannot hold is listed in the notes.
 */
final class DocxMarkdown implements DocxInline.Context {

  static {
    // POI's own zip-bomb guards, behind ImportFile's first read (which already refused bombs).
    ZipSecureFile.setMinInflateRatio(1.0 / ImportFile.MAX_RATIO);
    ZipSecureFile.setMaxEntrySize(ImportFile.MAX_UNZIPPED_BYTES);
  }

  /** The document as Markdown and its title (or null). */
  record Converted(String markdown, String title) {}

  private final XWPFDocument doc;
  private final Notes notes;
  private final Map<String, Integer> headingLevels = new LinkedHashMap<>();
  private final List<String> footnotes = new ArrayList<>();
  private final StringBuilder out = new StringBuilder();
  private final int[] markerWidths = new int[10];
  private final int[] numbers = new int[10];
  private BigInteger listNumId;
  private boolean inList;
  private String title;

  private DocxMarkdown(XWPFDocument doc, Notes notes) {
    this.doc = doc;
    this.notes = notes;
  }

  /** The document read; what the report must say goes to {@code notes}. */
  static Converted convert(byte[] bytes, Notes notes) {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      DocxMarkdown c = new DocxMarkdown(doc, notes);
      for (IBodyElement e : doc.getBodyElements()) {
        c.block(e);
      }
      return new Converted(c.finish(), c.title);
    } catch (EncryptedDocumentException e) {
      throw new Invalid("file", "is encrypted (protected by a password): remove the password");
    } catch (Invalid e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new Invalid("file", "could not be read as a Word document (" + reason(e) + ")");
    }
  }

  private static String reason(Exception e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }

  private String finish() {
    StringBuilder md = new StringBuilder(out.toString().strip());
    if (!footnotes.isEmpty()) {
      md.append("\n\n");
      for (int i = 0; i < footnotes.size(); i++) {
        md.append("[^").append(i + 1).append("]: ").append(footnotes.get(i)).append("\n\n");
      }
    }
    return md.toString().strip() + "\n";
  }

  private void block(IBodyElement e) {
    if (e instanceof XWPFParagraph p) {
      paragraph(p);
    } else if (e instanceof XWPFTable t) {
      table(t);
    } else if (e instanceof XWPFSDT sdt) {
      String text = sdt.getContent().getText();
      if (text != null && !text.isBlank()) {
        plainBlock(text);
      }
    }
  }

  private void paragraph(XWPFParagraph p) {
    Element xml = xml(p);
    String style = p.getStyleID();
    String styleName = styleName(style);
    if (styleName.startsWith("toc ") || styleName.equals("toc heading")) {
      notes.add(ImportNote.Kind.TABLE_OF_CONTENTS, null);
      return;
    }
    List<Piece> pieces = DocxInline.pieces(xml, this);
    String text = MarkdownText.inline(pieces, false);
    textBoxes(xml);
    if (text.isBlank()) {
      return;
    }
    if (styleName.equals("title") && title == null) {
      title = MarkdownText.plain(pieces);
      return;
    }
    int level = headingLevel(p, style);
    if (level > 0) {
      startBlock(false);
      out.append("#".repeat(Math.min(level, 6))).append(' ').append(text.replace("\\\n", " "));
      return;
    }
    BigInteger[] numbering = numbering(p, style);
    if (numbering != null) {
      listItem(numbering[0], numbering[1].intValue(), text);
      return;
    }
    startBlock(false);
    boolean quote = styleName.contains("quot") || styleName.equals("block text");
    out.append(quote ? "> " + text.replace("\n", "\n> ") : text);
  }

  private static Element xml(XWPFParagraph p) {
    return (Element) p.getCTP().getDomNode();
  }

  /** A paragraph's text as Markdown ({@code inTable}: for a table cell). */
  private String inline(Element paragraph, boolean inTable) {
    return MarkdownText.inline(DocxInline.pieces(paragraph, this), inTable);
  }

  /** Text in text boxes anchored in the paragraph: paragraphs after it, so no word is lost. */
  private void textBoxes(Element paragraph) {
    var boxes = paragraph.getElementsByTagNameNS(W, "txbxContent");
    for (int i = 0; i < boxes.getLength(); i++) {
      for (Element inner : DocxInline.children((Element) boxes.item(i), "p")) {
        String text = inline(inner, false);
        if (!text.isBlank()) {
          startBlock(false);
          out.append(text);
        }
      }
    }
  }

  /**
   * The list a paragraph is an item of, and its level: its own numbering, else its style's (Word's
   * List Bullet and List Number styles carry theirs); null when it is no list item.
   */
  private BigInteger[] numbering(XWPFParagraph p, String styleId) {
    BigInteger numId = p.getNumID();
    BigInteger ilvl = p.getNumIlvl();
    for (XWPFStyle style : styleChain(styleId)) {
      var pPr = style.getCTStyle().getPPr();
      if (numId == null
          && pPr != null
          && pPr.getNumPr() != null
          && pPr.getNumPr().getNumId() != null) {
        numId = pPr.getNumPr().getNumId().getVal();
        if (ilvl == null && pPr.getNumPr().getIlvl() != null) {
          ilvl = pPr.getNumPr().getIlvl().getVal();
        }
      }
    }
    if (numId == null || numId.signum() <= 0) {
      return null;
    }
    return new BigInteger[] {numId, ilvl == null ? BigInteger.ZERO : ilvl};
  }

  private void listItem(BigInteger numId, int ilvl, String text) {
    int level = Math.min(Math.max(ilvl, 0), markerWidths.length - 1);
    boolean ordered = !"bullet".equals(numberFormat(numId, level));
    startBlock(true);
    int indent = 0;
    for (int i = 0; i < level; i++) {
      indent += markerWidths[i] == 0 ? 2 : markerWidths[i];
    }
    if (!numId.equals(listNumId)) {
      Arrays.fill(numbers, 0); // another list: numbering starts again
      listNumId = numId;
    }
    Arrays.fill(numbers, level + 1, numbers.length, 0);
    String marker = ordered ? ++numbers[level] + ". " : "- ";
    markerWidths[level] = marker.length();
    out.append(" ".repeat(indent))
        .append(marker)
        .append(text.replace("\\\n", "\\\n" + " ".repeat(indent + marker.length())));
  }

  private void table(XWPFTable t) {
    List<List<String>> rows = new ArrayList<>();
    int columns = 0;
    for (XWPFTableRow row : t.getRows()) {
      List<String> cells = new ArrayList<>();
      for (XWPFTableCell cell : row.getTableCells()) {
        cells.add(cellText(cell));
        var pr = cell.getCTTc().getTcPr();
        int span =
            pr != null && pr.getGridSpan() != null ? pr.getGridSpan().getVal().intValue() : 1;
        for (int i = 1; i < span; i++) {
          cells.add("");
        }
      }
      columns = Math.max(columns, cells.size());
      rows.add(cells);
    }
    if (rows.isEmpty() || columns == 0) {
      return;
    }
    startBlock(false);
    for (int r = 0; r < rows.size(); r++) {
      List<String> cells = rows.get(r);
      while (cells.size() < columns) {
        cells.add("");
      }
      out.append("| ").append(String.join(" | ", cells)).append(" |\n");
      if (r == 0) {
        out.append("|").append(" --- |".repeat(columns)).append('\n');
      }
    }
    out.setLength(out.length() - 1);
  }

  private String cellText(XWPFTableCell cell) {
    List<String> parts = new ArrayList<>();
    for (IBodyElement e : cell.getBodyElements()) {
      if (e instanceof XWPFParagraph p) {
        parts.add(inline(xml(p), true));
      } else if (e instanceof XWPFTable inner) {
        for (XWPFTableRow row : inner.getRows()) {
          for (XWPFTableCell c : row.getTableCells()) {
            parts.add(cellText(c));
          }
        }
      }
    }
    return String.join(" ", parts.stream().filter(s -> !s.isBlank()).toList()).strip();
  }

  private void plainBlock(String text) {
    startBlock(false);
    out.append(
        MarkdownText.escapeLineStarts(MarkdownText.escape(text.strip(), false))
            .replace("\n", "\\\n"));
  }

  /** Separates the next block from the last: one newline between list items, else a blank line. */
  private void startBlock(boolean listItem) {
    if (!out.isEmpty()) {
      out.append(listItem && inList ? "\n" : "\n\n");
    }
    if (!listItem) {
      Arrays.fill(markerWidths, 0);
      Arrays.fill(numbers, 0);
      listNumId = null;
    }
    inList = listItem;
  }

  // ---- Styles and numbering -----------------------------------------------------------------

  private static final Pattern HEADING_NAME = Pattern.compile("heading ?(\\d)");

  private int headingLevel(XWPFParagraph p, String styleId) {
    Element pPr = child(xml(p), "pPr");
    Element outline = pPr == null ? null : child(pPr, "outlineLvl");
    if (outline != null) {
      int level = outlineLevel(outline);
      if (level > 0) {
        return level;
      }
    }
    return styleId == null ? 0 : headingLevels.computeIfAbsent(styleId, this::styleLevel);
  }

  /** The style's heading level by its name or outline level, else its base style's; 0 if none. */
  private int styleLevel(String styleId) {
    for (XWPFStyle style : styleChain(styleId)) {
      Matcher m = HEADING_NAME.matcher(nameOf(style));
      if (m.matches()) {
        return Integer.parseInt(m.group(1));
      }
      var pPr = style.getCTStyle().getPPr();
      if (pPr != null && pPr.getOutlineLvl() != null) {
        int level = pPr.getOutlineLvl().getVal().intValue() + 1;
        if (level >= 1 && level <= 9) {
          return level;
        }
      }
    }
    return 0;
  }

  /** The style and the styles it is based on, nearest first (at most 10: a loop ends there). */
  private List<XWPFStyle> styleChain(String styleId) {
    List<XWPFStyle> chain = new ArrayList<>();
    for (XWPFStyle s = style(styleId); s != null && chain.size() <= 10; ) {
      chain.add(s);
      s = style(s.getBasisStyleID());
    }
    return chain;
  }

  private XWPFStyle style(String styleId) {
    XWPFStyles styles = doc.getStyles();
    return styleId == null || styles == null ? null : styles.getStyle(styleId);
  }

  private static String nameOf(XWPFStyle style) {
    return style.getName() == null ? "" : style.getName().toLowerCase(Locale.ROOT);
  }

  private static int outlineLevel(Element outline) {
    try {
      int level = Integer.parseInt(outline.getAttributeNS(W, "val")) + 1;
      return level <= 9 ? level : 0; // 9 is "body text"
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public String styleName(String styleId) {
    XWPFStyle style = style(styleId);
    return style == null ? "" : nameOf(style);
  }

  private String numberFormat(BigInteger numId, int level) {
    XWPFNumbering numbering = doc.getNumbering();
    XWPFNum num = numbering == null ? null : numbering.getNum(numId);
    if (num == null || num.getCTNum().getAbstractNumId() == null) {
      return "bullet";
    }
    XWPFAbstractNum abstractNum =
        numbering.getAbstractNum(num.getCTNum().getAbstractNumId().getVal());
    if (abstractNum == null) {
      return "bullet";
    }
    for (CTLvl lvl : abstractNum.getCTAbstractNum().getLvlArray()) {
      if (lvl.getIlvl() != null && lvl.getIlvl().intValue() == level && lvl.getNumFmt() != null) {
        return lvl.getNumFmt().getVal().toString();
      }
    }
    return "bullet";
  }

  // ---- DocxInline.Context ----------------------------------------------------------------

  @Override
  public String hyperlink(String relationshipId) {
    XWPFHyperlink link = doc.getHyperlinkByID(relationshipId);
    return link == null ? null : link.getURL();
  }

  @Override
  public String note(boolean endnote, int id) {
    XWPFAbstractFootnoteEndnote note = endnote ? doc.getEndnoteByID(id) : doc.getFootnoteByID(id);
    if (note == null) {
      return null;
    }
    List<String> paragraphs = new ArrayList<>();
    for (XWPFParagraph p : note.getParagraphs()) {
      String text = inline(xml(p), false);
      if (!text.isBlank()) {
        paragraphs.add(text.replace("\\\n", "\\\n    "));
      }
    }
    footnotes.add(String.join("\n\n    ", paragraphs));
    return String.valueOf(footnotes.size());
  }

  @Override
  public void noticed(ImportNote.Kind kind, String detail) {
    notes.add(kind, detail);
  }
}
