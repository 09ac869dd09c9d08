package cn.yilianti.indicator.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one scope and period. {@code upward}/{@code downward}: referrals the scope's
 * hospitals sent, by stage; {@code received}: referrals they were sent. {@code lastChangedAt}: when
 * a counted event last changed the period's figures (a late event restates a closed period).
 */
record IndicatorReport(
    String scope,
    String code,
    @Nullable String hospital,
    int hospitals,
    PeriodView period,
    String granularity,
    Map<String, Long> upward,
    Map<String, Long> downward,
    Received received,
    @Nullable Double upDownRatio,
    Map<String, @Nullable Double> acceptanceRate,
    Map<String, Long> rejectionReasons,
    TimeToAccept timeToAccept,
    GreenChannel greenChannel,
    Map<String, Map<String, Long>> consultations,
    @Nullable Instant lastChangedAt,
    List<Bucket> buckets) {

  record PeriodView(String label, LocalDate from, LocalDate to) {}

  record Received(Map<String, Long> upward, Map<String, Long> downward) {}

  /** Submitted → accepted, in seconds, over the acceptances counted in the period. */
  record TimeToAccept(long count, @Nullable Double medianSeconds, @Nullable Double p90Seconds) {}

  /** Green-channel referrals answered (accepted or rejected) and how many before the deadline. */
  record GreenChannel(long answered, long withinDeadline, @Nullable Double rate) {}

  record Bucket(
      LocalDate from,
      LocalDate to,
      Map<String, Long> upward,
      Map<String, Long> downward,
      Map<String, Map<String, Long>> consultations,
      @Nullable Instant lastChangedAt) {}
}
