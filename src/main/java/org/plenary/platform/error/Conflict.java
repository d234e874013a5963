package org.plenary.platform.error;

import java.util.List;
import java.util.Map;

/** The request is well formed but clashes with the current state (e.g. a frozen paper). */
public final class Conflict extends DomainException {
  public Conflict(String message) {
    super(message, List.of(), Map.of());
  }

  public Conflict(String message, Map<String, Object> details) {
    super(message, List.of(), details);
  }
}
