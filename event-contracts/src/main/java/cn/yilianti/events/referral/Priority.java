package cn.yilianti.events.referral;

/** How fast the receiving hospital must answer; GREEN_CHANNEL (绿色通道) is answered in minutes. */
public enum Priority {
  ROUTINE,
  URGENT,
  GREEN_CHANNEL
}
