package cn.yilianti.system.truth;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.EventCodec;
import cn.yilianti.events.PlatformEvent;
import cn.yilianti.events.consultation.ConsultationEvent;
import cn.yilianti.events.referral.ReferralEvent;
import cn.yilianti.local.postgres.PostgresServer;
import cn.yilianti.system.traffic.Cell;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The truth in referral-service's own database: the referral rows, and every event it committed in
 * its outbox (the transaction of the state change wrote it), published or not yet.
 */
public final class ReferralDatabase {

  static final ZoneId ALLIANCE_ZONE = ZoneId.of("Asia/Shanghai");

  private final PostgresServer server;
  private final String database;

  public ReferralDatabase(PostgresServer server, String database) {
    this.server = server;
    this.database = database;
  }

  /** Outbox rows not yet acknowledged by the broker. */
  public long backlog() {
    return single("select count(*) from outbox_event where published_at is null");
  }

  /** Referral rows by sending hospital, direction and day of submission. */
  public Map<Cell, Long> submittedReferrals() {
    Map<Cell, Long> cells = new TreeMap<>();
    query(
        """
        select from_hospital, direction, (submitted_at at time zone 'Asia/Shanghai')::date as day,
               count(*) from referral group by 1, 2, 3
        """,
        rs ->
            cells.put(
                new Cell(
                    rs.getString(1),
                    rs.getString(2),
                    "SUBMITTED",
                    rs.getObject(3, LocalDate.class)),
                rs.getLong(4)));
    return cells;
  }

  /** Every committed case event: the cells it raises, and when it was committed and published. */
  public Events events() {
    Events events = new Events();
    query(
        """
        select event_id, payload, created_at, published_at, topic from outbox_event
         where topic in ('referral-up', 'referral-down', 'consultation')
        """,
        rs -> {
          UUID id = rs.getObject(1, UUID.class);
          Instant created = rs.getTimestamp(3).toInstant();
          java.sql.Timestamp published = rs.getTimestamp(4);
          events.committed.put(id, created);
          if (rs.getString(5).startsWith("referral-")) {
            events.referralCommitted.put(id, created);
          }
          if (published != null) {
            events.published++;
          }
          Cell cell = cellOf(EventCodec.decode(rs.getBytes(2)));
          if (cell != null) {
            events.cells.merge(cell, 1L, Long::sum);
          }
        });
    return events;
  }

  /** What the outbox holds, summed per cell. */
  public static final class Events {
    final Map<Cell, Long> cells = new TreeMap<>();
    final Map<UUID, Instant> committed = new HashMap<>();
    final Map<UUID, Instant> referralCommitted = new HashMap<>();
    long published;

    public Map<Cell, Long> cells() {
      return cells;
    }

    /** Commit time of every event, by event id (the start of freshness). */
    public Map<UUID, Instant> committed() {
      return committed;
    }

    /** Commit time of the referral events only (what indicator-service consumes). */
    public Map<UUID, Instant> referralCommitted() {
      return referralCommitted;
    }

    public long count() {
      return committed.size();
    }

    public long published() {
      return published;
    }
  }

  static @Nullable Cell cellOf(CloudEvent<PlatformEvent> event) {
    LocalDate day = event.time().atZone(ALLIANCE_ZONE).toLocalDate();
    if (event.data() instanceof ReferralEvent r && r.stage() != null) {
      return new Cell(
          r.referral().fromHospital(), r.referral().direction().name(), r.stage().name(), day);
    }
    if (event.data() instanceof ConsultationEvent c && c.stage() != null) {
      return new Cell(c.consultation().fromHospital(), "CONSULTATION", c.stage().name(), day);
    }
    return null;
  }

  long single(String sql) {
    long[] result = new long[1];
    query(sql, rs -> result[0] = rs.getLong(1));
    return result[0];
  }

  void query(String sql, RowHandler handler) {
    Databases.query(server, database, sql, handler);
  }

  /** Reads one row. */
  @FunctionalInterface
  public interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }

  /** Plain JDBC on one of the platform's databases. */
  public static final class Databases {
    public static void query(
        PostgresServer server, String database, String sql, RowHandler handler) {
      try (Connection c = server.connect(database);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          handler.row(rs);
        }
      } catch (SQLException e) {
        throw new IllegalStateException(database + ": " + e.getMessage(), e);
      }
    }

    private Databases() {}
  }
}
