package cn.yilianti.referral.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.events.referral.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class AnswerDeadlinesTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final AnswerDeadlines deadlines =
      new AnswerDeadlines(
          new DeadlineProperties(
              Duration.ofMinutes(30),
              Duration.ofHours(24),
              3,
              Duration.ofHours(24),
              Duration.ofSeconds(10),
              200),
          SHANGHAI);

  @Test
  void greenChannelAndUrgentAreFixedDurations() {
    Instant at = Instant.parse("2026-11-27T02:00:00Z");
    assertThat(deadlines.deadline(Priority.GREEN_CHANNEL, at)).isEqualTo(at.plusSeconds(1800));
    assertThat(deadlines.deadline(Priority.URGENT, at)).isEqualTo(at.plusSeconds(86_400));
  }

  @Test
  void routineIsThreeWorkingDaysSkippingTheWeekend() {
    assertThat(routine("2026-11-23T10:00")).isEqualTo(local("2026-11-26T10:00")); // Mon -> Thu
    assertThat(routine("2026-11-26T10:00")).isEqualTo(local("2026-12-01T10:00")); // Thu -> Tue
    assertThat(routine("2026-11-28T10:00")).isEqualTo(local("2026-12-02T10:00")); // Sat -> Wed
  }

  @Test
  void workingDaysFollowShanghaiNotUtc() {
    // Friday 23:30 in Shanghai is still Friday 15:30 UTC; Sunday 01:00 Shanghai is Saturday in UTC.
    assertThat(routine("2026-11-27T23:30")).isEqualTo(local("2026-12-02T23:30")); // Fri -> Wed
    assertThat(routine("2026-11-29T01:00")).isEqualTo(local("2026-12-02T01:00")); // Sun -> Wed
  }

  private Instant routine(String shanghai) {
    return deadlines.deadline(Priority.ROUTINE, local(shanghai));
  }

  private static Instant local(String shanghai) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(shanghai), SHANGHAI).toInstant();
  }
}
