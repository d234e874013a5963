package org.plenary.importing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** Which link addresses an import keeps: web and mail addresses; others stay as plain text. */
final class ImportLinks {

  private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

  private ImportLinks() {}

  /** The address when it may be kept as a link, otherwise null (and a note in the report). */
  static String safe(String address, DocxInline.Context context) {
    if (address == null || address.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(address.strip());
      String scheme = uri.getScheme();
      if (scheme != null && SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
        return uri.toString();
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    context.noticed(ImportNote.Kind.LINK_DROPPED, address.strip());
    return null;
  }
}
