package cn.yilianti.notification.metrics;

import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.registry.ChannelType;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * {@code notification_parked} per channel and {@code notification_unacknowledged} per priority,
 * counted in the database (so every replica reports the same figure) every few seconds.
 */
public class NotificationGauges {

  private final JdbcClient jdbc;
  private final Map<ChannelType, AtomicLong> parked = new EnumMap<>(ChannelType.class);
  private final Map<Priority, AtomicLong> unacknowledged = new EnumMap<>(Priority.class);

  public NotificationGauges(JdbcClient jdbc, MeterRegistry registry) {
    this.jdbc = jdbc;
    for (ChannelType channel : ChannelType.values()) {
      AtomicLong value = new AtomicLong();
      parked.put(channel, value);
      Gauge.builder("notification.parked", value, AtomicLong::get)
          .description("Deliveries parked after their last retry")
          .tag("channel", channel.name())
          .register(registry);
    }
    for (Priority priority : Priority.values()) {
      AtomicLong value = new AtomicLong();
      unacknowledged.put(priority, value);
      Gauge.builder("notification.unacknowledged", value, AtomicLong::get)
          .description("Notifications no coordinator has acknowledged")
          .tag("priority", priority.name())
          .register(registry);
    }
  }

  @Scheduled(fixedDelayString = "${notification.metrics.refresh:5s}")
  public void refresh() {
    Map<String, Long> byChannel =
        counts(
            "select channel as k, count(*) as n from delivery "
                + "where status = 'PARKED' group by channel");
    parked.forEach((channel, value) -> value.set(byChannel.getOrDefault(channel.name(), 0L)));
    Map<String, Long> byPriority =
        counts(
            "select c.priority as k, count(*) as n from notification n "
                + "join notice_case c on c.case_id = n.case_id "
                + "where n.needs_ack and n.acknowledged_at is null group by c.priority");
    unacknowledged.forEach(
        (priority, value) -> value.set(byPriority.getOrDefault(priority.name(), 0L)));
  }

  private Map<String, Long> counts(String sql) {
    Map<String, Long> counts = new java.util.HashMap<>();
    jdbc.sql(sql).query((rs, n) -> counts.put(rs.getString("k"), rs.getLong("n"))).list();
    return counts;
  }
}
