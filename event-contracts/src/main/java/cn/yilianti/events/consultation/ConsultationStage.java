package cn.yilianti.events.consultation;

/** Lifecycle states of a remote consultation. */
public enum ConsultationStage {
  REQUESTED,
  SCHEDULED,
  COMPLETED,
  DECLINED,
  CANCELLED
}
