package org.plenary.publish;

import java.math.BigInteger;
import javax.xml.namespace.QName;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STVerticalAlignRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLanguage;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STUnderline;

/**
 * What a Word file from Plenary looks like: its styles (defined as Word defines its built-in ones,
 * so headings reach the navigation pane and the contents), list definitions, page and colours.
 * {@link DocxExport} writes the content in them.
 */
final class DocxStyles {
  private DocxStyles() {}

  static final String ACCENT = "1F4E79";
  static final String MUTED = "555B66";
  static final String RULE = "C8CDD4";
  static final String HEAD_FILL = "E8ECF1";
  static final String SUMMARY_FILL = "EEF2F7";
  static final String CODE_FILL = "F3F4F6";
  static final String QUOTE_RULE = "B0B8C4";
  static final String SERIF = "Georgia";
  static final String COMPLEX = "Arial";
  static final String MONO = "Consolas";

  /** A4 with 2.54 cm margins, in twentieths of a point: the width tables are divided across. */
  static final int PAGE_WIDTH = 11906;

  static final int PAGE_HEIGHT = 16838;
  static final int MARGIN = 1440;
  static final int TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

  /** Indentation of one list level and of one block quote level. */
  static final int LIST_INDENT = 720;

  static final int QUOTE_INDENT = 567;
  static final String[] BULLETS = {"•", "◦", "▪"};

  /**
   * The styles part. A document POI makes from nothing has none, and Word only puts paragraphs in
   * its navigation pane and contents when their style is the built-in heading (style name "heading
   * 1" and an outline level), so those are defined here as Word defines them.
   */
  static void apply(XWPFDocument doc, String language) {
    CTStyles styles = CTStyles.Factory.newInstance();
    var defaults = styles.addNewDocDefaults();
    CTRPr rpr = defaults.addNewRPrDefault().addNewRPr();
    CTFonts fonts = rpr.addNewRFonts();
    fonts.setAscii(SERIF);
    fonts.setHAnsi(SERIF);
    fonts.setCs(COMPLEX);
    rpr.addNewSz().setVal(BigInteger.valueOf(22));
    rpr.addNewSzCs().setVal(BigInteger.valueOf(22));
    CTLanguage lang = rpr.addNewLang();
    lang.setVal(language);
    if (language.matches("(?i)(ar|he|fa|ur).*")) {
      lang.setBidi(language);
    } else if (language.matches("(?i)(zh|ja|ko).*")) {
      lang.setEastAsia(language);
    }
    spacing(defaults.addNewPPrDefault().addNewPPr().addNewSpacing(), 0, 120, 276);

    CTStyle normal = style(styles, STStyleType.PARAGRAPH, "Normal", "Normal", null);
    normal.setDefault(Boolean.TRUE);
    CTStyle font = style(styles, STStyleType.CHARACTER, "DefaultParagraphFont", null, null);
    font.addNewName().setVal("Default Paragraph Font");
    font.setDefault(Boolean.TRUE);
    font.addNewUiPriority().setVal(BigInteger.ONE);
    font.addNewSemiHidden();
    font.addNewUnhideWhenUsed();

    CTStyle title = style(styles, STStyleType.PARAGRAPH, "Title", "Title", "Normal");
    spacing(title.addNewPPr().addNewSpacing(), 0, 120, 240);
    text(title.addNewRPr(), 52, ACCENT, false, false);
    CTStyle subtitle = style(styles, STStyleType.PARAGRAPH, "Subtitle", "Subtitle", "Normal");
    spacing(subtitle.addNewPPr().addNewSpacing(), 0, 240, 276);
    text(subtitle.addNewRPr(), 28, MUTED, false, false);
    int[] sizes = {32, 26, 24, 22};
    for (int level = 1; level <= 4; level++) {
      CTStyle h =
          style(styles, STStyleType.PARAGRAPH, "Heading" + level, "heading " + level, "Normal");
      h.addNewUiPriority().setVal(BigInteger.valueOf(9));
      CTPPrGeneral ppr = h.addNewPPr();
      ppr.addNewKeepNext();
      ppr.addNewKeepLines();
      spacing(ppr.addNewSpacing(), level == 1 ? 360 : 240, 120, 276);
      ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
      text(h.addNewRPr(), sizes[level - 1], level <= 2 ? ACCENT : null, true, level == 4);
    }
    CTStyle list =
        style(styles, STStyleType.PARAGRAPH, "ListParagraph", "List Paragraph", "Normal");
    list.addNewPPr().addNewContextualSpacing();
    CTStyle quote = style(styles, STStyleType.PARAGRAPH, "Quote", "Quote", "Normal");
    CTPPrGeneral qp = quote.addNewPPr();
    qp.addNewInd().setLeft(BigInteger.valueOf(QUOTE_INDENT));
    border(qp.addNewPBdr().addNewLeft(), 18, 8, QUOTE_RULE);
    text(quote.addNewRPr(), 0, "333333", false, false);
    CTStyle code = style(styles, STStyleType.PARAGRAPH, "CodeBlock", "Code Block", "Normal");
    CTPPrGeneral cp = code.addNewPPr();
    spacing(cp.addNewSpacing(), 0, 120, 240);
    shade(cp.addNewShd(), CODE_FILL);
    mono(code.addNewRPr(), 19);
    CTStyle inline = style(styles, STStyleType.CHARACTER, "HTMLCode", "HTML Code", null);
    mono(inline.addNewRPr(), 20);
    CTStyle note = style(styles, STStyleType.PARAGRAPH, "FootnoteText", "footnote text", "Normal");
    spacing(note.addNewPPr().addNewSpacing(), 0, 0, 240);
    text(note.addNewRPr(), 18, null, false, false);
    CTStyle mark = style(styles, STStyleType.CHARACTER, "FootnoteReference", null, null);
    mark.addNewName().setVal("footnote reference");
    mark.addNewRPr().addNewVertAlign().setVal(STVerticalAlignRun.SUPERSCRIPT);
    CTStyle link = style(styles, STStyleType.CHARACTER, "Hyperlink", null, null);
    link.addNewName().setVal("Hyperlink");
    CTRPr lr = link.addNewRPr();
    lr.addNewColor().setVal("0563C1");
    lr.addNewU().setVal(STUnderline.SINGLE);
    doc.createStyles().setStyles(styles);
  }

