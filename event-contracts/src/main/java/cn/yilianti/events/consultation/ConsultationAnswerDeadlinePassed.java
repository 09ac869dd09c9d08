package cn.yilianti.events.consultation;

/** Nobody scheduled or declined the request before its answer deadline. */
public record ConsultationAnswerDeadlinePassed(ConsultationRef consultation)
    implements ConsultationEvent {}
