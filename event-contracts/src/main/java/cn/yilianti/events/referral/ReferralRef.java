package cn.yilianti.events.referral;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What every referral event repeats about its referral, so that each event can be counted and
 * routed on its own, in whatever order it arrives.
 */
public record ReferralRef(
    UUID referralId,
    String referralNumber,
    Direction direction,
    Priority priority,
    String fromHospital,
    @Nullable String fromDepartment,
    String toHospital,
    @Nullable String toDepartment,
    Instant submittedAt,
    Instant answerDeadline) {}
