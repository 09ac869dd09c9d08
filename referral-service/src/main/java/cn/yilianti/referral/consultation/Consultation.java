package cn.yilianti.referral.consultation;

import cn.yilianti.events.consultation.ConsultationStage;
import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.referral.Priority;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A remote consultation as stored. */
record Consultation(
    UUID id,
    String consultationNumber,
    ConsultationType type,
    Priority priority,
    ConsultationStage status,
    String fromHospital,
    @Nullable String fromDepartment,
    @Nullable String fromClinician,
    String toHospital,
    @Nullable String toDepartment,
    String diagnosisCode,
    String diagnosisText,
    String question,
    List<URI> attachments,
    String patientKey,
    Instant requestedAt,
    Instant answerDeadline,
    @Nullable Instant scheduledAt,
    @Nullable String expert,
    @Nullable String reportText,
    @Nullable URI reportUrl,
    @Nullable String reasonCode,
    @Nullable String reasonComment,
    int version) {

  String etag() {
    return "\"" + version + "\"";
  }

  Consultation scheduled(Instant at, String expertId) {
    return new Consultation(
        id,
        consultationNumber,
        type,
        priority,
        ConsultationStage.SCHEDULED,
        fromHospital,
        fromDepartment,
        fromClinician,
        toHospital,
        toDepartment,
        diagnosisCode,
        diagnosisText,
        question,
        attachments,
        patientKey,
        requestedAt,
        answerDeadline,
        at,
        expertId,
        reportText,
        reportUrl,
        reasonCode,
        reasonComment,
        version + 1);
  }

  Consultation completed(@Nullable String text, @Nullable URI url) {
    return new Consultation(
        id,
        consultationNumber,
        type,
        priority,
        ConsultationStage.COMPLETED,
        fromHospital,
        fromDepartment,
        fromClinician,
        toHospital,
        toDepartment,
        diagnosisCode,
        diagnosisText,
        question,
        attachments,
        patientKey,
        requestedAt,
        answerDeadline,
        scheduledAt,
        expert,
        text,
        url,
        reasonCode,
        reasonComment,
        version + 1);
  }

  Consultation ended(ConsultationStage stage, String code, @Nullable String comment) {
    return new Consultation(
        id,
        consultationNumber,
        type,
        priority,
        stage,
        fromHospital,
        fromDepartment,
        fromClinician,
        toHospital,
        toDepartment,
        diagnosisCode,
        diagnosisText,
        question,
        attachments,
        patientKey,
        requestedAt,
        answerDeadline,
        scheduledAt,
        expert,
        reportText,
        reportUrl,
        code,
        comment,
        version + 1);
  }
}
