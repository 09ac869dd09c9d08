package cn.yilianti.referral.consultation;

import cn.yilianti.events.consultation.ConsultationStage;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One audit row: who moved the consultation from which status to which, when and why. */
record HistoryEntry(
    String action,
    @Nullable ConsultationStage fromStatus,
    ConsultationStage toStatus,
    String actor,
    @Nullable String actorHospital,
    @Nullable String reasonCode,
    @Nullable String comment,
    Instant at) {}
