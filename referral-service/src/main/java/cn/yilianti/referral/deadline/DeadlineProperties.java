package cn.yilianti.referral.deadline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Answer deadlines ({@code referral.answer-deadlines.*}).
 *
 * @param greenChannel time to answer a green-channel (绿色通道) referral
 * @param urgent time to answer an urgent referral
 * @param routineWorkingDays working days (Monday to Friday, alliance time zone) for a routine one
 * @param expireAfter how long after its deadline an unanswered referral expires
 * @param sweepInterval how often each replica looks for passed deadlines
 * @param batchSize referrals handled per sweep transaction
 */
@ConfigurationProperties("referral.answer-deadlines")
public record DeadlineProperties(
    @DefaultValue("30m") Duration greenChannel,
    @DefaultValue("24h") Duration urgent,
    @DefaultValue("3") int routineWorkingDays,
    @DefaultValue("24h") Duration expireAfter,
    @DefaultValue("10s") Duration sweepInterval,
    @DefaultValue("200") int batchSize) {}
