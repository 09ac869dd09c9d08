package cn.yilianti.events.consultation;

import cn.yilianti.events.referral.Priority;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What every consultation event repeats about its consultation. */
public record ConsultationRef(
    UUID consultationId,
    String consultationNumber,
    ConsultationType type,
    Priority priority,
    String fromHospital,
    String toHospital,
    @Nullable String toDepartment,
    Instant requestedAt,
    Instant answerDeadline) {}
