package org.plenary.identity;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Set;
import org.plenary.platform.error.Invalid;

/**
 * Password hashing and policy for local accounts. Hashing is Argon2id (Password4j) with the OWASP
 * recommendation of 19 MiB memory, 2 iterations and 1 lane; the hash is stored as a PHC string, so
 * its parameters travel with it and can be raised later.
 *
 * <p>Policy (README, "Accounts"): 12 to 256 characters, not only one repeated character, not the
 * handle, not one of the most common passwords. Length beats composition rules (NIST SP 800-63B).
 */
@ApplicationScoped
public class Passwords {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 256;

  private static final Argon2Function ARGON2 =
      Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

  private static final Set<String> COMMON =
      Set.of(
          "123456789012",
          "1234567890123",
          "password1234",
          "passwordpassword",
          "qwertyuiopasdf",
          "qwerty123456",
          "iloveyou1234",
          "administrator",
          "letmein12345",
          "welcome12345",
          "changeme1234",
          "plenary12345",
          "plenaryplenary");

  public String hash(String password) {
    return Password.hash(password).with(ARGON2).getResult();
  }

  public boolean matches(String password, String hash) {
    if (password == null || hash == null || password.length() > MAX_LENGTH) {
      return false;
    }
    return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
  }

  /** A throwaway hash, so a login for an unknown account costs as long as one for a known one. */
  public void burn(String password) {
    hash(password == null ? "" : password.substring(0, Math.min(password.length(), MAX_LENGTH)));
  }

  /** Refuses a password the policy does not allow, naming the field. */
  public void requireAcceptable(String field, String password, String handle) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw new Invalid(field, "must be at least " + MIN_LENGTH + " characters long");
    }
    if (password.length() > MAX_LENGTH) {
      throw new Invalid(field, "must be at most " + MAX_LENGTH + " characters long");
    }
    if (password.chars().distinct().count() < 4) {
      throw new Invalid(field, "must not be one character repeated; a few words make a good one");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower)
        || (handle != null && lower.contains(handle.toLowerCase(Locale.ROOT)))) {
      throw new Invalid(field, "is too easy to guess; a few unrelated words make a good one");
    }
  }
}
