package org.plenary.platform.error;

import java.util.List;
import java.util.Map;

/** The thing does not exist, or does not exist for the caller. */
public final class NotFound extends DomainException {
  public NotFound(String what, Object id) {
    super("There is no " + what + " " + id + ".", List.of(), Map.of());
  }

  public NotFound(String message) {
    super(message, List.of(), Map.of());
  }
}
