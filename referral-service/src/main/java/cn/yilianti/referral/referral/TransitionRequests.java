package cn.yilianti.referral.referral;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Bodies of the transition endpoints. */
final class TransitionRequests {

  /** The receiving department, and an appointment time or a bed. */
  record AcceptRequest(
      @NotBlank @Size(max = 64) @Pattern(regexp = SubmitReferralRequest.CODE) String department,
      @Nullable @Future Instant appointmentAt,
      @Nullable @Size(max = 32) String bed) {}

  record RejectRequest(
      @NotNull RejectReason reasonCode, @Nullable @Size(max = 1000) String comment) {}

  record CancelRequest(
      @NotNull CancelReason reasonCode, @Nullable @Size(max = 1000) String comment) {}

  record CompleteRequest(
      @NotNull Outcome outcomeCode, @Nullable @Size(max = 4000) String summary) {}

  enum RejectReason {
    NO_BED,
    NO_SPECIALIST,
    OUT_OF_SCOPE,
    INCOMPLETE_INFORMATION,
    PATIENT_CONDITION,
    WRONG_HOSPITAL,
    OTHER
  }

  enum CancelReason {
    PATIENT_DECLINED,
    CONDITION_IMPROVED,
    TREATED_LOCALLY,
    PATIENT_DECEASED,
    DUPLICATE,
    ENTERED_IN_ERROR,
    OTHER
  }

  /** 转归: how the treatment at the receiving hospital ended. */
  enum Outcome {
    CURED,
    IMPROVED,
    UNCHANGED,
    WORSENED,
    DECEASED,
    TRANSFERRED,
    OTHER
  }

  private TransitionRequests() {}
}
