package cn.yilianti.events.consultation;

/** A hospital asked for a remote consultation about a pseudonymous patient. */
public record ConsultationRequested(
    ConsultationRef consultation, String diagnosisCode, String patientKey)
    implements ConsultationEvent {}
