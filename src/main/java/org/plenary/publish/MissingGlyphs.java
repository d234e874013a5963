package org.plenary.publish;

import java.util.List;

/** The paper has characters that no installed font can show; nothing is published half-set. */
public final class MissingGlyphs extends RuntimeException {
  private final List<String> characters;

  MissingGlyphs(List<String> characters) {
    super(
        "No installed font has "
            + characters.size()
            + " character(s) of this paper, so it cannot be set without losing them: "
            + String.join("; ", characters.stream().distinct().limit(10).toList())
            + (characters.size() > 10 ? "; …" : "")
            + ". Replace them, or install a font that has them.");
    this.characters = List.copyOf(characters);
  }

  public List<String> characters() {
    return characters;
  }
}
