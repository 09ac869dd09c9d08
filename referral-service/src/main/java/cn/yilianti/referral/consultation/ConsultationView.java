package cn.yilianti.referral.consultation;

import cn.yilianti.events.consultation.ConsultationStage;
import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.referral.Priority;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A consultation as the API shows it. */
record ConsultationView(
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
    DiagnosisView diagnosis,
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
    @Nullable String reasonComment) {

  record DiagnosisView(String code, String text) {}

  /** One page of a list, and the cursor of the next (null on the last page). */
  record Page(List<ConsultationView> items, @Nullable String nextCursor) {}
}
