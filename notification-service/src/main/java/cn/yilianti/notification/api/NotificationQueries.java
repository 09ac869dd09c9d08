package cn.yilianti.notification.api;

import cn.yilianti.notification.api.Views.AttemptView;
import cn.yilianti.notification.api.Views.CaseDeliveries;
import cn.yilianti.notification.api.Views.DeliveryView;
import cn.yilianti.notification.api.Views.EndpointStatus;
import cn.yilianti.notification.api.Views.NotificationView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads for the API: a case's notifications with their deliveries and attempt history. */
@Repository
class NotificationQueries {

  private static final String DELIVERY_COLUMNS =
      """
      select id, message_id, notification_id, hospital, channel, address, status, attempts,
             next_attempt_at, last_error, delivered_at from delivery
      """;

  private final JdbcClient jdbc;

  NotificationQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record CaseRow(
      UUID caseId,
      String caseType,
      String number,
      String priority,
      String fromHospital,
      String toHospital,
      int level,
      @Nullable Instant dueAt,
      @Nullable String stopped) {}

  Optional<CaseRow> caseRow(UUID caseId, String caseType) {
    return jdbc.sql("select * from notice_case where case_id = :id and case_type = :type")
        .param("id", caseId)
        .param("type", caseType)
        .query(
            (rs, n) ->
                new CaseRow(
                    caseId,
                    caseType,
                    rs.getString("case_number"),
                    rs.getString("priority"),
                    rs.getString("from_hospital"),
                    rs.getString("to_hospital"),
                    rs.getInt("escalation_level"),
                    instant(rs.getTimestamp("escalation_due_at")),
                    rs.getString("escalation_stopped")))
        .optional();
  }

