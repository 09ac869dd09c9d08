package cn.yilianti.events.consultation;

/** The requesting hospital withdrew the request, with a coded reason. */
public record ConsultationCancelled(ConsultationRef consultation, String reasonCode)
    implements ConsultationEvent {}
