package cn.yilianti.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Relay settings ({@code platform.outbox.*}).
 *
 * @param enabled whether this service runs a relay
 * @param batchSize rows sent per round trip to the broker
 * @param pollInterval how long an idle relay waits for rows written by other replicas
 * @param shards relay shards (per key hash); each is relayed by one replica at a time, in order
 * @param retention how long published rows are kept for inspection before they are deleted
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(
    boolean enabled, int batchSize, Duration pollInterval, int shards, Duration retention) {

  public OutboxProperties {
    batchSize = batchSize <= 0 ? 500 : batchSize;
    pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
    shards = shards <= 0 ? 4 : shards;
    retention = retention == null ? Duration.ofDays(7) : retention;
  }
}
