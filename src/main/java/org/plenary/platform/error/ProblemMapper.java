package org.plenary.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP answers: every 4xx and 5xx is an RFC 9457 problem
 * document with a message a person understands, and never a stack trace.
 */
public class ProblemMapper {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

  @ServerExceptionMapper
  public Response domain(DomainException e, UriInfo uri) {
    int status = statusOf(e);
    Response response =
        respond(
            status,
            slugOf(e),
            titleOf(status),
            e.getMessage(),
            uri,
            e.fieldProblems(),
            e.details());
    if (e instanceof Unauthenticated) {
      response.getHeaders().putSingle("WWW-Authenticate", "Bearer realm=\"plenary\"");
    } else if (e instanceof TooManyRequests limited) {
      response.getHeaders().putSingle("Retry-After", String.valueOf(limited.retryAfterSeconds()));
    }
    return response;
  }

  static int statusOf(DomainException e) {
    if (e instanceof NotFound) {
      return 404;
    } else if (e instanceof Conflict) {
      return 409;
    } else if (e instanceof Invalid) {
      return 422;
    } else if (e instanceof PreconditionFailed) {
      return 412;
    } else if (e instanceof PreconditionRequired) {
      return 428;
    } else if (e instanceof TooLarge) {
      return 413;
    } else if (e instanceof Unauthenticated) {
      return 401;
    } else if (e instanceof TooManyRequests) {
      return 429;
    } else if (e instanceof Gone) {
      return 410;
    } else {
      return 403;
    }
  }

  private static String slugOf(DomainException e) {
    return switch (statusOf(e)) {
      case 404 -> "not-found";
      case 409 -> "conflict";
      case 422 -> "invalid-request";
      case 412 -> "stale-version";
      case 428 -> "version-required";
      case 413 -> "too-large";
      case 401 -> "unauthenticated";
      case 429 -> "too-many-requests";
      case 410 -> "gone";
      default -> "forbidden";
    };
  }

