package cn.yilianti.referral.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Idempotency settings ({@code referral.idempotency.*}).
 *
 * @param retention how long a key and its answer are kept (at least 24 hours by default)
 * @param cleanupInterval how often expired keys are deleted
 * @param inFlightTimeout after this long an unanswered claim is taken to be abandoned (its replica
 *     stopped mid-request), and a retry with the same request runs again
 */
@ConfigurationProperties("referral.idempotency")
record IdempotencyProperties(
    Duration retention, Duration cleanupInterval, Duration inFlightTimeout) {

  IdempotencyProperties {
    retention = retention == null ? Duration.ofHours(24) : retention;
    cleanupInterval = cleanupInterval == null ? Duration.ofMinutes(10) : cleanupInterval;
    inFlightTimeout = inFlightTimeout == null ? Duration.ofMinutes(1) : inFlightTimeout;
  }
}
