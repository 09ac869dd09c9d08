package cn.yilianti.platform.web;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds problem details with the platform's problem type URIs. */
public final class Problems {

  public static final String TYPE_PREFIX = "urn:yilianti:problem:";

  public static ProblemDetail of(HttpStatusCode status, String slug, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_PREFIX + slug));
    return problem;
  }

  private Problems() {}
}
