package cn.yilianti.indicator.metrics;

import cn.yilianti.indicator.hierarchy.Hierarchy;
import cn.yilianti.indicator.projection.CountedEvents;
import cn.yilianti.indicator.projection.Fact;
import cn.yilianti.indicator.projection.Fact.Kind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Counters once per event that changed the database (after the idempotency check and the commit),
 * so {@code sum} across replicas is right; latency histograms of answers and of freshness.
 */
@Component
class CountedEventMetrics implements CountedEvents {

  private static final Duration[] ANSWER_BUCKETS = {
    Duration.ofMinutes(5),
    Duration.ofMinutes(15),
    Duration.ofMinutes(30),
    Duration.ofHours(1),
    Duration.ofHours(4),
    Duration.ofHours(24),
    Duration.ofHours(72),
    Duration.ofDays(7)
  };
  private static final Duration[] FRESHNESS_BUCKETS = {
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(5),
    Duration.ofSeconds(30),
    Duration.ofMinutes(5)
  };

  private final MeterRegistry registry;
  private final Hierarchy hierarchy;

  CountedEventMetrics(MeterRegistry registry, Hierarchy hierarchy) {
    this.registry = registry;
    this.hierarchy = hierarchy;
  }

  @Override
  public void counted(List<Fact> facts) {
    Instant now = Instant.now();
    for (Fact f : facts) {
      String alliance = hierarchy.allianceOf(f.hospital(), f.counterpart());
      if (f.kind() == Kind.REFERRAL) {
        Counter.builder("indicator.transfers")
            .description("Referral events counted, once per event, for the sending hospital")
            .tags("alliance", alliance, "hospital", f.hospital(), "direction", f.category())
            .tags("stage", f.stage(), "priority", f.priority())
            .register(registry)
            .increment();
        if (f.answer() != null && "ACCEPTED".equals(f.answer().outcome())) {
          Timer.builder("indicator.time.to.accept")
              .description("Submitted to accepted, observed when an acceptance is counted")
              .tags("alliance", alliance, "direction", f.category(), "priority", f.priority())
              .serviceLevelObjectives(ANSWER_BUCKETS)
              .register(registry)
              .record(Duration.ofSeconds(f.answer().seconds()));
        }
      } else {
        Counter.builder("indicator.consultations")
            .description("Consultation events counted, for the requesting hospital")
            .tags("alliance", alliance, "hospital", f.hospital(), "type", f.category())
            .tags("stage", f.stage())
            .register(registry)
            .increment();
      }
      Timer.builder("indicator.event.freshness")
          .description("Event time to count committed")
          .tags("topic", f.topic())
          .serviceLevelObjectives(FRESHNESS_BUCKETS)
          .register(registry)
          .record(max0(Duration.between(f.eventTime(), now)));
    }
  }

  private static Duration max0(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