  /** A style; {@code name} set makes it a quick style (shown in Word's style gallery). */
  private static CTStyle style(
      CTStyles styles, STStyleType.Enum type, String id, String name, String basedOn) {
    CTStyle s = styles.addNewStyle();
    s.setType(type);
    s.setStyleId(id);
    if (name != null) {
      s.addNewName().setVal(name);
    }
    if (basedOn != null) {
      s.addNewBasedOn().setVal(basedOn);
      s.addNewNext().setVal("Normal");
    }
    if (name != null) {
      s.addNewQFormat();
    }
    return s;
  }

  private static void text(CTRPr r, int halfPoints, String color, boolean bold, boolean italic) {
    if (bold) {
      r.addNewB();
      r.addNewBCs();
    }
    if (italic) {
      r.addNewI();
      r.addNewICs();
    }
    if (color != null) {
      r.addNewColor().setVal(color);
    }
    if (halfPoints > 0) {
      r.addNewSz().setVal(BigInteger.valueOf(halfPoints));
      r.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
    }
  }

  private static void mono(CTRPr r, int halfPoints) {
    CTFonts f = r.addNewRFonts();
    f.setAscii(MONO);
    f.setHAnsi(MONO);
    r.addNewSz().setVal(BigInteger.valueOf(halfPoints));
  }

  static void spacing(CTSpacing s, int before, int after, int line) {
    s.setBefore(BigInteger.valueOf(before));
    s.setAfter(BigInteger.valueOf(after));
    s.setLine(BigInteger.valueOf(line));
    s.setLineRule(STLineSpacingRule.AUTO);
  }

  private static void shade(CTShd shd, String fill) {
    shd.setVal(STShd.CLEAR);
    shd.setColor("auto");
    shd.setFill(fill);
  }

  static void shade(CTPPr ppr, String fill) {
    shade(ppr.isSetShd() ? ppr.getShd() : ppr.addNewShd(), fill);
  }

  static void border(CTBorder b, int eighths, int space, String color) {
    b.setVal(STBorder.SINGLE);
    b.setSz(BigInteger.valueOf(eighths));
    b.setSpace(BigInteger.valueOf(space));
    b.setColor(color);
  }

  static CTAbstractNum listDefinition(int id, boolean bullets) {
    CTAbstractNum a = CTAbstractNum.Factory.newInstance();
    a.setAbstractNumId(BigInteger.valueOf(id));
    STNumberFormat.Enum[] formats = {
      STNumberFormat.DECIMAL, STNumberFormat.LOWER_LETTER, STNumberFormat.LOWER_ROMAN
    };
    for (int i = 0; i < 9; i++) {
      CTLvl l = a.addNewLvl();
      l.setIlvl(BigInteger.valueOf(i));
      l.addNewStart().setVal(BigInteger.ONE);
      l.addNewNumFmt().setVal(bullets ? STNumberFormat.BULLET : formats[i % 3]);
      l.addNewLvlText().setVal(bullets ? BULLETS[i % 3] : "%" + (i + 1) + ".");
      l.addNewLvlJc().setVal(STJc.LEFT);
      CTInd ind = l.addNewPPr().addNewInd();
      ind.setLeft(BigInteger.valueOf((long) LIST_INDENT * (i + 1)));
      ind.setHanging(BigInteger.valueOf(360));
    }
    return a;
  }

  /**
   * Word 2013 and later behaviour: without it Word opens the file in "compatibility mode" (as an
   * old Word 2007 file), which reviewers would see in the title bar. POI's slim schema set has no
   * class for this element, so it is written with a cursor.
   */
  static void compatibility(XWPFDocument doc) {
    String w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    try (XmlCursor c = doc.getSettings().getCTSettings().newCursor()) {
      c.toEndToken();
      c.beginElement(new QName(w, "compat", "w"));
      c.beginElement(new QName(w, "compatSetting", "w"));
      c.insertAttributeWithValue(new QName(w, "name", "w"), "compatibilityMode");
      c.insertAttributeWithValue(
          new QName(w, "uri", "w"), "http://schemas.microsoft.com/office/word");
      c.insertAttributeWithValue(new QName(w, "val", "w"), "15");
    }
  }
}
