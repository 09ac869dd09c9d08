package cn.yilianti.referral.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Applies {@code Idempotency-Key} to every {@code POST /api/v1/**}, after authentication so keys
 * are scoped per client (the token's subject). Same key and same request: the stored status,
 * Location, ETag and body again (with {@code Idempotent-Replayed: true}); same key, other request:
 * 422; same key while the first is still running: 409. A request that fails with 5xx releases its
 * key, so the client may retry it.
 */
class IdempotencyFilter extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";
  private static final String[] KEPT_HEADERS = {
    HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CONTENT_TYPE
  };

  private final IdempotencyStore store;

  IdempotencyFilter(IdempotencyStore store) {
    this.store = store;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !request.getRequestURI().startsWith("/api/v1/")
        || request.getHeader(HEADER) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    if (!validKey(key)) {
      IdempotencyProblems.write(
          response,
          request,
          HttpStatus.BAD_REQUEST,
          "invalid-request",
          "Idempotency-Key: must be 1 to 255 visible ASCII characters",
          "format");
      return;
    }
    byte[] body;
    try {
      body = request.getInputStream().readAllBytes();
    } catch (IOException e) {
      IdempotencyProblems.write(
          response,
          request,
          HttpStatus.CONTENT_TOO_LARGE,
          "payload-too-large",
          "Request body is too large",
          null);
      return;
    }
    String client = auth.getName();
    Claim claim = store.claim(client, key, hash(request, body));
    switch (claim.outcome()) {
      case NEW -> runAndStore(new CachedBodyRequest(request, body), response, chain, client, key);
      case MISMATCH ->
          IdempotencyProblems.write(
              response,
              request,
              HttpStatus.UNPROCESSABLE_CONTENT,
              "idempotency-key-reused",
              "Idempotency-Key: was used before with a different request",
              "reused");
      case IN_FLIGHT ->
          IdempotencyProblems.write(
              response,
              request,
              HttpStatus.CONFLICT,
              "idempotency-key-in-flight",
              "Idempotency-Key: the first request with this key is still being processed; retry"
                  + " later",
              "in-flight");
      case DONE -> replay(response, claim.response());
    }
  }

  private void runAndStore(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      String client,
      String key)
      throws ServletException, IOException {
    ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, cached);
    } catch (ServletException | IOException | RuntimeException e) {
      store.release(client, key);
      throw e;
    }
    if (cached.getStatus() >= 500) {
      store.release(client, key);
    } else {
      Map<String, String> headers = new LinkedHashMap<>();
      for (String name : KEPT_HEADERS) {
        String value = cached.getHeader(name);
        if (value == null && name.equals(HttpHeaders.CONTENT_TYPE)) {
          value = cached.getContentType();
        }
        if (value != null) {
          headers.put(name, value);
        }
      }
      store.complete(
          client,
          key,
          new StoredResponse(cached.getStatus(), headers, cached.getContentAsByteArray()));
    }
    cached.copyBodyToResponse();
  }

  private static void replay(HttpServletResponse response, StoredResponse stored)
      throws IOException {
    response.setStatus(stored.status());
    stored.headers().forEach(response::setHeader);
    response.setHeader(REPLAYED, "true");
    response.setContentLength(stored.body().length);
    response.getOutputStream().write(stored.body());
  }

  private static boolean validKey(String key) {
    return !key.isEmpty() && key.length() <= 255 && key.chars().allMatch(c -> c > 32 && c < 127);
  }

  /** Method, path, query, content type and body: what makes two requests "the same". */
  private static byte[] hash(HttpServletRequest request, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      String head =
          request.getMethod()
              + ' '
              + request.getRequestURI()
              + '?'
              + request.getQueryString()
              + '\n'
              + request.getContentType()
              + '\n';
      digest.update(head.getBytes(StandardCharsets.UTF_8));
      return digest.digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
