package cn.yilianti.events.referral;

/** The sender withdrew the referral from {@code fromStage} (SUBMITTED or ACCEPTED). */
public record ReferralCancelled(ReferralRef referral, ReferralStage fromStage, String reasonCode)
    implements ReferralEvent {}
