package org.plenary.platform.error;

import java.util.List;
import java.util.Map;

/** Too many attempts in a short time; try again after {@link #retryAfterSeconds()}. */
public final class TooManyRequests extends DomainException {
  private final long retryAfterSeconds;

  public TooManyRequests(String message, long retryAfterSeconds) {
    super(message, List.of(), Map.of("retryAfterSeconds", retryAfterSeconds));
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
