package cn.yilianti.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real tokens from the registry for the demo principals it seeded (the {@code
 * demo-credentials.json} the local run writes): client credentials against the token endpoint,
 * cached until shortly before they expire.
 */
public final class DemoCredentials {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, JsonNode> byClientId = new ConcurrentHashMap<>();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final HttpClient http = HttpClient.newHttpClient();

  private record Token(String value, Instant expiresAt, Instant renewAt) {}

  private DemoCredentials(JsonNode file) {
    for (JsonNode credential : file.get("credentials")) {
      byClientId.put(credential.get("clientId").asString(), credential);
    }
  }

  public static DemoCredentials read(Path file) {
    try {
      return new DemoCredentials(JSON.readTree(Files.readString(file)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot read demo credentials " + file, e);
    }
  }

  /** A token of the HIS client of {@code hospitalCode} (client id {@code his-<code>}). */
  public String his(String hospitalCode) {
    return token("his-" + hospitalCode.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * A token of a demo user through its personal client (e.g. {@code ops}, {@code
   * alliance1-manager}).
   */
  public String user(String username) {
    return byClientId.values().stream()
        .filter(c -> username.equals(c.path("username").asString(null)))
        .findFirst()
        .map(c -> token(c.get("clientId").asString()))
        .orElseThrow(() -> new IllegalArgumentException("No demo user " + username));
  }

  /**
   * A token for one client id of the file. Like a well-behaved OAuth client it renews a token once
   * half of its lifetime has passed, and keeps using the one it has while the token endpoint does
   * not answer and the token is still valid (an issuer outage shorter than half a lifetime goes
   * unnoticed).
   */
  public String token(String clientId) {
    Token token = tokens.get(clientId);
    if (token == null || Instant.now().isAfter(token.renewAt())) {
      try {
        token = fetch(clientId);
        tokens.put(clientId, token);
      } catch (RuntimeException e) {
        if (token == null || !Instant.now().isBefore(token.expiresAt().minusSeconds(5))) {
          throw e;
        }
      }
    }
    return token.value();
  }

  private Token fetch(String clientId) {
    JsonNode credential = byClientId.get(clientId);
    if (credential == null) {
      throw new IllegalArgumentException("No demo client " + clientId);
    }
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (clientId + ":" + credential.get("clientSecret").asString())
                    .getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(credential.get("tokenEndpoint").asString()))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "Token endpoint answered " + response.statusCode() + ": " + response.body());
      }
      JsonNode body = JSON.readTree(response.body());
      long lifetime = body.path("expires_in").asLong(60);
      Instant now = Instant.now();
      return new Token(
          body.get("access_token").asString(),
          now.plusSeconds(lifetime),
          now.plusSeconds(lifetime / 2));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
