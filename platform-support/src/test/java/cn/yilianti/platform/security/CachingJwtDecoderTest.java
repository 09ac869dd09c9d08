package cn.yilianti.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderTest {

  private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");

  private final AtomicInteger decoded = new AtomicInteger();
  private Instant expiresAt = NOW.plus(Duration.ofMinutes(10));
  private final JwtDecoder delegate =
      token -> {
        decoded.incrementAndGet();
        if (token.startsWith("bad")) {
          throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token)
            .header("alg", "RS256")
            .subject("his-1")
            .issuedAt(NOW.minusSeconds(1))
            .expiresAt(expiresAt)
            .build();
      };

  private CachingJwtDecoder at(Instant now) {
    return new CachingJwtDecoder(
        delegate, Duration.ofMinutes(1), 100, Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void theSameTokenIsVerifiedOnceWhileFresh() {
    CachingJwtDecoder decoder = at(NOW);

    Jwt first = decoder.decode("token-a");
    Jwt again = decoder.decode("token-a");
    decoder.decode("token-b");

    assertThat(again).isSameAs(first);
    assertThat(decoded).hasValue(2);
  }

  @Test
  void anEntryIsNotUsedPastMaxAgeOrTheTokensExpiry() {
    MutableClock clock = new MutableClock(NOW);
    CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, Duration.ofMinutes(1), 100, clock);
    decoder.decode("token-a");

    clock.now = NOW.plusSeconds(61);
    decoder.decode("token-a");
    assertThat(decoded).hasValue(2);

    expiresAt = clock.now.plusSeconds(5);
    decoder.decode("token-c");
    clock.now = clock.now.plusSeconds(5);
    decoder.decode("token-c");
    assertThat(decoded).hasValue(4);
  }

  @Test
  void rejectionsAreNotCached() {
    CachingJwtDecoder decoder = at(NOW);

    assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);

    assertThat(decoded).hasValue(2);
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
