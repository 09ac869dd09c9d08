package cn.yilianti.registry.security;

import cn.yilianti.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as problem+json, with the {@code WWW-Authenticate} header of RFC 6750 kept, so
 * security answers look like every other error of the platform.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final BearerTokenAuthenticationEntryPoint bearer =
      new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
  private final JsonMapper json;

  ProblemResponses(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    bearer.commence(request, response, e);
    write(
        request,
        response,
        Problems.of(
            HttpStatus.UNAUTHORIZED,
            "unauthorized",
            "A valid bearer token is required: get one at /oauth2/token"));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    denied.handle(request, response, e);
    write(request, response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed"));
  }

  private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail p)
      throws IOException {
    p.setInstance(java.net.URI.create(request.getRequestURI()));
    response.setStatus(p.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), p);
  }
}
