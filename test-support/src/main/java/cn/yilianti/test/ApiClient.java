package cn.yilianti.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for a service under test: every call goes over a socket, and any status is
 * returned rather than thrown, so tests can assert on 4xx answers.
 */
public final class ApiClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> defaultHeaders = new LinkedHashMap<>();

  public ApiClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public static ApiClient localhost(int port) {
    return new ApiClient("http://127.0.0.1:" + port);
  }

  /** A copy that sends this header on every request (e.g. Authorization). */
  public ApiClient withHeader(String name, String value) {
    ApiClient copy = new ApiClient(baseUrl);
    copy.defaultHeaders.putAll(defaultHeaders);
    copy.defaultHeaders.put(name, value);
    return copy;
  }

  public Response get(String path, String... headers) {
    return send("GET", path, null, "application/json", headers);
  }

  public Response post(String path, Object body, String... headers) {
    return send("POST", path, body, "application/json", headers);
  }

  public Response put(String path, Object body, String... headers) {
    return send("PUT", path, body, "application/json", headers);
  }

  public Response delete(String path, String... headers) {
    return send("DELETE", path, null, "application/json", headers);
  }

  /** Sends a raw body with any content type, e.g. malformed JSON or text/plain. */
  public Response send(
      String method, String path, @Nullable Object body, String contentType, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    defaultHeaders.forEach(request::header);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      request.header("Content-Type", contentType);
      request.method(method, HttpRequest.BodyPublishers.ofString(text));
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Status, headers and body of one answer. */
  public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public @Nullable String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
