package org.plenary.section;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Strong entity tags for a section's content. They are made from the section id and its current
 * revision number, not from the body: restoring an old revision brings an old body back, and a
 * client holding that body's old tag must still be told that the section moved on.
 */
public final class ETags {
  private ETags() {}

  public static String of(long sectionId, int revision) {
    return "\"s" + sectionId + "-r" + revision + "\"";
  }

  /**
   * The revisions of this section that an {@code If-Match} header names. Weak tags and other
   * sections' tags never match (strong comparison, RFC 9110 section 13.1.1).
   */
  public static Precondition parseIfMatch(String header, long sectionId) {
    if (header == null || header.isBlank()) {
      return new Precondition(false, false, Set.of());
    }
    if (header.strip().equals("*")) {
      return new Precondition(true, true, Set.of());
    }
    String prefix = "\"s" + sectionId + "-r";
    Set<Integer> revisions =
        Arrays.stream(header.split(","))
            .map(String::strip)
            .filter(tag -> tag.startsWith(prefix) && tag.endsWith("\"") && tag.length() > 1)
            .map(tag -> tag.substring(prefix.length(), tag.length() - 1))
            .filter(n -> n.matches("[0-9]{1,9}"))
            .map(Integer::valueOf)
            .collect(Collectors.toUnmodifiableSet());
    return new Precondition(true, false, revisions);
  }

  /** What an {@code If-Match} header said. */
  public record Precondition(boolean present, boolean wildcard, Set<Integer> revisions) {
    public boolean matches(int current) {
      return revisions.contains(current);
    }
  }
}
