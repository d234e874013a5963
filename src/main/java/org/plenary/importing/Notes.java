package org.plenary.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The notes of one import, each kind and detail once with how often it came up. */
final class Notes {

  private record Key(ImportNote.Kind kind, String detail) {}

  private final Map<Key, Integer> counts = new LinkedHashMap<>();

  void add(ImportNote.Kind kind, String detail) {
    counts.merge(new Key(kind, detail), 1, Integer::sum);
  }

  void addAll(List<ImportNote> notes) {
    for (ImportNote n : notes) {
      counts.merge(new Key(n.kind(), n.detail()), n.count(), Integer::sum);
    }
  }

  List<ImportNote> list() {
    List<ImportNote> out = new ArrayList<>();
    counts.forEach(
        (k, n) ->
            out.add(
                new ImportNote(k.kind(), k.detail(), n, Objects.requireNonNull(k.kind().message))));
    return out;
  }
}
