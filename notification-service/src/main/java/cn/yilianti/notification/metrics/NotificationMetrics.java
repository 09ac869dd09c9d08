package cn.yilianti.notification.metrics;

import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.registry.ChannelType;
import cn.yilianti.events.registry.CoordinatorRole;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counters and the latency histogram of deploy/grafana/METRICS.md: {@code
 * notification_deliveries_total}, {@code notification_delivery_latency_seconds} and {@code
 * notification_escalations_total}. The database gauges live in {@link NotificationGauges}.
 */
public class NotificationMetrics {

  private final MeterRegistry registry;
  private final Map<ChannelType, Counter> sent = new EnumMap<>(ChannelType.class);
  private final Map<ChannelType, Counter> failed = new EnumMap<>(ChannelType.class);
  private final Map<ChannelType, Timer> latency = new EnumMap<>(ChannelType.class);

  public NotificationMetrics(MeterRegistry registry) {
    this.registry = registry;
    // Every rung above the coordinators, at 0 until it fires: rates and alerts see a series.
    for (Priority priority : Priority.values()) {
      for (int level = 1; level < CoordinatorRole.values().length; level++) {
        escalations(priority, level);
      }
    }
    for (ChannelType channel : ChannelType.values()) {
      String name = channel.name();
      sent.put(channel, deliveries(name, "SENT"));
      failed.put(channel, deliveries(name, "FAILED"));
      latency.put(
          channel,
          Timer.builder("notification.delivery.latency")
              .description("Event time to delivered")
              .tag("channel", name)
              .serviceLevelObjectives(
                  Duration.ofMillis(50),
                  Duration.ofMillis(100),
                  Duration.ofMillis(250),
                  Duration.ofMillis(500),
                  Duration.ofSeconds(1),
                  Duration.ofSeconds(2),
                  Duration.ofSeconds(5),
                  Duration.ofSeconds(30),
                  Duration.ofMinutes(5))
              .register(registry));
    }
  }

  public void sent(ChannelType channel, Duration eventToDelivered) {
    sent.get(channel).increment();
    latency.get(channel).record(eventToDelivered.isNegative() ? Duration.ZERO : eventToDelivered);
  }

  public void failed(ChannelType channel) {
    failed.get(channel).increment();
  }

  /** An escalation reached ladder {@code level} (1 = the rung above the coordinators). */
  public void escalated(Priority priority, int level) {
    escalations(priority, level).increment();
  }

  private Counter escalations(Priority priority, int level) {
    return Counter.builder("notification.escalations")
        .description("Escalations fired, by ladder level")
        .tag("priority", priority.name())
        .tag("level", Integer.toString(level))
        .register(registry);
  }

  private Counter deliveries(String channel, String outcome) {
    return Counter.builder("notification.deliveries")
        .description("Delivery attempts by channel and outcome")
        .tag("channel", channel)
        .tag("outcome", outcome)
        .register(registry);
  }
}
