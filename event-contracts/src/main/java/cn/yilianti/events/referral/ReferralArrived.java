package cn.yilianti.events.referral;

import java.time.Instant;

/** The patient arrived at the receiving hospital (到诊). */
public record ReferralArrived(ReferralRef referral, Instant arrivedAt) implements ReferralEvent {}
