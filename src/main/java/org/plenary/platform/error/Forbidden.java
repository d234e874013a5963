package org.plenary.platform.error;

import java.util.List;
import java.util.Map;

/** The caller may see the thing but not do this to it. */
public final class Forbidden extends DomainException {
  public Forbidden(String message) {
    super(message, List.of(), Map.of());
  }
}