  @ServerExceptionMapper
  public Response validation(ConstraintViolationException e, UriInfo uri) {
    List<DomainException.FieldProblem> fields =
        e.getConstraintViolations().stream()
            .map(v -> new DomainException.FieldProblem(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(DomainException.FieldProblem::field))
            .toList();
    return domain(new Invalid(fields), uri);
  }

  /** The JSON path of the violation, without the method and parameter nodes. */
  private static String fieldOf(ConstraintViolation<?> violation) {
    List<String> names = new ArrayList<>();
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {}
        case PARAMETER -> names.clear();
        default -> {
          // A list element's index is carried by the node after the list ("signatories" then
          // "name" in iterable at 0): it belongs to the list, so "signatories[0].name".
          Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
          if (node.isInIterable() && at != null && !names.isEmpty()) {
            names.set(names.size() - 1, names.get(names.size() - 1) + "[" + at + "]");
          }
          String name = node.getName();
          if (name != null && !name.startsWith("<")) {
            names.add(name);
          }
        }
      }
    }
    return names.isEmpty() ? "(request body)" : String.join(".", names);
  }

  @ServerExceptionMapper
  public Response json(JsonProcessingException e, UriInfo uri) {
    String field = null;
    String detail;
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      field = pathOf(mapping);
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      detail = "Unknown field '" + unknown.getPropertyName() + "'.";
    } else if (e instanceof InvalidFormatException format
        && format.getTargetType() == String.class) {
      detail = format.getOriginalMessage() + (field == null ? "" : " (field '" + field + "')");
    } else if (e instanceof InvalidFormatException format) {
      detail =
          "The value "
              + shorten(String.valueOf(format.getValue()))
              + " is not a valid "
              + format.getTargetType().getSimpleName()
              + (field == null ? "." : " for '" + field + "'.");
    } else if (field != null) {
      detail = "The value for '" + field + "' has the wrong type or shape.";
    } else {
      detail = "The request body is not valid JSON: " + e.getOriginalMessage() + ".";
    }
    List<DomainException.FieldProblem> fields =
        field == null ? List.of() : List.of(new DomainException.FieldProblem(field, detail));
    return respond(400, "malformed-request", titleOf(400), detail, uri, fields, Map.of());
  }

  /** Quarkus has a built-in mapper for this subtype; ours must be at least as specific. */
  @ServerExceptionMapper
  public Response mismatchedJson(
      com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
    return json(e, uri);
  }

  private static String pathOf(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return unexpected(e, uri);
    }
    String detail = detailOf(status, uri.getPath());
    if (detail == null) {
      detail = e.getMessage() == null ? titleOf(status) : e.getMessage();
    }
    return respond(status, "http-" + status, titleOf(status), detail, uri, List.of(), Map.of());
  }

  /**
   * What an HTTP-level refusal with this status says, the same whether RESTEasy or the router gives
   * it, or null when the status has no general explanation.
   */
  public static String detailOf(int status, String path) {
    return switch (status) {
      case 404 -> "There is nothing at " + path + ".";
      case 405 -> "This address does not accept that method.";
      case 406 -> "This address cannot answer in the requested media type.";
      case 413 ->
          org.plenary.platform.http.BodyLimit.limitFor(path)
                  > org.plenary.platform.http.BodyLimit.MAX_BYTES
              ? "The file is larger than an import accepts (20 MiB)."
              : "The request body is larger than Plenary accepts (2 MiB). A section's text can be at"
                  + " most 1 MiB.";
      case 415 -> "This address expects a request body of another media type (usually JSON).";
      default -> null;
    };
  }

  /** What a 500 says: nothing of the cause, a reference that the log has beside it. */
  public static String internalDetail(String reference) {
    return "Something went wrong on our side. Nothing you sent was lost; please try again."
        + " Reference: "
        + reference
        + ".";
  }

  @ServerExceptionMapper
  public Response databaseConstraint(
      org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
    // Services check rules first; this is only reached when two requests race each other.
    LOG.debugf(e, "Constraint race on %s", uri.getPath());
    return respond(
        409,
        "conflict",
        titleOf(409),
        "This clashes with a change that was made at the same moment. Reload and try again.",
        uri,
        List.of(),
        Map.of());
  }

  @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
  public Response unexpected(Throwable e, UriInfo uri) {
    if (DatabaseFailures.unreachable(e)) {
      boolean duringCommit = DatabaseFailures.duringCommit(e);
      LOG.warnf(
          "The database is unreachable (%s)%s: answered 503 on %s",
          DatabaseFailures.rootMessage(e), duringCommit ? " while committing" : "", uri.getPath());
      String detail =
          duringCommit
              ? "Plenary lost its database while storing this, so it may or may not have been"
                  + " saved. Reload in a few seconds to see, then try again if it is missing"
                  + " (your text is still here)."
              : "Plenary cannot reach its database just now. Nothing you sent was saved; please"
                  + " try again in a few seconds (your text is still here).";
      Response r = respond(503, "unavailable", titleOf(503), detail, uri, List.of(), Map.of());
      return Response.fromResponse(r).header("Retry-After", "5").build();
    }
    String reference = UUID.randomUUID().toString();
    LOG.errorf(e, "Unexpected failure on %s (reference %s)", uri.getPath(), reference);
    return respond(
        500, "internal", titleOf(500), internalDetail(reference), uri, List.of(), Map.of());
  }

  static Response respond(
      int status,
      String slug,
      String title,
      String detail,
      UriInfo uri,
      List<DomainException.FieldProblem> fields,
      Map<String, Object> extensions) {
    Problem problem =
        new Problem(
            "urn:plenary:problem:" + slug,
            title,
            status,
            detail,
            uri == null ? null : uri.getPath(),
            fields,
            extensions);
    return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  private static String shorten(String value) {
    return value.length() > 60 ? "'" + value.substring(0, 57) + "...'" : "'" + value + "'";
  }

  /** The title of a problem document with this status, the same for every answer. */
  public static String titleOf(int status) {
    return switch (status) {
      case 400 -> "Malformed request";
      case 401 -> "Sign-in required";
      case 403 -> "Not allowed";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 406 -> "Not acceptable";
      case 409 -> "Conflict";
      case 412 -> "Someone else changed this first";
      case 413 -> "Too large";
      case 411 -> "Length required";
      case 414 -> "Address too long";
      case 415 -> "Unsupported media type";
      case 431 -> "Request headers too large";
      case 422 -> "Invalid request";
      case 428 -> "Version required";
      case 429 -> "Too many requests";
      case 410 -> "No longer valid";
      case 500 -> "Internal error";
      case 503 -> "Temporarily unavailable";
      default ->
          Response.Status.fromStatusCode(status) == null
              ? "Error " + status
              : Response.Status.fromStatusCode(status).getReasonPhrase();
    };
  }
}
