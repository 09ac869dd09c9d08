package cn.yilianti.referral.feed;

import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralStage;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One status change of a referral, as the feed lists it. */
record Change(
    UUID referralId,
    String referralNumber,
    @Nullable String hisBusinessId,
    Direction direction,
    Priority priority,
    String fromHospital,
    String toHospital,
    @Nullable ReferralStage from,
    ReferralStage to,
    Instant at,
    @Nullable String actorHospital,
    @Nullable String reasonCode,
    int version) {}
