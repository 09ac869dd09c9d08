package cn.yilianti.referral.referral;

import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralStage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReferralRepository {

  private final JdbcClient jdbc;

  ReferralRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long nextNumber() {
    return jdbc.sql("select nextval('referral_number_seq')").query(Long.class).single();
  }

  void insert(Referral r) {
    jdbc.sql(
            """
            insert into referral (id, referral_number, direction, priority, status,
              from_hospital, from_department, to_hospital, to_department,
              diagnosis_code, diagnosis_text, patient_key, submitted_at, answer_deadline, version)
            values (:id, :number, :direction, :priority, :status,
              :fromHospital, :fromDepartment, :toHospital, :toDepartment,
              :diagnosisCode, :diagnosisText, :patientKey, :submittedAt, :answerDeadline, :version)
            """)
        .param("id", r.id())
        .param("number", r.referralNumber())
        .param("direction", r.direction().name())
        .param("priority", r.priority().name())
        .param("status", r.status().name())
        .param("fromHospital", r.fromHospital())
        .param("fromDepartment", r.fromDepartment())
        .param("toHospital", r.toHospital())
        .param("toDepartment", r.toDepartment())
        .param("diagnosisCode", r.diagnosisCode())
        .param("diagnosisText", r.diagnosisText())
        .param("patientKey", r.patientKey())
        .param("submittedAt", java.sql.Timestamp.from(r.submittedAt()))
        .param("answerDeadline", java.sql.Timestamp.from(r.answerDeadline()))
        .param("version", r.version())
        .update();
  }

  Optional<Referral> find(UUID id) {
    return jdbc.sql("select * from referral where id = :id")
        .param("id", id)
        .query(ReferralRepository::map)
        .optional();
  }

  private static Referral map(ResultSet rs, int row) throws SQLException {
    return new Referral(
        rs.getObject("id", UUID.class),
        rs.getString("referral_number"),
        Direction.valueOf(rs.getString("direction")),
        Priority.valueOf(rs.getString("priority")),
        ReferralStage.valueOf(rs.getString("status")),
        rs.getString("from_hospital"),
        rs.getString("from_department"),
        rs.getString("to_hospital"),
        rs.getString("to_department"),
        rs.getString("diagnosis_code"),
        rs.getString("diagnosis_text"),
        rs.getString("patient_key"),
        rs.getTimestamp("submitted_at").toInstant(),
        rs.getTimestamp("answer_deadline").toInstant(),
        rs.getInt("version"));
  }
}
