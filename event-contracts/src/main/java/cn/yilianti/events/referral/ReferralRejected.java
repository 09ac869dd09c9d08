package cn.yilianti.events.referral;

/**
 * The receiving hospital refused, with a coded reason (the free-text comment stays in the service).
 */
public record ReferralRejected(ReferralRef referral, String reasonCode) implements ReferralEvent {}
