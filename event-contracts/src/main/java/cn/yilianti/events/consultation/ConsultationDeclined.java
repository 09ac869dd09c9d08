package cn.yilianti.events.consultation;

/** The receiving hospital declined, with a coded reason. */
public record ConsultationDeclined(ConsultationRef consultation, String reasonCode)
    implements ConsultationEvent {}