  CaseDeliveries caseDeliveries(CaseRow c, Predicate<String> visibleHospital) {
    List<NotificationView> notifications =
        jdbc
            .sql("select * from notification where case_id = :id order by created_at, id")
            .param("id", c.caseId())
            .query((rs, n) -> notification(rs, List.of()))
            .list()
            .stream()
            .filter(n -> visibleHospital.test(n.hospital()))
            .toList();
    Map<UUID, List<DeliveryView>> deliveries =
        deliveries(
                DELIVERY_COLUMNS + " where notification_id = any(:ids) order by id",
                Map.of(
                    "ids", notifications.stream().map(NotificationView::id).toArray(UUID[]::new)))
            .stream()
            .collect(Collectors.groupingBy(DeliveryRow::notificationId))
            .entrySet()
            .stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, e -> e.getValue().stream().map(DeliveryRow::view).toList()));
    return new CaseDeliveries(
        c.caseId(),
        c.caseType(),
        c.number(),
        c.priority(),
        c.level(),
        c.dueAt(),
        c.stopped(),
        notifications.stream()
            .map(n -> withDeliveries(n, deliveries.getOrDefault(n.id(), List.of())))
            .toList());
  }

  List<DeliveryView> parked(@Nullable String hospital) {
    String sql =
        DELIVERY_COLUMNS
            + " where status = 'PARKED'"
            + (hospital == null ? "" : " and hospital = :hospital")
            + " order by id limit 500";
    return deliveries(sql, hospital == null ? Map.of() : Map.of("hospital", hospital)).stream()
        .map(DeliveryRow::view)
        .toList();
  }

  record DeliveryRow(UUID notificationId, DeliveryView view) {}

  Optional<DeliveryView> delivery(long id) {
    return deliveries(DELIVERY_COLUMNS + " where id = :id", Map.of("id", id)).stream()
        .map(DeliveryRow::view)
        .findFirst();
  }

  List<EndpointStatus> endpoints(String hospital) {
    return jdbc.sql(
            """
            select d.channel, d.address,
                   count(*) filter (where d.status in ('PENDING', 'SENDING')) as pending,
                   count(*) filter (where d.status = 'SENT') as sent,
                   count(*) filter (where d.status = 'PARKED') as parked,
                   (select a.error from delivery_attempt a join delivery x on x.id = a.delivery_id
                     where x.hospital = :h and x.channel = d.channel and x.address = d.address
                       and a.error is not null order by a.id desc limit 1) as last_error,
                   (select max(a.attempted_at) from delivery_attempt a
                      join delivery x on x.id = a.delivery_id
                     where x.hospital = :h and x.channel = d.channel and x.address = d.address)
                     as last_attempt_at
              from delivery d
             where d.hospital = :h
             group by d.channel, d.address
             order by d.channel, d.address
            """)
        .param("h", hospital)
        .query(
            (rs, n) ->
                new EndpointStatus(
                    rs.getString("channel"),
                    rs.getString("address"),
                    rs.getLong("pending"),
                    rs.getLong("sent"),
                    rs.getLong("parked"),
                    rs.getString("last_error"),
                    instant(rs.getTimestamp("last_attempt_at"))))
        .list();
  }

  private List<DeliveryRow> deliveries(String sql, Map<String, ?> params) {
    List<DeliveryRow> rows =
        jdbc.sql(sql)
            .params(params)
            .query(
                (rs, n) ->
                    new DeliveryRow(
                        rs.getObject("notification_id", UUID.class),
                        new DeliveryView(
                            rs.getLong("id"),
                            rs.getObject("message_id", UUID.class),
                            rs.getString("hospital"),
                            rs.getString("channel"),
                            rs.getString("address"),
                            rs.getString("status"),
                            rs.getInt("attempts"),
                            rs.getTimestamp("next_attempt_at").toInstant(),
                            rs.getString("last_error"),
                            instant(rs.getTimestamp("delivered_at")),
                            List.of())))
            .list();
    if (rows.isEmpty()) {
      return rows;
    }
    Map<Long, List<AttemptView>> history =
        jdbc
            .sql(
                """
                select delivery_id, attempt, outcome, latency_ms, error, attempted_at
                  from delivery_attempt where delivery_id = any(:ids) order by id
                """)
            .param("ids", rows.stream().map(r -> r.view().id()).toArray(Long[]::new))
            .query(
                (rs, n) ->
                    Map.entry(
                        rs.getLong("delivery_id"),
                        new AttemptView(
                            rs.getInt("attempt"),
                            rs.getString("outcome"),
                            rs.getLong("latency_ms"),
                            rs.getString("error"),
                            rs.getTimestamp("attempted_at").toInstant())))
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getKey,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    return rows.stream()
        .map(
            r ->
                new DeliveryRow(
                    r.notificationId(),
                    withHistory(r.view(), history.getOrDefault(r.view().id(), List.of()))))
        .toList();
  }

  static NotificationView notification(ResultSet rs, List<DeliveryView> deliveries)
      throws SQLException {
    return new NotificationView(
        rs.getObject("id", UUID.class),
        rs.getObject("event_id", UUID.class),
        rs.getString("event_type"),
        rs.getTimestamp("event_time").toInstant(),
        rs.getString("hospital"),
        rs.getString("recipient"),
        rs.getString("recipient_name"),
        rs.getString("role"),
        rs.getInt("escalation_level"),
        rs.getBoolean("needs_ack"),
        instant(rs.getTimestamp("acknowledged_at")),
        rs.getString("acknowledged_by"),
        deliveries);
  }

  private static NotificationView withDeliveries(NotificationView n, List<DeliveryView> d) {
    return new NotificationView(
        n.id(),
        n.eventId(),
        n.eventType(),
        n.eventTime(),
        n.hospital(),
        n.recipient(),
        n.recipientName(),
        n.role(),
        n.escalationLevel(),
        n.needsAck(),
        n.acknowledgedAt(),
        n.acknowledgedBy(),
        d);
  }

  private static DeliveryView withHistory(DeliveryView d, List<AttemptView> history) {
    return new DeliveryView(
        d.id(),
        d.messageId(),
        d.hospital(),
        d.channel(),
        d.address(),
        d.status(),
        d.attempts(),
        d.nextAttemptAt(),
        d.lastError(),
        d.deliveredAt(),
        history);
  }

  private static @Nullable Instant instant(@Nullable Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
