package cn.yilianti.registry.importing;

/** Where an import is: it ends COMPLETED, REJECTED (bad rows, all-or-nothing) or FAILED. */
public enum ImportStatus {
  QUEUED,
  VALIDATING,
  IMPORTING,
  COMPLETED,
  REJECTED,
  FAILED;

  boolean finished() {
    return this == COMPLETED || this == REJECTED || this == FAILED;
  }
}
