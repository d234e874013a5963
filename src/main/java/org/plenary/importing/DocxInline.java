package org.plenary.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plenary.importing.MarkdownText.Piece;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The text of one Word paragraph ({@code w:p}), walked in its XML: runs and their formatting,
 * hyperlinks (by relationship or {@code HYPERLINK} field), footnote and endnote references, line
 * breaks; tracked changes read as accepted (insertions kept, deletions left out), which the caller
 * reports; drawings and comments are counted for the report.
 */
final class DocxInline {

  static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  /** What a paragraph walk needs from the document, and what it tells the document. */
  interface Context {
    /** The external address of a hyperlink relationship, or null. */
    String hyperlink(String relationshipId);

    /** The label of a footnote ({@code endnote}: or endnote) once its text is collected. */
    String note(boolean endnote, int id);

    /** The name of a style, lower-cased; empty when there is none. */
    String styleName(String styleId);

    /** Something the import could not keep as it was, for the report. */
    void noticed(ImportNote.Kind kind, String detail);
  }

  private final Context context;
  private final List<Piece> pieces = new ArrayList<>();

  /** Inside a complex field: collecting its instruction, or showing its result. */
  private boolean instruction;

  private String fieldLink;
  private final StringBuilder fieldInstruction = new StringBuilder();

  private DocxInline(Context context) {
    this.context = context;
  }

  /** The paragraph's pieces. */
  static List<Piece> pieces(Element paragraph, Context context) {
    DocxInline walk = new DocxInline(context);
    walk.children(paragraph, new Format(false, false, false, null));
    return walk.pieces;
  }

  private record Format(boolean bold, boolean italic, boolean strike, String link) {
    Format withLink(String url) {
      return new Format(bold, italic, strike, url);
    }
  }

