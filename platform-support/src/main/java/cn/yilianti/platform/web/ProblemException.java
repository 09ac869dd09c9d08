package cn.yilianti.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An answer other than success that domain code decides on (unknown id, wrong state, stale
 * version); rendered as RFC 9457 problem+json with its extra properties.
 */
public class ProblemException extends RuntimeException {

  private final HttpStatus status;
  private final String slug;
  private final Map<String, Object> properties = new LinkedHashMap<>();

  public ProblemException(HttpStatus status, String slug, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.slug = slug;
  }

  public static ProblemException notFound(String what, Object id) {
    return new ProblemException(HttpStatus.NOT_FOUND, "not-found", what + " " + id + " not found");
  }

  public static ProblemException conflict(String slug, String detail) {
    return new ProblemException(HttpStatus.CONFLICT, slug, detail);
  }

  public static ProblemException invalid(String field, String rule, String message) {
    return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "1 invalid field")
        .with("errors", java.util.List.of(new FieldProblem(field, rule, message)));
  }

  public ProblemException with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  public HttpStatus status() {
    return status;
  }

  ProblemDetail toProblemDetail() {
    ProblemDetail problem = Problems.of(status, slug, getMessage());
    properties.forEach(problem::setProperty);
    return problem;
  }
}
