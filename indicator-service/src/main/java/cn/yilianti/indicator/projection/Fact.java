package cn.yilianti.indicator.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What one event adds to the projection, read from the event alone (every event repeats its case's
 * reference), so it counts the same in whatever order the events arrive.
 *
 * @param kind REFERRAL or CONSULTATION
 * @param category the direction (UP, DOWN) of a referral or the type of a consultation
 * @param answer the answer to a referral (accepted or rejected), else null
 */
public record Fact(
    UUID eventId,
    String eventType,
    String topic,
    UUID caseId,
    Kind kind,
    String hospital,
    String counterpart,
    String category,
    String stage,
    String priority,
    LocalDate day,
    @Nullable String reason,
    Instant eventTime,
    @Nullable Answer answer) {

  /** What a count is of. */
  public enum Kind {
    REFERRAL,
    CONSULTATION
  }

  /** An answer: how long after submission and whether before the answer deadline. */
  public record Answer(String outcome, long seconds, boolean withinDeadline) {}
}
