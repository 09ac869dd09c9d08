package cn.yilianti.referral.consultation;

import cn.yilianti.events.consultation.ConsultationStage;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit trail: one row per transition, written in the transition's transaction. */
@Repository
class ConsultationHistoryRepository {

  private final JdbcClient jdbc;

  ConsultationHistoryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void append(UUID consultationId, HistoryEntry e) {
    jdbc.sql(
            """
            insert into consultation_history (consultation_id, action, from_status, to_status,
              actor, actor_hospital, reason_code, comment, at)
            values (:id, :action, :from, :to, :actor, :actorHospital, :reasonCode, :comment, :at)
            """)
        .param("id", consultationId)
        .param("action", e.action())
        .param("from", e.fromStatus() == null ? null : e.fromStatus().name())
        .param("to", e.toStatus().name())
        .param("actor", e.actor())
        .param("actorHospital", e.actorHospital())
        .param("reasonCode", e.reasonCode())
        .param("comment", e.comment())
        .param("at", Timestamp.from(e.at()))
        .update();
  }

  List<HistoryEntry> of(UUID consultationId) {
    return jdbc.sql("select * from consultation_history where consultation_id = :id order by id")
        .param("id", consultationId)
        .query(
            (rs, n) ->
                new HistoryEntry(
                    rs.getString("action"),
                    rs.getString("from_status") == null
                        ? null
                        : ConsultationStage.valueOf(rs.getString("from_status")),
                    ConsultationStage.valueOf(rs.getString("to_status")),
                    rs.getString("actor"),
                    rs.getString("actor_hospital"),
                    rs.getString("reason_code"),
                    rs.getString("comment"),
                    rs.getTimestamp("at").toInstant()))
        .list();
  }
}
