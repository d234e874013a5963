package org.plenary.publish;

import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Where a line of Chinese (or Japanese) may break: OpenPDF breaks after any ideograph, so a line
 * could start with a full-width comma. This keeps its breaks but refuses one that would start a
 * line with a closing mark or end a line with an opening one (the rule of GB/T 15834 and JIS X 4051
 * "kinsoku"), and allows a break after a closing mark, which OpenPDF does not for full-width forms.
 */
final class CjkLineBreaks extends DefaultSplitCharacter {

  static final CjkLineBreaks RULES = new CjkLineBreaks();

  /** Closing and middle marks that may not start a line. */
  static final String NO_LINE_START = "，。、；：？！）」』】〕〉》〗〙〛｝］．，・…‥〜ー々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";

  /** Opening marks that may not end a line. */
  static final String NO_LINE_END = "（「『【〔〈《〖〘〚｛［";

  private CjkLineBreaks() {}

  @Override
  public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
    char c = getCurrentCharacter(current, cc, ck);
    if (NO_LINE_END.indexOf(c) >= 0) {
      return false;
    }
    if (current + 1 < end && current + 1 < cc.length) {
      char next = getCurrentCharacter(current + 1, cc, ck);
      if (NO_LINE_START.indexOf(next) >= 0) {
        return false;
      }
      if (NO_LINE_START.indexOf(c) >= 0 && isCjk(next)) {
        return true;
      }
    }
    return super.isSplitCharacter(start, current, end, cc, ck);
  }

  private static boolean isCjk(char c) {
    return (c >= '\u2e80' && c < '\ud7a0')
        || (c >= '\uf900' && c < '\ufb00')
        || NO_LINE_END.indexOf(c) >= 0;
  }
}
