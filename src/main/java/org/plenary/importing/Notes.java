package org.plenary.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The notes of one import, each kind and detail once with how often it came up. */
final class Notes {

  private record Key(ImportNote.Kind kind, String detail) {}

  private final Map<Key, Integer> counts = new LinkedHashMap<>();

  void add(ImportNote.Kind kind, String detail) {
    counts.merge(new Key(kind, detail), 1, Integer::sum);
  }

  List<ImportNote> list() {
    List<ImportNote> out = new ArrayList<>();
    counts.forEach((k, n) -> out.add(new ImportNote(k.kind(), k.detail(), n, k.kind().message)));
    return out;
  }
}
