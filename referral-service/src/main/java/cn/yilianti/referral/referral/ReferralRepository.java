package cn.yilianti.referral.referral;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralStage;
import cn.yilianti.platform.outbox.OutboxWriter;
import cn.yilianti.referral.protection.SealedIdentity;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ReferralRepository {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  ReferralRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What a new referral needs from the table: its number and possible duplicates. */
  record Numbered(long number, List<UUID> duplicates) {}

  /**
   * The next referral number and the referrals of the same patient to the same receiving hospital
   * and department since {@code since}, in one round trip.
   */
  Numbered numberAndDuplicates(
      String patientKey, String toHospital, @Nullable String toDepartment, Instant since) {
    return jdbc.sql(
            """
            select nextval('referral_number_seq') as number,
                   array(select id from referral
                          where patient_key = :patientKey and to_hospital = :toHospital
                            and to_department is not distinct from :toDepartment
                            and submitted_at >= :since
                          order by submitted_at, id limit 20) as duplicates
            """)
        .param("patientKey", patientKey)
        .param("toHospital", toHospital)
        .param("toDepartment", toDepartment)
        .param("since", Timestamp.from(since))
        .query(
            (rs, n) ->
                new Numbered(
                    rs.getLong("number"), Arrays.asList((UUID[]) array(rs.getArray("duplicates")))))
        .single();
  }

  /**
   * Stores a new referral, its first audit row and its event in one statement (a data-modifying
   * {@code WITH}), so all three commit together or not at all, in one round trip.
   */
  void insertSubmitted(
      Referral r,
      String actor,
      @Nullable String actorHospital,
      OutboxWriter outbox,
      CloudEvent<?> event) {
    SealedIdentity patient = r.patient();
    StatementSpec statement =
        jdbc.sql(
                """
                with new_referral as (
                  insert into referral (id, referral_number, his_business_id, direction, priority,
                    status, from_hospital, from_department, from_clinician, to_hospital,
                    to_department, diagnosis_code, diagnosis_text, details, closes_referral,
                    rereferral_of, patient_key, patient_identity, patient_key_id, alliance,
                    alliances, suspected_duplicate_of, submitted_at, answer_deadline, answer,
                    updated_at, version)
                  values (:id, :number, :hisBusinessId, :direction, :priority, :status,
                    :fromHospital, :fromDepartment, :fromClinician, :toHospital, :toDepartment,
                    :diagnosisCode, :diagnosisText, cast(:details as jsonb), :closes,
                    :rereferralOf, :patientKey, :patientIdentity, :patientKeyId, :alliance,
                    :alliances, :duplicates, :submittedAt, :answerDeadline,
                    cast(:answer as jsonb), :updatedAt, :version)),
                first_transition as (
                  insert into referral_transition
                    (referral_id, actor, actor_hospital, at, from_status, to_status, version)
                  values (:id, :actor, :actorHospital, :submittedAt, null, :status, :version))
                """
                    + OutboxWriter.INSERT)
            .param("id", r.id())
            .param("number", r.referralNumber())
            .param("hisBusinessId", r.hisBusinessId())
            .param("direction", r.direction().name())
            .param("priority", r.priority().name())
            .param("status", r.status().name())
            .param("fromHospital", r.fromHospital())
            .param("fromDepartment", r.fromDepartment())
            .param("fromClinician", r.fromClinician())
            .param("toHospital", r.toHospital())
            .param("toDepartment", r.toDepartment())
            .param("diagnosisCode", r.diagnosisCode())
            .param("diagnosisText", r.diagnosisText())
            .param("details", JSON.writeValueAsString(r.details()))
            .param("closes", r.closesReferral())
            .param("rereferralOf", r.rereferralOf())
            .param("patientKey", r.patientKey())
            .param("patientIdentity", patient == null ? null : patient.ciphertext())
            .param("patientKeyId", patient == null ? null : patient.keyId())
            .param("alliance", r.alliance())
            .param("alliances", r.alliances().toArray(String[]::new))
            .param("duplicates", r.suspectedDuplicateOf().toArray(UUID[]::new))
            .param("submittedAt", Timestamp.from(r.submittedAt()))
            .param("answerDeadline", Timestamp.from(r.answerDeadline()))
            .param("answer", JSON.writeValueAsString(r.answer()))
            .param("updatedAt", Timestamp.from(r.updatedAt()))
            .param("version", r.version())
            .param("actor", actor)
            .param("actorHospital", actorHospital);
    outbox.appendWith(statement, event);
  }

  /** Writes a transition's new stage and answer; the caller holds the row lock. */
  void updateStage(Referral r) {
    jdbc.sql(
            """
            update referral set status = :status, answer = cast(:answer as jsonb),
              updated_at = :updatedAt, version = :version
            where id = :id
            """)
        .param("id", r.id())
        .param("status", r.status().name())
        .param("answer", JSON.writeValueAsString(r.answer()))
        .param("updatedAt", Timestamp.from(r.updatedAt()))
        .param("version", r.version())
        .update();
  }

  Optional<Referral> find(UUID id) {
    return jdbc.sql("select * from referral where id = :id")
        .param("id", id)
        .query(ReferralRepository::map)
        .optional();
  }

  Optional<Referral> lock(UUID id) {
    return jdbc.sql("select * from referral where id = :id for update")
        .param("id", id)
        .query(ReferralRepository::map)
        .optional();
  }

  static Referral map(ResultSet rs, int row) throws SQLException {
    byte[] sealed = rs.getBytes("patient_identity");
    return new Referral(
        rs.getObject("id", UUID.class),
        rs.getString("referral_number"),
        rs.getString("his_business_id"),
        Direction.valueOf(rs.getString("direction")),
        Priority.valueOf(rs.getString("priority")),
        ReferralStage.valueOf(rs.getString("status")),
        rs.getString("from_hospital"),
        rs.getString("from_department"),
        rs.getString("from_clinician"),
        rs.getString("to_hospital"),
        rs.getString("to_department"),
        rs.getString("diagnosis_code"),
        rs.getString("diagnosis_text"),
        JSON.readValue(rs.getString("details"), ReferralDetails.class),
        rs.getObject("closes_referral", UUID.class),
        rs.getObject("rereferral_of", UUID.class),
        rs.getString("patient_key"),
        sealed == null ? null : new SealedIdentity(rs.getString("patient_key_id"), sealed),
        rs.getString("alliance"),
        Arrays.asList((String[]) array(rs.getArray("alliances"))),
        Arrays.asList((UUID[]) array(rs.getArray("suspected_duplicate_of"))),
        rs.getTimestamp("submitted_at").toInstant(),
        rs.getTimestamp("answer_deadline").toInstant(),
        rs.getBoolean("deadline_passed"),
        JSON.readValue(rs.getString("answer"), Answer.class),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getInt("version"));
  }

  private static Object array(Array array) throws SQLException {
    return array.getArray();
  }
}
