package cn.yilianti.events.referral;

/** Treatment at the receiving hospital ended with a coded outcome. */
public record ReferralCompleted(ReferralRef referral, String outcomeCode)
    implements ReferralEvent {}
