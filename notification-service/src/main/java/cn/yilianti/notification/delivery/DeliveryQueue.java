package cn.yilianti.notification.delivery;

import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.registry.ChannelType;
import cn.yilianti.notification.notice.CaseNotice;
import cn.yilianti.notification.notice.CaseType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable queue of deliveries. A claim leases due rows ({@code SENDING} until the lease ends,
 * so a crashed worker's rows come back); a webhook waits while an earlier delivery to the same
 * endpoint is still open; {@code SKIP LOCKED} lets replicas claim side by side.
 */
@Repository
class DeliveryQueue {

  private final JdbcClient jdbc;

  DeliveryQueue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  List<OutgoingMessage> claim(int limit, Duration lease) {
    List<Long> ids =
        jdbc.sql(
                """
                update delivery d
                   set status = 'SENDING', next_attempt_at = now() + :ms * interval '1 millisecond'
                 where d.id in (
                   select c.id from delivery c
                    where c.status in ('PENDING', 'SENDING') and c.next_attempt_at <= now()
                      and (c.ordering_key is null or not exists (
                            select 1 from delivery e
                             where e.ordering_key = c.ordering_key
                               and e.status in ('PENDING', 'SENDING') and e.id < c.id))
                    order by c.id
                    limit :limit
                    for update skip locked)
                returning d.id
                """)
            .param("ms", lease.toMillis())
            .param("limit", limit)
            .query(Long.class)
            .list();
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select d.id, d.message_id, d.notification_id, d.event_id, d.channel, d.address,
                   d.hospital, d.attempts, n.event_type, n.event_time, n.escalation_level,
                   n.recipient_name, c.case_id, c.case_type, c.case_number, c.priority,
                   c.from_hospital, c.from_department, c.to_hospital, c.to_department,
                   c.answer_deadline, c.patient_key
              from delivery d
              join notification n on n.id = d.notification_id
              join notice_case c on c.case_id = n.case_id
             where d.id = any(:ids)
             order by d.id
            """)
        .param("ids", ids.toArray(Long[]::new))
        .query((rs, n) -> message(rs))
        .list();
  }

  /** Delivered: the attempt row and the delivery's new state in one statement. */
  void sent(OutgoingMessage m, long latencyMs) {
    jdbc.sql(
            """
            with done as (
              update delivery set status = 'SENT', attempts = attempts + 1, delivered_at = now(),
                     last_error = null
               where id = :id
              returning id, event_id, recipient, channel, attempts)
            insert into delivery_attempt (delivery_id, event_id, recipient, channel, attempt,
                outcome, latency_ms)
            select id, event_id, recipient, channel, attempts, 'SENT', :latency from done
            """)
        .param("id", m.deliveryId())
        .param("latency", latencyMs)
        .update();
  }

  /** A failed attempt: retried after {@code retryIn}, or parked when it is null. */
  void failed(OutgoingMessage m, long latencyMs, String error, @Nullable Duration retryIn) {
    jdbc.sql(
            """
            with done as (
              update delivery set attempts = attempts + 1, last_error = :error,
                     status = case when :park then 'PARKED' else 'PENDING' end,
                     next_attempt_at = now() + :ms * interval '1 millisecond'
               where id = :id
              returning id, event_id, recipient, channel, attempts)
            insert into delivery_attempt (delivery_id, event_id, recipient, channel, attempt,
                outcome, latency_ms, error)
            select id, event_id, recipient, channel, attempts, :outcome, :latency, :error from done
            """)
        .param("error", error)
        .param("park", retryIn == null)
        .param("ms", retryIn == null ? 0 : retryIn.toMillis())
        .param("id", m.deliveryId())
        .param("outcome", retryIn == null ? "PARKED" : "FAILED")
        .param("latency", latencyMs)
        .update();
  }

  /** Nothing was sent (bulkhead full, rate limit): try again later, no attempt. */
  void deferred(OutgoingMessage m, String reason, Duration retryIn) {
    jdbc.sql(
            """
            update delivery set status = 'PENDING', last_error = :reason,
                   next_attempt_at = now() + :ms * interval '1 millisecond'
             where id = :id
            """)
        .param("reason", reason)
        .param("ms", retryIn.toMillis())
        .param("id", m.deliveryId())
        .update();
  }

  /**
   * An endpoint's circuit is open: every delivery still waiting for the endpoint ({@code channel},
   * or {@code channel} of {@code hospital} when the endpoint is per hospital) waits {@code
   * retryIn}, in one statement instead of one claim each. Deliveries due later keep their time;
   * rows another worker holds are skipped (it is deciding about them), so two workers never wait on
   * each other here.
   */
  int holdEndpoint(ChannelType channel, @Nullable String hospital, Duration retryIn) {
    return jdbc.sql(
            """
            update delivery set next_attempt_at = now() + :ms * interval '1 millisecond'
             where id in (
               select id from delivery
                where status = 'PENDING' and channel = :channel
                  and (cast(:hospital as text) is null or hospital = :hospital)
                  and next_attempt_at < now() + :ms * interval '1 millisecond'
                for update skip locked)
            """)
        .param("ms", retryIn.toMillis())
        .param("channel", channel.name())
        .param("hospital", hospital)
        .update();
  }

  /**
   * The endpoint works again after failing: deliveries waiting out a backoff or an open circuit for
   * it become due now instead of minutes later. Returns how many.
   */
  int releaseEndpoint(ChannelType channel, @Nullable String hospital) {
    return jdbc.sql(
            """
            update delivery set next_attempt_at = now()
             where id in (
               select id from delivery
                where status = 'PENDING' and channel = :channel
                  and (cast(:hospital as text) is null or hospital = :hospital)
                  and next_attempt_at > now()
                for update skip locked)
            """)
        .param("channel", channel.name())
        .param("hospital", hospital)
        .update();
  }

  private static OutgoingMessage message(ResultSet rs) throws SQLException {
    CaseNotice notice =
        new CaseNotice(
            rs.getObject("case_id", UUID.class),
            CaseType.valueOf(rs.getString("case_type")),
            rs.getString("case_number"),
            Priority.valueOf(rs.getString("priority")),
            rs.getString("from_hospital"),
            rs.getString("from_department"),
            rs.getString("to_hospital"),
            rs.getString("to_department"),
            rs.getTimestamp("answer_deadline").toInstant(),
            rs.getString("patient_key"));
    Timestamp eventTime = rs.getTimestamp("event_time");
    return new OutgoingMessage(
        rs.getLong("id"),
        rs.getObject("message_id", UUID.class),
        rs.getObject("notification_id", UUID.class),
        rs.getObject("event_id", UUID.class),
        rs.getString("event_type"),
        eventTime.toInstant(),
        rs.getInt("escalation_level"),
        ChannelType.valueOf(rs.getString("channel")),
        rs.getString("address"),
        rs.getString("hospital"),
        rs.getString("recipient_name"),
        rs.getInt("attempts"),
        notice);
  }
}
