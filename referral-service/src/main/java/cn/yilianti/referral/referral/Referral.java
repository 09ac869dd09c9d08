package cn.yilianti.referral.referral;

import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralStage;
import cn.yilianti.referral.access.ReferralAccess.Parties;
import cn.yilianti.referral.protection.SealedIdentity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A referral as stored; the patient's identity only sealed. */
record Referral(
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
    String diagnosisCode,
    String diagnosisText,
    ReferralDetails details,
    @Nullable UUID closesReferral,
    @Nullable UUID rereferralOf,
    String patientKey,
    @Nullable SealedIdentity patient,
    String alliance,
    List<String> alliances,
    List<UUID> suspectedDuplicateOf,
    Instant submittedAt,
    Instant answerDeadline,
    boolean answerDeadlinePassed,
    Answer answer,
    Instant updatedAt,
    int version) {

  Parties parties() {
    return new Parties(fromHospital, toHospital, toDepartment, alliances);
  }

  Referral moved(ReferralStage to, Answer newAnswer, Instant at) {
    return new Referral(
        id,
        referralNumber,
        hisBusinessId,
        direction,
        priority,
        to,
        fromHospital,
        fromDepartment,
        fromClinician,
        toHospital,
        toDepartment,
        diagnosisCode,
        diagnosisText,
        details,
        closesReferral,
        rereferralOf,
        patientKey,
        patient,
        alliance,
        alliances,
        suspectedDuplicateOf,
        submittedAt,
        answerDeadline,
        answerDeadlinePassed,
        newAnswer,
        at,
        version + 1);
  }
}
