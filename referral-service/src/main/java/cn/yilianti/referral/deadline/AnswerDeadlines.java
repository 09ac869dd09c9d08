package cn.yilianti.referral.deadline;

import cn.yilianti.events.referral.Priority;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the receiving hospital must have answered: a fixed time for green-channel and urgent cases,
 * working days (Saturday and Sunday skipped, in the alliance's time zone) for routine ones.
 */
@Component
public class AnswerDeadlines {

  private final DeadlineProperties properties;
  private final ZoneId zone;

  AnswerDeadlines(DeadlineProperties properties, @Value("${referral.zone}") ZoneId zone) {
    this.properties = properties;
    this.zone = zone;
  }

  public Instant deadline(Priority priority, Instant submittedAt) {
    return switch (priority) {
      case GREEN_CHANNEL -> submittedAt.plus(properties.greenChannel());
      case URGENT -> submittedAt.plus(properties.urgent());
      case ROUTINE -> plusWorkingDays(submittedAt, properties.routineWorkingDays());
    };
  }

  /** The same local time {@code days} working days later; a weekend start counts from Monday. */
  Instant plusWorkingDays(Instant start, int days) {
    ZonedDateTime at = start.atZone(zone);
    for (int added = 0; added < days; ) {
      at = at.plusDays(1);
      if (isWorkingDay(at.getDayOfWeek())) {
        added++;
      }
    }
    return at.toInstant();
  }

  private static boolean isWorkingDay(DayOfWeek day) {
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
  }
}
