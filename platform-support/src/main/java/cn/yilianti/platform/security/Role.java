package cn.yilianti.platform.security;

/** Roles carried in the {@code roles} claim of platform tokens. */
public enum Role {
  /** A member hospital's HIS system (client credentials); acts for its own hospital only. */
  HIS_CLIENT,
  /** Referral coordinator at a hospital (and department where set). */
  COORDINATOR,
  /** Manages one or more alliances: reads all of them, changes the registry. */
  ALLIANCE_MANAGER,
  /** Operations staff: reads everything, changes nothing clinical. */
  OPS
}
