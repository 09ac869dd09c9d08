package cn.yilianti.notification.notice;

import cn.yilianti.events.referral.Priority;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What every notice about one case repeats: numbers, hospitals, department, priority, deadline and
 * the pseudonymous patient key; never a patient's identity.
 */
public record CaseNotice(
    UUID caseId,
    CaseType caseType,
    String caseNumber,
    Priority priority,
    String fromHospital,
    @Nullable String fromDepartment,
    String toHospital,
    @Nullable String toDepartment,
    Instant answerDeadline,
    @Nullable String patientKey) {}
