package org.plenary.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of text, as lowercase hex (revision checksums and the stored form of secrets), and the
 * secrets themselves: random, URL-safe, shown once and stored only as their SHA-256.
 */
public final class Digests {
  private Digests() {}

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  /** A new random secret of {@code bytes} bytes, URL-safe Base64 without padding. */
  public static String newSecret(int bytes) {
    byte[] secret = new byte[bytes];
    RANDOM.nextBytes(secret);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  public static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** SHA-256 of the text's UTF-8 bytes, standard Base64 (as a CSP {@code 'sha256-…'} source). */
  public static String sha256Base64(String text) {
    try {
      return java.util.Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
