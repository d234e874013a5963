package org.plenary.platform.error;

import java.util.List;
import java.util.Map;

/** A change that must name the version it was based on did not (no {@code If-Match}). */
public final class PreconditionRequired extends DomainException {
  public PreconditionRequired(String message) {
    super(message, List.of(), Map.of());
  }
}
