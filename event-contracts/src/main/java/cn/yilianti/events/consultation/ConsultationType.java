package cn.yilianti.events.consultation;

/** Kinds of remote consultation an alliance offers. */
public enum ConsultationType {
  MDT,
  IMAGING,
  ULTRASOUND,
  ECG,
  PATHOLOGY,
  JOINT_CLINIC
}
