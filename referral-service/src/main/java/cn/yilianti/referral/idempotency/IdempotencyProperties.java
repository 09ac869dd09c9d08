package cn.yilianti.referral.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Idempotency settings ({@code referral.idempotency.*}).
 *
 * @param retention how long a key and its answer are kept (at least 24 hours by default)
 * @param cleanupInterval how often expired keys are deleted
 */
@ConfigurationProperties("referral.idempotency")
record IdempotencyProperties(Duration retention, Duration cleanupInterval) {

  IdempotencyProperties {
    retention = retention == null ? Duration.ofHours(24) : retention;
    cleanupInterval = cleanupInterval == null ? Duration.ofMinutes(10) : cleanupInterval;
  }
}
