package cn.yilianti.registry.security;

/** Roles carried in the {@code roles} claim of every token the registry issues. */
public enum Role {
  /** A member hospital's information system (client-credentials client of one hospital). */
  HIS_CLIENT,
  /** Referral coordinator at a member hospital. */
  COORDINATOR,
  /** Manages the registry entries of the alliances in the {@code alliances} claim. */
  ALLIANCE_MANAGER,
  /** Operations team: reads everything, changes nothing. */
  OPS
}
