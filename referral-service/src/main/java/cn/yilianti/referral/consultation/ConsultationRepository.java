package cn.yilianti.referral.consultation;

import cn.yilianti.events.consultation.ConsultationStage;
import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.referral.Priority;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ConsultationRepository {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<URI>> LINKS = new TypeReference<>() {};

  private final JdbcClient jdbc;

  ConsultationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long nextNumber() {
    return jdbc.sql("select nextval('consultation_number_seq')").query(Long.class).single();
  }

  void insert(Consultation c) {
    jdbc.sql(
            """
            insert into consultation (id, consultation_number, type, priority, status,
              from_hospital, from_department, from_clinician, to_hospital, to_department,
              diagnosis_code, diagnosis_text, question, attachments, patient_key,
              requested_at, answer_deadline, version)
            values (:id, :number, :type, :priority, :status,
              :fromHospital, :fromDepartment, :fromClinician, :toHospital, :toDepartment,
              :diagnosisCode, :diagnosisText, :question, cast(:attachments as jsonb), :patientKey,
              :requestedAt, :answerDeadline, :version)
            """)
        .param("id", c.id())
        .param("number", c.consultationNumber())
        .param("type", c.type().name())
        .param("priority", c.priority().name())
        .param("status", c.status().name())
        .param("fromHospital", c.fromHospital())
        .param("fromDepartment", c.fromDepartment())
        .param("fromClinician", c.fromClinician())
        .param("toHospital", c.toHospital())
        .param("toDepartment", c.toDepartment())
        .param("diagnosisCode", c.diagnosisCode())
        .param("diagnosisText", c.diagnosisText())
        .param("question", c.question())
        .param("attachments", JSON.writeValueAsString(c.attachments()))
        .param("patientKey", c.patientKey())
        .param("requestedAt", Timestamp.from(c.requestedAt()))
        .param("answerDeadline", Timestamp.from(c.answerDeadline()))
        .param("version", c.version())
        .update();
  }

  /** Writes the answer fields of a transition if the row still has the version it was read at. */
  boolean update(Consultation c) {
    return jdbc.sql(
                """
                update consultation set status = :status, scheduled_at = :scheduledAt,
                  expert = :expert, report_text = :reportText, report_url = :reportUrl,
                  reason_code = :reasonCode, reason_comment = :reasonComment, version = :version
                 where id = :id and version = :version - 1
                """)
            .param("id", c.id())
            .param("status", c.status().name())
            .param("scheduledAt", timestamp(c.scheduledAt()))
            .param("expert", c.expert())
            .param("reportText", c.reportText())
            .param("reportUrl", c.reportUrl() == null ? null : c.reportUrl().toString())
            .param("reasonCode", c.reasonCode())
            .param("reasonComment", c.reasonComment())
            .param("version", c.version())
            .update()
        == 1;
  }

  Optional<Consultation> find(UUID id) {
    return jdbc.sql("select * from consultation where id = :id")
        .param("id", id)
        .query(ConsultationRepository::map)
        .optional();
  }

  Optional<Consultation> lock(UUID id) {
    return jdbc.sql("select * from consultation where id = :id for update")
        .param("id", id)
        .query(ConsultationRepository::map)
        .optional();
  }

  /** Requests past their answer deadline not yet flagged, locked, skipping rows others hold. */
  List<Consultation> lockOverdue(Instant now, int limit) {
    return jdbc.sql(
            """
            select * from consultation
             where status = 'REQUESTED' and deadline_passed_at is null and answer_deadline <= :now
             order by answer_deadline
             limit :limit
             for update skip locked
            """)
        .param("now", Timestamp.from(now))
        .param("limit", limit)
        .query(ConsultationRepository::map)
        .list();
  }

  void flagDeadlinePassed(UUID id, Instant at) {
    jdbc.sql("update consultation set deadline_passed_at = :at where id = :id")
        .param("id", id)
        .param("at", Timestamp.from(at))
        .update();
  }

  static Consultation map(ResultSet rs, int row) throws SQLException {
    return new Consultation(
        rs.getObject("id", UUID.class),
        rs.getString("consultation_number"),
        ConsultationType.valueOf(rs.getString("type")),
        Priority.valueOf(rs.getString("priority")),
        ConsultationStage.valueOf(rs.getString("status")),
        rs.getString("from_hospital"),
        rs.getString("from_department"),
        rs.getString("from_clinician"),
        rs.getString("to_hospital"),
        rs.getString("to_department"),
        rs.getString("diagnosis_code"),
        rs.getString("diagnosis_text"),
        rs.getString("question"),
        JSON.readValue(rs.getString("attachments"), LINKS),
        rs.getString("patient_key"),
        rs.getTimestamp("requested_at").toInstant(),
        rs.getTimestamp("answer_deadline").toInstant(),
        instant(rs.getTimestamp("scheduled_at")),
        rs.getString("expert"),
        rs.getString("report_text"),
        rs.getString("report_url") == null ? null : URI.create(rs.getString("report_url")),
        rs.getString("reason_code"),
        rs.getString("reason_comment"),
        rs.getInt("version"));
  }

  private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
