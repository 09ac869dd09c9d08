package cn.yilianti.events.referral;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A hospital sent a referral. {@code patientKey} is the sender's pseudonymous key, never an
 * identity; {@code rereferralOf} links to the rejected referral this one replaces and {@code
 * closesReferral} to the upward referral a downward one returns.
 */
public record ReferralSubmitted(
    ReferralRef referral,
    String diagnosisCode,
    String patientKey,
    @Nullable UUID rereferralOf,
    @Nullable UUID closesReferral)
    implements ReferralEvent {}
