package cn.yilianti.referral.referral;

import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralStage;
import cn.yilianti.referral.protection.PatientIdentity;
import cn.yilianti.referral.referral.ReferralDetails.Attachment;
import cn.yilianti.referral.referral.ReferralDetails.InsuranceType;
import cn.yilianti.referral.referral.ReferralDetails.ReturnSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A referral as the API shows it; the patient's identity masked. */
record ReferralView(
    UUID id,
    String referralNumber,
    @Nullable String hisBusinessId,
    Direction direction,
    Priority priority,
    ReferralStage status,
    String fromHospital,
    @Nullable String fromDepartment,
    @Nullable String fromClinician,
    String toHospital,
    @Nullable String toDepartment,
    DiagnosisView diagnosis,
    @Nullable String conditionSummary,
    @Nullable String reason,
    @Nullable String cautions,
    @Nullable LocalDate requestedDate,
    @Nullable InsuranceType insuranceType,
    List<Attachment> attachments,
    @Nullable ReturnSummary returnSummary,
    @Nullable UUID closesReferral,
    @Nullable UUID rereferralOf,
    String patientKey,
    @Nullable PatientIdentity patient,
    List<UUID> suspectedDuplicateOf,
    Instant submittedAt,
    Instant answerDeadline,
    boolean answerDeadlinePassed,
    Answer answer,
    Instant updatedAt,
    int version) {

  record DiagnosisView(String code, String text) {}
}
