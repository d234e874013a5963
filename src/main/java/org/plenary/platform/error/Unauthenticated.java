package org.plenary.platform.error;

import java.util.List;
import java.util.Map;

/** The caller did not sign in, or its token is not (or no longer) valid. */
public final class Unauthenticated extends DomainException {
  public Unauthenticated(String message) {
    super(message, List.of(), Map.of());
  }
}
