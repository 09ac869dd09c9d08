package cn.yilianti.events.referral;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The receiving hospital accepted: department, and an appointment time or a bed. */
public record ReferralAccepted(
    ReferralRef referral,
    Instant acceptedAt,
    String department,
    @Nullable Instant appointmentAt,
    @Nullable String bed)
    implements ReferralEvent {}
