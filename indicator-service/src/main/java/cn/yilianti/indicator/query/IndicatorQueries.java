package cn.yilianti.indicator.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the live projection tables for a set of hospitals and a range of days. */
@Repository
class IndicatorQueries {

  private final JdbcClient jdbc;

  IndicatorQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One summed row of counts: (day bucket start, category, stage) → count. */
  record Row(LocalDate day, String category, String stage, long count, Instant changed) {}

  /** Referral counts per day of referrals the hospitals sent ({@code sent}) or received. */
  List<Row> transfers(Collection<String> hospitals, Period period, boolean sent) {
    return jdbc.sql(
            "select day, direction, stage, sum(count) n, max(last_changed_at) changed"
                + " from transfer_count where "
                + (sent ? "hospital" : "counterpart")
                + " = any(:h) and day between :from and :to group by day, direction, stage")
        .params(args(hospitals, period))
        .query(IndicatorQueries::row)
        .list();
  }

  List<Row> consultations(Collection<String> hospitals, Period period) {
    return jdbc.sql(
            """
            select day, type, stage, sum(count) n, max(last_changed_at) changed
              from consultation_count where hospital = any(:h) and day between :from and :to
             group by day, type, stage
            """)
        .params(args(hospitals, period))
        .query(IndicatorQueries::row)
        .list();
  }

  List<Row> rejectionReasons(Collection<String> hospitals, Period period) {
    return jdbc.sql(
            """
            select max(day) as day, category, reason as stage, count(*) n, max(counted_at) changed
              from event_log
             where hospital = any(:h) and kind = 'REFERRAL' and stage = 'REJECTED'
               and day between :from and :to
             group by category, reason
            """)
        .params(args(hospitals, period))
        .query(IndicatorQueries::row)
        .list();
  }

  IndicatorReport.TimeToAccept timeToAccept(Collection<String> hospitals, Period period) {
    return jdbc.sql(
            """
            select count(*) n,
                   percentile_cont(0.5) within group (order by seconds) median,
                   percentile_cont(0.9) within group (order by seconds) p90
              from answer_time
             where hospital = any(:h) and outcome = 'ACCEPTED' and day between :from and :to
            """)
        .params(args(hospitals, period))
        .query(
            (rs, n) ->
                new IndicatorReport.TimeToAccept(
                    rs.getLong("n"),
                    doubleOrNull(rs.getObject("median")),
                    doubleOrNull(rs.getObject("p90"))))
        .single();
  }

  IndicatorReport.GreenChannel greenChannel(Collection<String> hospitals, Period period) {
    return jdbc.sql(
            """
            select count(*) n, count(*) filter (where within_deadline) on_time
              from answer_time
             where hospital = any(:h) and priority = 'GREEN_CHANNEL' and day between :from and :to
            """)
        .params(args(hospitals, period))
        .query(
            (rs, n) -> {
              long answered = rs.getLong("n");
              long within = rs.getLong("on_time");
              return new IndicatorReport.GreenChannel(
                  answered, within, answered == 0 ? null : (double) within / answered);
            })
        .single();
  }

  /** The events behind a count, oldest first. */
  List<TracedEvent> trace(
      Collection<String> hospitals,
      Period period,
      String kind,
      String category,
      String stage,
      int limit) {
    return jdbc.sql(
            """
            select event_id, event_type, case_id, hospital, counterpart, priority, day, reason,
                   event_time
              from event_log
             where hospital = any(:h) and kind = :kind and category = :category and stage = :stage
               and day between :from and :to
             order by event_time, event_id limit :limit
            """)
        .params(args(hospitals, period))
        .param("kind", kind)
        .param("category", category)
        .param("stage", stage)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new TracedEvent(
                    rs.getObject("event_id", java.util.UUID.class),
                    rs.getString("event_type"),
                    rs.getObject("case_id", java.util.UUID.class),
                    rs.getString("hospital"),
                    rs.getString("counterpart"),
                    rs.getString("priority"),
                    rs.getObject("day", LocalDate.class),
                    rs.getString("reason"),
                    rs.getTimestamp("event_time").toInstant()))
        .list();
  }

  record TracedEvent(
      java.util.UUID eventId,
      String type,
      java.util.UUID caseId,
      String hospital,
      String counterpart,
      String priority,
      LocalDate day,
      @Nullable String reason,
      Instant time) {}

  private static java.util.Map<String, Object> args(Collection<String> hospitals, Period period) {
    return java.util.Map.of(
        "h", hospitals.toArray(String[]::new), "from", period.from(), "to", period.to());
  }

  private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp changed = rs.getTimestamp("changed");
    String stage = rs.getString(3);
    return new Row(
        rs.getObject(1, LocalDate.class),
        rs.getString(2),
        stage == null ? "UNSPECIFIED" : stage,
        rs.getLong("n"),
        changed == null ? Instant.EPOCH : changed.toInstant());
  }

  private static @Nullable Double doubleOrNull(@Nullable Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }
}