  private void children(Node parent, Format format) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && W.equals(e.getNamespaceURI())) {
        element(e, format);
      } else if (n instanceof Element e && isAlternateContent(e)) {
        fallbackOrFirstChoice(e, format);
      }
    }
  }

  private void element(Element e, Format format) {
    switch (e.getLocalName()) {
      case "r" -> run(e, format);
      case "hyperlink" -> {
        String id = e.getAttributeNS(R, "id");
        String url = id.isEmpty() ? null : ImportLinks.safe(context.hyperlink(id), context);
        children(e, url == null ? format : format.withLink(url));
      }
      case "ins",
          "moveTo",
          "smartTag",
          "customXml",
          "fldSimple",
          "sdt",
          "sdtContent",
          "dir",
          "bdo" ->
          children(e, format);
      case "del", "moveFrom" -> context.noticed(ImportNote.Kind.TRACKED_CHANGES, null);
      default -> {} // bookmarks, comment ranges, proofing marks, paragraph properties
    }
  }

  private void run(Element r, Format outer) {
    Format format = runFormat(r, outer);
    for (Node n = r.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e)) {
        continue;
      }
      if (isAlternateContent(e)) {
        drawing(e);
        continue;
      }
      if (!W.equals(e.getNamespaceURI())) {
        continue;
      }
      switch (e.getLocalName()) {
        case "t" -> text(textOf(e), format);
        case "tab", "ptab" -> text(" ", format);
        case "noBreakHyphen" -> text("-", format);
        case "br" -> {
          String type = e.getAttributeNS(W, "type");
          if (type.isEmpty() || type.equals("textWrapping")) {
            pieces.add(Piece.lineBreak());
          } else {
            text(" ", format);
          }
        }
        case "cr" -> pieces.add(Piece.lineBreak());
        case "instrText" -> fieldInstruction.append(textOf(e));
        case "fldChar" -> fieldChar(e.getAttributeNS(W, "fldCharType"));
        case "footnoteReference", "endnoteReference" -> note(e);
        case "commentReference" -> context.noticed(ImportNote.Kind.COMMENT, null);
        case "drawing", "pict", "object" -> drawing(e);
        default -> {} // delText (a deletion), run properties, marks of footnotes themselves
      }
    }
  }

  private void text(String text, Format format) {
    if (instruction || text.isEmpty()) {
      return;
    }
    String link = fieldLink != null ? fieldLink : format.link;
    pieces.add(new Piece(text, format.bold, format.italic, format.strike, link));
  }

  private static final Pattern HYPERLINK_FIELD =
      Pattern.compile("^\\s*HYPERLINK\\s+\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

  private void fieldChar(String type) {
    switch (type) {
      case "begin" -> {
        instruction = true;
        fieldInstruction.setLength(0);
      }
      case "separate" -> {
        instruction = false;
        Matcher m = HYPERLINK_FIELD.matcher(fieldInstruction);
        fieldLink = m.find() ? ImportLinks.safe(m.group(1), context) : null;
      }
      case "end" -> {
        instruction = false;
        fieldLink = null;
      }
      default -> {}
    }
  }

  private void note(Element e) {
    boolean endnote = e.getLocalName().equals("endnoteReference");
    String id = e.getAttributeNS(W, "id");
    try {
      String label = context.note(endnote, Integer.parseInt(id));
      if (label != null) {
        pieces.add(Piece.footnote(label));
      }
    } catch (NumberFormatException ignored) {
      // A reference without a number points at nothing.
    }
  }

  private void drawing(Element e) {
    if (e.getElementsByTagNameNS(W, "txbxContent").getLength() > 0) {
      context.noticed(ImportNote.Kind.TEXT_BOX, null);
    } else {
      context.noticed(ImportNote.Kind.IMAGE, altText(e));
    }
  }

  /** A drawing's description (or else its title) as the document gives it, or null. */
  private static String altText(Element drawing) {
    for (String tag : List.of("docPr", "cNvPr")) {
      var found = drawing.getElementsByTagNameNS("*", tag);
      for (int i = 0; i < found.getLength(); i++) {
        Element pr = (Element) found.item(i);
        String d =
            pr.getAttribute("descr").isBlank()
                ? pr.getAttribute("title")
                : pr.getAttribute("descr");
        if (!d.isBlank()) {
          return d.strip();
        }
      }
    }
    return null;
  }

  private Format runFormat(Element r, Format outer) {
    Element pr = child(r, "rPr");
    if (pr == null) {
      return outer;
    }
    boolean bold = outer.bold || on(child(pr, "b"));
    boolean italic = outer.italic || on(child(pr, "i"));
    boolean strike = outer.strike || on(child(pr, "strike")) || on(child(pr, "dstrike"));
    Element style = child(pr, "rStyle");
    if (style != null) {
      String n = context.styleName(style.getAttributeNS(W, "val"));
      bold |= n.contains("strong") || n.equals("bold");
      italic |= n.contains("emphasis") || n.equals("italic");
    }
    return new Format(bold, italic, strike, outer.link);
  }

  private static boolean on(Element toggle) {
    if (toggle == null) {
      return false;
    }
    String v = toggle.getAttributeNS(W, "val");
    return !(v.equals("0") || v.equals("false") || v.equals("off") || v.equals("none"));
  }

  /** An element's text (XmlBeans' DOM has no {@code getTextContent}, a DOM level 3 method). */
  private static String textOf(Element e) {
    StringBuilder text = new StringBuilder();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(n.getNodeValue());
      }
    }
    return text.toString();
  }

  /** The first child element of {@code parent} in the Word namespace with that name, or null. */
  static Element child(Element parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (isWord(n, localName)) {
        return (Element) n;
      }
    }
    return null;
  }

  static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (isWord(n, localName)) {
        out.add((Element) n);
      }
    }
    return out;
  }

  /** Whether {@code n} is an element of the Word namespace named {@code localName}. */
  private static boolean isWord(Node n, String localName) {
    return n instanceof Element e
        && W.equals(e.getNamespaceURI())
        && localName.equals(e.getLocalName());
  }

  private static boolean isAlternateContent(Element e) {
    return "AlternateContent".equals(e.getLocalName());
  }

  /**
   * Markup compatibility: the fallback when there is one (older, plainer), else the first choice.
   */
  private void fallbackOrFirstChoice(Element alternate, Format format) {
    Element chosen = null;
    for (Node n = alternate.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getLocalName().equals("Fallback")) {
        chosen = e;
      } else if (n instanceof Element e && chosen == null && e.getLocalName().equals("Choice")) {
        chosen = e;
      }
    }
    if (chosen != null) {
      children(chosen, format);
    }
  }
}
