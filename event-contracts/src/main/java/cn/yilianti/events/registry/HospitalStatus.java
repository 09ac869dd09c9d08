package cn.yilianti.events.registry;

/** A suspended hospital neither sends nor receives referrals. */
public enum HospitalStatus {
  ACTIVE,
  SUSPENDED
}
