package cn.yilianti.events.referral;

/** Nobody answered the referral before it expired. */
public record ReferralExpired(ReferralRef referral) implements ReferralEvent {}
