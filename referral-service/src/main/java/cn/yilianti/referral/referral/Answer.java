package cn.yilianti.referral.referral;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the receiving hospital and the sender said along the way: the acceptance (department, time,
 * bed), the coded reason of a rejection or cancellation, and the outcome. Stored as one JSON
 * document.
 */
record Answer(
    @Nullable String department,
    @Nullable Instant appointmentAt,
    @Nullable String bed,
    @Nullable String reasonCode,
    @Nullable String comment,
    @Nullable String outcomeCode,
    @Nullable String outcomeSummary) {

  static final Answer NONE = new Answer(null, null, null, null, null, null, null);

  Answer accepted(String department, @Nullable Instant appointmentAt, @Nullable String bed) {
    return new Answer(
        department, appointmentAt, bed, reasonCode, comment, outcomeCode, outcomeSummary);
  }

  Answer reasoned(String reasonCode, @Nullable String comment) {
    return new Answer(
        department, appointmentAt, bed, reasonCode, comment, outcomeCode, outcomeSummary);
  }

  Answer completed(String outcomeCode, @Nullable String summary) {
    return new Answer(department, appointmentAt, bed, reasonCode, comment, outcomeCode, summary);
  }
}
