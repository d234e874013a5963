package org.plenary.platform.error;

import java.util.List;
import java.util.Map;

/** The thing existed but can no longer be used (an expired, revoked or used-up link). */
public final class Gone extends DomainException {
  public Gone(String message) {
    super(message, List.of(), Map.of());
  }
}
