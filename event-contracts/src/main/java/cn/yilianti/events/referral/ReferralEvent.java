package cn.yilianti.events.referral;

import cn.yilianti.events.PlatformEvent;
import org.jspecify.annotations.Nullable;

/** An event of one referral; keyed by the referral id so its events stay in order. */
public sealed interface ReferralEvent extends PlatformEvent
    permits ReferralSubmitted,
        ReferralAccepted,
        ReferralRejected,
        ReferralCancelled,
        ReferralArrived,
        ReferralCompleted,
        ReferralNoShow,
        ReferralExpired,
        ReferralAnswerDeadlinePassed {

  ReferralRef referral();

  /** The stage the referral entered, or null when the event does not change the stage. */
  default @Nullable ReferralStage stage() {
    return switch (this) {
      case ReferralSubmitted e -> ReferralStage.SUBMITTED;
      case ReferralAccepted e -> ReferralStage.ACCEPTED;
      case ReferralRejected e -> ReferralStage.REJECTED;
      case ReferralCancelled e -> ReferralStage.CANCELLED;
      case ReferralArrived e -> ReferralStage.ARRIVED;
      case ReferralCompleted e -> ReferralStage.COMPLETED;
      case ReferralNoShow e -> ReferralStage.NO_SHOW;
      case ReferralExpired e -> ReferralStage.EXPIRED;
      case ReferralAnswerDeadlinePassed e -> null;
    };
  }

  @Override
  default String key() {
    return referral().referralId().toString();
  }

  @Override
  default String topic() {
    return referral().direction().topic();
  }
}
