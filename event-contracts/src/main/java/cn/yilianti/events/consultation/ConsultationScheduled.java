package cn.yilianti.events.consultation;

import java.time.Instant;

/** The receiving hospital set a time and an expert (staff id). */
public record ConsultationScheduled(
    ConsultationRef consultation, Instant scheduledAt, String expertId)
    implements ConsultationEvent {}
