package cn.yilianti.referral.consultation;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Bodies of the consultation transitions. */
final class ConsultationAnswers {

  static final String REASON = "^[A-Z][A-Z0-9_]{1,63}$";
  static final String REASON_MESSAGE = "must be a reason code such as NO_EXPERT_AVAILABLE";

  /** The receiving hospital sets a time and an expert (staff id). */
  record Schedule(@NotNull @Future Instant scheduledAt, @NotBlank @Size(max = 64) String expert) {}

  /** The report as text, as a link, or both. */
  record Complete(
      @Nullable @Size(max = 20000) String reportText, @Nullable @WebLink URI reportUrl) {}

  /** The receiving hospital declines with a coded reason. */
  record Decline(
      @NotBlank @Pattern(regexp = REASON, message = REASON_MESSAGE) String reasonCode,
      @Nullable @Size(max = 2000) String comment) {}

  /** The requesting hospital withdraws with a coded reason. */
  record Cancel(@NotBlank @Pattern(regexp = REASON, message = REASON_MESSAGE) String reasonCode) {}

  private ConsultationAnswers() {}
}
