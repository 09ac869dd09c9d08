package cn.yilianti.system.truth;

import cn.yilianti.local.postgres.PostgresServer;
import cn.yilianti.system.harness.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Event to indicator freshness for every event, not a sample: from the commit of the state change
 * in referral-service (the outbox row's {@code created_at}) to the transaction in which a consumer
 * applied it (its {@code processed_event} receipt), both stamped by the same PostgreSQL clock.
 */
public final class Freshness {

  /** Records each event's freshness in {@code timeline}; returns how many were not applied. */
  public static long record(
      Map<UUID, Instant> committed,
      PostgresServer server,
      String consumerDatabase,
      Instant since,
      Timeline timeline) {
    long[] applied = new long[1];
    ReferralDatabase.Databases.query(
        server,
        consumerDatabase,
        "select event_id, min(processed_at) from processed_event group by event_id",
        rs -> {
          Instant created = committed.get(rs.getObject(1, UUID.class));
          if (created != null) {
            applied[0]++;
            if (!created.isBefore(since)) {
              Instant processed = rs.getTimestamp(2).toInstant();
              timeline.freshness(processed, Duration.between(created, processed));
            }
          }
        });
    return committed.size() - applied[0];
  }

  private Freshness() {}
}
