package cn.yilianti.referral.referral;

import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralStage;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the referral list, all optional: stages, direction, priority, a hospital at either
 * end, submission dates (inclusive, alliance time zone), the sender's patient key or HIS business
 * id.
 */
record SearchCriteria(
    @Nullable List<ReferralStage> status,
    @Nullable Direction direction,
    @Nullable Priority priority,
    @Nullable String hospital,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    @Nullable String patientKey,
    @Nullable String hisBusinessId) {}
