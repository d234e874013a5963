package org.plenary.platform.error;

import java.util.List;
import java.util.Map;

/** One or more fields of the request are not acceptable. */
public final class Invalid extends DomainException {
  public Invalid(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public Invalid(List<FieldProblem> problems) {
    super(summary(problems), problems, Map.of());
  }

  private static String summary(List<FieldProblem> problems) {
    return problems.size() == 1
        ? problems.get(0).field() + ": " + problems.get(0).message()
        : "Some fields are not acceptable: "
            + String.join(", ", problems.stream().map(FieldProblem::field).distinct().toList())
            + ".";
  }
}
