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
    return next(ConsultationStage.SCHEDULED, at, expertId, reportText, reportUrl, null, null);
  }

  Consultation completed(@Nullable String text, @Nullable URI url) {
    return next(ConsultationStage.COMPLETED, scheduledAt, expert, text, url, null, null);
  }

  Consultation ended(ConsultationStage stage, String code, @Nullable String comment) {
    return next(stage, scheduledAt, expert, reportText, reportUrl, code, comment);
  }

  /** The next version: the request stays as it was, the answer fields change. */
  private Consultation next(
      ConsultationStage stage,
      @Nullable Instant at,
      @Nullable String expertId,
      @Nullable String text,
      @Nullable URI url,
      @Nullable String code,
      @Nullable String comment) {
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
        at,
        expertId,
        text,
        url,
        code,
        comment,
        version + 1);
  }
}
