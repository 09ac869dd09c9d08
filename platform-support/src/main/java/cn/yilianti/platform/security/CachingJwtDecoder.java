package cn.yilianti.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens the delegate accepted, by their exact string, so a client sending the same
 * bearer token again is not verified and parsed again. An entry is used only before the token's own
 * expiry ({@code exp}, without the delegate's clock skew) and for at most {@code maxAge} (a revoked
 * signing key stops being trusted after that); a token without {@code exp} is not cached.
 * Rejections are never cached. When the cache is full (2,000 tokens by default, a few KB each) it
 * is emptied.
 */
public final class CachingJwtDecoder implements JwtDecoder {

  private final JwtDecoder delegate;
  private final Duration maxAge;
  private final int maxEntries;
  private final Clock clock;
  private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();

  private record Entry(Jwt jwt, Instant usableUntil) {}

  public CachingJwtDecoder(JwtDecoder delegate, Duration maxAge, int maxEntries, Clock clock) {
    this.delegate = delegate;
    this.maxAge = maxAge;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  public CachingJwtDecoder(JwtDecoder delegate) {
    this(delegate, Duration.ofMinutes(1), 2_000, Clock.systemUTC());
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    Instant now = clock.instant();
    Entry entry = cache.get(token);
    if (entry != null) {
      if (now.isBefore(entry.usableUntil())) {
        return entry.jwt();
      }
      cache.remove(token, entry);
    }
    Jwt jwt = delegate.decode(token);
    Instant expires = jwt.getExpiresAt();
    if (expires != null) {
      Instant until = now.plus(maxAge);
      Entry fresh = new Entry(jwt, expires.isBefore(until) ? expires : until);
      if (cache.size() >= maxEntries) {
        cache.clear();
      }
      cache.put(token, fresh);
    }
    return jwt;
  }
}
