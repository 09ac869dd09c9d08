package cn.yilianti.events.referral;

/** An accepted patient never arrived. */
public record ReferralNoShow(ReferralRef referral) implements ReferralEvent {}
