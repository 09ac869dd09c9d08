package cn.yilianti.notification.api;

import cn.yilianti.notification.api.Views.Acknowledged;
import cn.yilianti.notification.escalation.EscalationTimers;
import cn.yilianti.notification.notice.NoticeStore;
import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.security.Role;
import cn.yilianti.platform.web.ProblemException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator acknowledges a notification of their hospital (and department, where both are set):
 * every open notification of the case is then seen, and its escalation stops. Another hospital's
 * notification is answered 404, as if it did not exist.
 */
@Service
class Acknowledgements {

  private final JdbcClient jdbc;
  private final NoticeStore store;
  private final EscalationTimers timers;

  Acknowledgements(JdbcClient jdbc, NoticeStore store, EscalationTimers timers) {
    this.jdbc = jdbc;
    this.store = store;
    this.timers = timers;
  }

  private record Row(
      UUID id,
      UUID caseId,
      String hospital,
      @Nullable String department,
      boolean needsAck,
      @Nullable Timestamp acknowledgedAt,
      @Nullable String acknowledgedBy) {}

  @Transactional
  Acknowledged acknowledge(UUID id, Caller caller) {
    if (!caller.has(Role.COORDINATOR)) {
      throw Access.forbidden("only a coordinator acknowledges a notification");
    }
    Row row =
        jdbc.sql(
                """
                select id, case_id, hospital, department, needs_ack, acknowledged_at,
                       acknowledged_by
                  from notification where id = :id for update
                """)
            .param("id", id)
            .query(
                (rs, n) ->
                    new Row(
                        id,
                        rs.getObject("case_id", UUID.class),
                        rs.getString("hospital"),
                        rs.getString("department"),
                        rs.getBoolean("needs_ack"),
                        rs.getTimestamp("acknowledged_at"),
                        rs.getString("acknowledged_by")))
            .optional()
            .filter(r -> isFor(r, caller))
            .orElseThrow(() -> ProblemException.notFound("notification", id));
    if (row.acknowledgedAt() != null) {
      return new Acknowledged(
          id, row.acknowledgedAt().toInstant(), Objects.requireNonNull(row.acknowledgedBy()));
    }
    String by = "coordinator:" + caller.subject();
    if (row.needsAck()) {
      store.closeAcknowledgements(row.caseId(), by);
      timers.stop(row.caseId(), "acknowledged");
    } else {
      jdbc.sql(
              """
              update notification set acknowledged_at = now(), acknowledged_by = :by
               where id = :id and acknowledged_at is null
              """)
          .param("by", by)
          .param("id", id)
          .update();
    }
    Instant at =
        jdbc.sql("select acknowledged_at from notification where id = :id")
            .param("id", id)
            .query(Timestamp.class)
            .single()
            .toInstant();
    return new Acknowledged(id, at, by);
  }

  private static boolean isFor(Row row, Caller caller) {
    return caller.belongsTo(row.hospital())
        && (caller.department() == null
            || row.department() == null
            || caller.department().equals(row.department()));
  }
}
