package org.plenary.coedit;

import org.plenary.identity.Account;
import org.plenary.identity.People;
import org.plenary.identity.People.Audience;

/**
 * Who a cursor belongs to, as the server writes it into every awareness state it relays (the {@code
 * user} field; whatever a client claims there is dropped). {@code name} is the person as the
 * recipient may see them ({@link People#present}: the people in the room see names, observers see
 * "A participant" for someone who chose not to be named). Colour is never the only cue: each person
 * also has a {@code shape} and a {@code label} (their initials, or the presented name when they are
 * not to be identified).
 *
 * <p>The colours are Okabe and Ito's palette for colour-blind readers (without its yellow, which a
 * thin cursor on white does not show); {@code colorLight} is the same at 20% for selections, as
 * {@code y-codemirror.next} expects. Colour and shape are stable per person and paper, not per
 * account: an unnamed participant's colour does not follow them from one paper to the next.
 */
public record CursorUser(String name, String color, String colorLight, String shape, String label) {

  static final String[] COLORS = {"#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7"};
  static final String[] SHAPES = {"●", "▲", "■", "◆", "★"};

  /** How one person's cursor looks to each audience of a paper. */
  public record Looks(CursorUser inTheRoom, CursorUser outside) {
    public CursorUser to(Audience audience) {
      return audience == Audience.IN_THE_ROOM ? inTheRoom : outside;
    }
  }

  /** How {@code account}'s cursor in {@code paperId} looks to each audience. */
  public static Looks looks(Account account, long paperId) {
    return new Looks(
        of(account, paperId, Audience.IN_THE_ROOM), of(account, paperId, Audience.OUTSIDE));
  }

  static CursorUser of(Account account, long paperId, Audience audience) {
    People.Shown shown = People.present(account, audience);
    long h = mix(paperId * 0x9E3779B97F4A7C15L + account.id);
    String color = COLORS[(int) Math.floorMod(h, (long) COLORS.length)];
    String shape = SHAPES[(int) Math.floorMod(h / COLORS.length, (long) SHAPES.length)];
    String label = shown.identified() ? initials(shown.displayName()) : shown.displayName();
    return new CursorUser(shown.displayName(), color, color + "33", shape, label);
  }

  /** The first letters of the first and last word ("Amina Diallo" → "AD"), upper case. */
  static String initials(String name) {
    String[] words = name.strip().split("\\s+");
    if (words.length == 0 || words[0].isEmpty()) {
      return "?";
    }
    StringBuilder out = new StringBuilder().appendCodePoint(words[0].codePointAt(0));
    if (words.length > 1) {
      out.appendCodePoint(words[words.length - 1].codePointAt(0));
    }
    return out.toString().toUpperCase(java.util.Locale.ROOT);
  }

  /** SplitMix64's finaliser: neighbouring ids get unrelated colours. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
