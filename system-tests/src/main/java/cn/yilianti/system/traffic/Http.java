package cn.yilianti.system.traffic;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The driver's HTTP client. It sorts every answer by what the caller can know about its effect:
 * done (2xx), refused (4xx: nothing happened), not sent (no connection: nothing happened), or
 * uncertain (time-out, dropped connection or 5xx after the request left: it may have happened).
 */
public final class Http {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** What the caller knows about the effect of a call. */
  public enum Outcome {
    DONE,
    REFUSED,
    NOT_SENT,
    UNCERTAIN
  }

  /** One answer; status 0 when there was none. */
  public record Answer(Outcome outcome, int status, String body) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    String describe() {
      return (status == 0 ? "no answer" : "" + status) + " (" + outcome.name().toLowerCase() + ")";
    }

    String sample() {
      return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final Duration timeout;

  public Http(Duration timeout) {
    this.timeout = timeout;
  }

  public Answer post(String url, String token, String idempotencyKey, Object body) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Idempotency-Key", idempotencyKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  public Answer get(String url, String token) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token));
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(
              request.timeout(timeout).header("Accept", "application/json").build(),
              HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      Outcome outcome =
          status < 300
              ? Outcome.DONE
              : status == 429 || status == 503
                  ? Outcome.NOT_SENT
                  : status < 500 ? Outcome.REFUSED : Outcome.UNCERTAIN;
      return new Answer(outcome, status, response.body());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      return new Answer(Outcome.NOT_SENT, 0, e.toString());
    } catch (HttpTimeoutException e) {
      return new Answer(Outcome.UNCERTAIN, 0, e.toString());
    } catch (IOException e) {
      // A refused connection sometimes surfaces as a plain IOException wrapping ConnectException.
      return new Answer(
          e.getCause() instanceof ConnectException ? Outcome.NOT_SENT : Outcome.UNCERTAIN,
          0,
          e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(Outcome.UNCERTAIN, 0, e.toString());
    }
  }
}
