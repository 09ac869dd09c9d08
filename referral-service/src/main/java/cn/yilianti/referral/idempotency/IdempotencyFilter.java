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
import java.util.Objects;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Applies {@code Idempotency-Key} to every {@code POST /api/v1/**}, after authentication so keys
 * are scoped per client (the token's subject). Same key and same request: the stored status,
 * Location, ETag and body again (with {@code Idempotent-Replayed: true}); same key, other request:
 * 422; same key while the first is still running: 409. A request that fails with 5xx releases its
 * key, so the client may retry it.
 *
 * <p>The request runs in one transaction that the service's own transactions join, and its answer
 * is stored in that transaction: the effect (rows, outbox events) and the stored answer commit
 * together, so a crash, a lost connection or a failed commit can never leave an effect without its
 * answer, and a retry can never run it a second time.
 */
class IdempotencyFilter extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";
  private static final String[] KEPT_HEADERS = {
    HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CONTENT_TYPE
  };

  private final IdempotencyStore store;
  private final TransactionTemplate tx;

  IdempotencyFilter(IdempotencyStore store, TransactionTemplate tx) {
    this.store = store;
    this.tx = tx;
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
    Claim claim;
    try {
      claim = store.claim(client, key, hash(request, body));
    } catch (DataAccessException e) {
      unavailable(request, response);
      return;
    }
    switch (claim.outcome()) {
      case NEW ->
          runAndStore(
              new CachedBodyRequest(request, body),
              response,
              chain,
              new Held(client, key, Objects.requireNonNull(claim.owner())));
      case MISMATCH ->
          IdempotencyProblems.write(
              response,
              request,
              HttpStatus.UNPROCESSABLE_CONTENT,
              "idempotency-key-reused",
              "Idempotency-Key: was used before with a different request",
              "reused");
      case IN_FLIGHT -> inFlight(request, response);
      case DONE -> replay(response, claim.response());
    }
  }

  /** The claim this request holds on its key. */
  private record Held(String client, String key, UUID owner) {}

  /** How the request's transaction ended. */
  private enum Ending {
    /** Committed with its answer stored. */
    STORED,
    /** Rolled back: a 5xx, or a refusal whose service transaction was marked rollback-only. */
    ROLLED_BACK,
    /** Rolled back because the claim was taken over meanwhile: a retry runs the request. */
    SUPERSEDED
  }

  private void runAndStore(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain, Held held)
      throws ServletException, IOException {
    ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
    Ending ending;
    try {
      ending =
          tx.execute(
              status -> {
                ChainFailure.run(chain, request, cached);
                if (cached.getStatus() >= 500 || status.isRollbackOnly()) {
                  status.setRollbackOnly();
                  return Ending.ROLLED_BACK;
                }
                if (!store.complete(held.client(), held.key(), held.owner(), answer(cached))) {
                  status.setRollbackOnly();
                  return Ending.SUPERSEDED;
                }
                return Ending.STORED;
              });
    } catch (ChainFailure e) {
      releaseQuietly(held);
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw (ServletException) e.getCause();
    } catch (TransactionException | DataAccessException e) {
      // No connection, or the commit failed: nothing was written, the client may retry.
      releaseQuietly(held);
      response.reset();
      unavailable(request, response);
      return;
    } catch (RuntimeException e) {
      releaseQuietly(held);
      throw e;
    }
    switch (Objects.requireNonNull(ending)) {
      case STORED -> cached.copyBodyToResponse();
      case SUPERSEDED -> {
        // The answer headers (Location, ETag) of the rolled-back work must not go out.
        response.reset();
        inFlight(request, response);
      }
      case ROLLED_BACK -> {
        int status = cached.getStatus();
        if (status >= 400 && status < 500) {
          // A refusal: nothing was written, and the same request would be refused again.
          boolean stored;
          try {
            stored = store.complete(held.client(), held.key(), held.owner(), answer(cached));
          } catch (DataAccessException e) {
            releaseQuietly(held);
            stored = true; // nothing is stored; the refusal is still this request's answer
          }
          if (stored) {
            cached.copyBodyToResponse();
          } else {
            // Taken over meanwhile: the new holder's answer is the one a retry will get.
            response.reset();
            inFlight(request, response);
          }
        } else if (status >= 500) {
          releaseQuietly(held);
          cached.copyBodyToResponse();
        } else {
          // A success whose transaction was rolled back: nothing was written.
          releaseQuietly(held);
          response.reset();
          unavailable(request, response);
        }
      }
    }
  }

  private static StoredResponse answer(ContentCachingResponseWrapper cached) {
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
    return new StoredResponse(cached.getStatus(), headers, cached.getContentAsByteArray());
  }

  private void releaseQuietly(Held held) {
    try {
      store.release(held.client(), held.key(), held.owner());
    } catch (DataAccessException e) {
      // The claim stays in flight until its timeout; nothing of the request was written.
    }
  }

  private static void inFlight(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    IdempotencyProblems.write(
        response,
        request,
        HttpStatus.CONFLICT,
        "idempotency-key-in-flight",
        "Idempotency-Key: the first request with this key is still being processed; retry later",
        "in-flight");
  }

  private static void unavailable(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, "5");
    IdempotencyProblems.write(
        response,
        request,
        HttpStatus.SERVICE_UNAVAILABLE,
        "service-unavailable",
        "The database is not reachable right now; nothing was saved, retry with the same"
            + " Idempotency-Key",
        null);
  }

  /** A checked exception of the filter chain, carried out of the transaction callback. */
  private static final class ChainFailure extends RuntimeException {

    private ChainFailure(Exception cause) {
      super(cause);
    }

    static void run(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
      try {
        chain.doFilter(request, response);
      } catch (IOException | ServletException e) {
        throw new ChainFailure(e);
      }
    }
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
