package org.plenary.platform.error;

import java.util.List;
import java.util.Map;

/** A field (or the whole request) is larger than Plenary accepts. */
public final class TooLarge extends DomainException {
  public TooLarge(String field, String message) {
    super(message, List.of(new FieldProblem(field, message)), Map.of());
  }
}
