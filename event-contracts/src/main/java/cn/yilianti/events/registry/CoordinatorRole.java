package cn.yilianti.events.registry;

/**
 * Rungs of the escalation ladder: coordinator, then department head, then medical affairs (医务科).
 */
public enum CoordinatorRole {
  COORDINATOR,
  DEPARTMENT_HEAD,
  MEDICAL_AFFAIRS
}
