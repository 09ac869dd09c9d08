package cn.yilianti.events.referral;

/** Lifecycle states of a referral, as counted by the indicators. */
public enum ReferralStage {
  SUBMITTED,
  ACCEPTED,
  REJECTED,
  CANCELLED,
  ARRIVED,
  COMPLETED,
  NO_SHOW,
  EXPIRED
}
