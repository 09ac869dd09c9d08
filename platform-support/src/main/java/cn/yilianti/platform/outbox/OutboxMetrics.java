package cn.yilianti.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outbox health for Grafana: backlog size and oldest unpublished age (the same on every replica, so
 * take {@code max} across replicas), published and failed counts, and commit-to-ack lag.
 */
public class OutboxMetrics {

  private final JdbcClient jdbc;
  private final MeterRegistry registry;
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong oldestAgeSeconds = new AtomicLong();
  private final Counter failed;
  private Instant nextRefresh = Instant.EPOCH;

  public OutboxMetrics(JdbcClient jdbc, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.registry = registry;
    Gauge.builder("outbox.backlog", backlog, AtomicLong::get)
        .description("Outbox rows not yet acknowledged by Kafka")
        .baseUnit("rows")
        .register(registry);
    Gauge.builder("outbox.oldest.age", oldestAgeSeconds, AtomicLong::get)
        .description("Age of the oldest unpublished outbox row")
        .baseUnit("seconds")
        .register(registry);
    failed =
        Counter.builder("outbox.publish.failures")
            .description("Outbox rows a send attempt did not get acknowledged")
            .register(registry);
  }

  void published(String topic, Instant createdAt) {
    registry.counter("outbox.published", "topic", topic).increment();
    Timer.builder("outbox.relay.lag")
        .description("From outbox insert to broker acknowledgement")
        .publishPercentileHistogram()
        .tag("topic", topic)
        .register(registry)
        .record(Duration.between(createdAt, Instant.now()));
  }

  void failed(int rows) {
    failed.increment(rows);
  }

  /** Re-reads backlog and oldest age at most once a second. */
  void refresh() {
    Instant now = Instant.now();
    if (now.isBefore(nextRefresh)) {
      return;
    }
    nextRefresh = now.plusSeconds(1);
    jdbc.sql(
            """
            select count(*) as backlog,
                   coalesce(extract(epoch from now() - min(created_at)), 0) as oldest
              from outbox_event where published_at is null
            """)
        .query(
            rs -> {
              backlog.set(rs.getLong("backlog"));
              oldestAgeSeconds.set(rs.getLong("oldest"));
            });
  }
}
