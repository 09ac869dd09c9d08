package cn.yilianti.events.consultation;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/** The consultation took place; the report stays in the service, the event links to it. */
public record ConsultationCompleted(ConsultationRef consultation, @Nullable URI reportLink)
    implements ConsultationEvent {}
