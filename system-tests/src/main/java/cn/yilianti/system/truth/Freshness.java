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

  /**
   * Of the events committed since a moment: how many the consumer applied, how many it has not
   * (yet), and when it applied the last.
   */
  public record Applied(long applied, long missing, Instant last) {}

  /** Records the freshness of each event committed since {@code since} in {@code timeline}. */
  public static Applied record(
      Map<UUID, Instant> committed,
      PostgresServer server,
      String consumerDatabase,
      Instant since,
      Timeline timeline) {
    long[] applied = new long[1];
    Instant[] last = {since};
    ReferralDatabase.Databases.query(
        server,
        consumerDatabase,
        "select event_id, min(processed_at) from processed_event group by event_id",
        rs -> {
          Instant created = committed.get(rs.getObject(1, UUID.class));
          if (created != null) {
            if (!created.isBefore(since)) {
              applied[0]++;
              Instant processed = rs.getTimestamp(2).toInstant();
              if (processed.isAfter(last[0])) {
                last[0] = processed;
              }
              timeline.freshness(processed, Duration.between(created, processed));
            }
          }
        });
    long committedSince = committed.values().stream().filter(t -> !t.isBefore(since)).count();
    return new Applied(applied[0], committedSince - applied[0], last[0]);
  }

  private Freshness() {}
}
