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
 * (its intake receipt exists), and every delivery made for them so far ended sent (none parked,
 * none still waiting), none sent twice. The run's receivers are real ({@code
 * NotificationReceivers}), so a delivery marked sent was taken by a server.
 */
public final class NotificationCheck {

  static final String INTAKE = "notification-intake";

  /**
   * @param missing committed case events notification-service never took in
   * @param parked deliveries given up after their last attempt
   * @param open deliveries still waiting when the check ended
   * @param sentTwice deliveries with more than one successful send (double deliveries)
   */
  public record Result(
      long events,
      long missing,
      long deliveries,
      long sent,
      long parked,
      long open,
      long sentTwice,
      Duration drained) {

    /** Notifications lost: never taken in, given up, or not delivered by the end of the check. */
    public long lost() {
      return missing + parked + open;
    }

    public boolean exact() {
      return lost() == 0 && sentTwice == 0;
    }

    @Override
    public String toString() {
      return ("%d events taken in of %d; %d deliveries: %d sent, %d parked, %d not sent; sent twice"
              + " %d; all sent %.1f s after the load")
          .formatted(
              events - missing,
              events,
              deliveries,
              sent,
              parked,
              open,
              sentTwice,
              drained.toMillis() / 1000.0);
    }
  }

  private final PostgresServer server;
  private final String database;

  public NotificationCheck(PostgresServer server, String database) {
    this.server = server;
    this.database = database;
  }

  /**
   * Waits up to {@code atMost} for the intake to catch up and for every delivery made so far to be
   * sent, then counts. Deliveries made during the check (escalations) are left to the next one.
   */
  public Result check(Map<UUID, Instant> committed, Duration atMost) {
    Instant began = Instant.now();
    Instant deadline = began.plus(atMost);
    long missing = missing(committed);
    while (missing > 0 && Instant.now().isBefore(deadline)) {
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
      missing = missing(committed);
    }
    long[] upTo = new long[1];
    query("select coalesce(max(id), 0) from delivery", rs -> upTo[0] = rs.getLong(1));
    long[] d = deliveries(upTo[0]);
    while (d[3] > 0 && Instant.now().isBefore(deadline)) {
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
      d = deliveries(upTo[0]);
    }
    return new Result(
        committed.size(),
        missing,
        d[0],
        d[1],
        d[2],
        d[3],
        d[4],
        Duration.between(began, Instant.now()));
  }

  private long missing(Map<UUID, Instant> committed) {
    Set<UUID> taken = new HashSet<>();
    query(
        "select event_id from processed_event where consumer = '" + INTAKE + "'",
        rs -> taken.add(rs.getObject(1, UUID.class)));
    return committed.keySet().stream().filter(id -> !taken.contains(id)).count();
  }

  /** All, sent, parked, open and sent-twice deliveries with ids up to {@code upTo}. */
  private long[] deliveries(long upTo) {
    long[] d = new long[5];
    query(
        """
        select count(*), count(*) filter (where status = 'SENT'),
               count(*) filter (where status = 'PARKED'),
               count(*) filter (where status in ('PENDING', 'SENDING')),
               (select count(*) from (select delivery_id from delivery_attempt
                 where outcome = 'SENT' and delivery_id <= %d
                 group by delivery_id having count(*) > 1) twice)
          from delivery where id <= %d
        """
            .formatted(upTo, upTo),
        rs -> {
          for (int i = 0; i < d.length; i++) {
            d[i] = rs.getLong(i + 1);
          }
        });
    return d;
  }

  private void query(String sql, ReferralDatabase.RowHandler rows) {
    ReferralDatabase.Databases.query(server, database, sql, rows);
  }
}
