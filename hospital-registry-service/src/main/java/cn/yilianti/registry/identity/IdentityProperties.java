package cn.yilianti.registry.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Issuer settings ({@code registry.identity.*}).
 *
 * @param issuer the {@code iss} of every token and the base of the OAuth2 endpoints
 * @param accessTokenTtl lifetime of access tokens: a revoked client is refused everywhere after it
 * @param secretGracePeriod how long a rotated-out secret keeps working unless the rotation says
 *     otherwise
 * @param consoleRedirectUris where the browser console client (Swagger UI, authorization code with
 *     PKCE) may be sent back to
 * @param clockSkew how long after its expiry the registry's own API still accepts a token (clocks
 *     of issuer and caller differ)
 */
@ConfigurationProperties("registry.identity")
public record IdentityProperties(
    URI issuer,
    Duration accessTokenTtl,
    Duration secretGracePeriod,
    List<String> consoleRedirectUris,
    Duration clockSkew) {

  public IdentityProperties {
    issuer = issuer == null ? URI.create("http://127.0.0.1:8082") : issuer;
    accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(5) : accessTokenTtl;
    secretGracePeriod = secretGracePeriod == null ? Duration.ofHours(24) : secretGracePeriod;
    consoleRedirectUris = consoleRedirectUris == null ? List.of() : consoleRedirectUris;
    clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
  }

  public String tokenEndpoint() {
    return issuer.toString().replaceAll("/$", "") + "/oauth2/token";
  }
}
