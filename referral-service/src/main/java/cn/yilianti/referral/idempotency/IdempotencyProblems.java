package cn.yilianti.referral.idempotency;

import cn.yilianti.platform.web.FieldProblem;
import cn.yilianti.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Problem+json answers written by the filter (it runs outside Spring MVC's advice). */
final class IdempotencyProblems {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static void write(
      HttpServletResponse response,
      HttpServletRequest request,
      HttpStatus status,
      String slug,
      String detail,
      @Nullable String rule)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", Problems.TYPE_PREFIX + slug);
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    if (rule != null) {
      problem.put(
          "errors",
          List.of(
              new FieldProblem(
                  IdempotencyFilter.HEADER, rule, detail.substring(detail.indexOf(':') + 2))));
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), problem);
  }

  private IdempotencyProblems() {}
}
