package org.plenary.platform.error;

import java.util.List;
import java.util.Map;

/**
 * The change was based on a version that is no longer current. The details carry the current state
 * so that the client can merge instead of overwriting.
 */
public final class PreconditionFailed extends DomainException {
  public PreconditionFailed(String message, Map<String, Object> current) {
    super(message, List.of(), current);
  }
}
