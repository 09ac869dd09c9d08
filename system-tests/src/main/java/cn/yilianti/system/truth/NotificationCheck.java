package cn.yilianti.system.truth;

import cn.yilianti.local.postgres.PostgresServer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * notification-service against the truth: every case event referral-service committed was taken in
 * (its intake receipt exists), and no delivery was sent twice. Deliveries themselves go to the
 * seed's demo addresses, which do not exist on a test machine, so most end parked; the figures say
 * so.
 */
public final class NotificationCheck {

  static final String INTAKE = "notification-intake";

  /**
   * @param missing committed case events notification-service never took in (lost)
   * @param sentTwice deliveries with more than one successful send (double deliveries)
   */
  public record Result(
      long events, long missing, long deliveries, long sent, long parked, long sentTwice) {

    public boolean exact() {
      return missing == 0 && sentTwice == 0;
    }

    @Override
    public String toString() {
      return "%d events taken in of %d; %d deliveries: %d sent, %d parked; sent twice %d"
          .formatted(events - missing, events, deliveries, sent, parked, sentTwice);
    }
  }

  private final PostgresServer server;
  private final String database;

  public NotificationCheck(PostgresServer server, String database) {
    this.server = server;
    this.database = database;
  }

  /** Waits up to {@code atMost} for the intake to catch up, then counts. */
  public Result check(Map<UUID, Instant> committed, Duration atMost) {
    Instant deadline = Instant.now().plus(atMost);
    while (true) {
      Set<UUID> taken = new HashSet<>();
      ReferralDatabase.Databases.query(
          server,
          database,
          "select event_id from processed_event where consumer = '" + INTAKE + "'",
          rs -> taken.add(rs.getObject(1, UUID.class)));
      long missing = committed.keySet().stream().filter(id -> !taken.contains(id)).count();
      if (missing == 0 || Instant.now().isAfter(deadline)) {
        long[] d = new long[4];
        ReferralDatabase.Databases.query(
            server,
            database,
            """
            select count(*), count(*) filter (where status = 'SENT'),
                   count(*) filter (where status = 'PARKED'),
                   (select count(*) from (select delivery_id from delivery_attempt
                     where outcome = 'SENT' group by delivery_id having count(*) > 1) twice)
              from delivery
            """,
            rs -> {
              for (int i = 0; i < 4; i++) {
                d[i] = rs.getLong(i + 1);
              }
            });
        return new Result(committed.size(), missing, d[0], d[1], d[2], d[3]);
      }
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
    }
  }
}
