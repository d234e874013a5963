package org.plenary.platform.error;

import java.util.List;
import java.util.Map;

/**
 * A rule of the domain was not met. Subclasses say which kind; {@link ProblemMapper} alone decides
 * how that reads over HTTP. Messages are written for the person who sent the request.
 */
public abstract sealed class DomainException extends RuntimeException
    permits NotFound,
        Conflict,
        Invalid,
        PreconditionFailed,
        PreconditionRequired,
        TooLarge,
        Forbidden,
        Unauthenticated,
        TooManyRequests,
        Gone {

  private final transient Map<String, Object> details;
  private final List<FieldProblem> fieldProblems;

  protected DomainException(
      String message, List<FieldProblem> fieldProblems, Map<String, Object> details) {
    super(message, null, false, false);
    this.fieldProblems = List.copyOf(fieldProblems);
    this.details = Map.copyOf(details);
  }

  /** Problems with individual request fields, each naming the field. */
  public List<FieldProblem> fieldProblems() {
    return fieldProblems;
  }

  /** Extra members for the problem document (e.g. the current revision after a 412). */
  public Map<String, Object> details() {
    return details;
  }

  /** One field that was not acceptable, and why. */
  public record FieldProblem(String field, String message) {}
}
