package org.plenary.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.plenary.platform.error.Conflict;
import org.plenary.platform.error.Invalid;

/**
 * {@code @handles}: 2 to 30 characters of ASCII letters, digits, '.', '_' and '-', starting with a
 * letter or digit; unique regardless of case. Used in mentions, so they must be easy to type on any
 * keyboard.
 */
@ApplicationScoped
public class Handles {

  static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,29}");

  /** Refuses a handle that is malformed or taken (by another account than {@code self}). */
  public String requireAvailable(String field, String handle, Long self) {
    String h = handle == null ? "" : handle.strip();
    if (h.startsWith("@")) {
      h = h.substring(1);
    }
    if (!VALID.matcher(h).matches()) {
      throw new Invalid(
          field,
          "must be 2 to 30 letters (a-z), digits, '.', '_' or '-', starting with a letter or digit");
    }
    var existing = Account.byHandle(h);
    if (existing.isPresent() && !existing.get().id.equals(self)) {
      throw new Conflict("The handle @" + h + " is taken; choose another one.");
    }
    return h;
  }

  /** A free handle made from {@code wish} (accents dropped, taken ones get a number). */
  public String free(String wish) {
    String base =
        Normalizer.normalize(wish, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .replaceAll("[^A-Za-z0-9._-]", "")
            .toLowerCase(Locale.ROOT);
    base = base.replaceAll("^[._-]+", "");
    if (base.length() < 2) {
      base = "member";
    }
    if (base.length() > 26) {
      base = base.substring(0, 26);
    }
    String candidate = base;
    for (int i = 2; Account.byHandle(candidate).isPresent(); i++) {
      candidate = base + i;
    }
    return candidate;
  }
}
