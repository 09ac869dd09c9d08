package cn.yilianti.referral.referral;

import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralStage;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A referral as the API shows it. */
record ReferralView(
    UUID id,
    String referralNumber,
    Direction direction,
    Priority priority,
    ReferralStage status,
    String fromHospital,
    @Nullable String fromDepartment,
    String toHospital,
    @Nullable String toDepartment,
    DiagnosisView diagnosis,
    String patientKey,
    Instant submittedAt,
    Instant answerDeadline) {

  record DiagnosisView(String code, String text) {}
}
