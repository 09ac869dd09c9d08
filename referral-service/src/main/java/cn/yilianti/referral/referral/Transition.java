package cn.yilianti.referral.referral;

import static cn.yilianti.events.referral.ReferralStage.ACCEPTED;
import static cn.yilianti.events.referral.ReferralStage.ARRIVED;
import static cn.yilianti.events.referral.ReferralStage.CANCELLED;
import static cn.yilianti.events.referral.ReferralStage.COMPLETED;
import static cn.yilianti.events.referral.ReferralStage.EXPIRED;
import static cn.yilianti.events.referral.ReferralStage.REJECTED;
import static cn.yilianti.events.referral.ReferralStage.SUBMITTED;

import cn.yilianti.events.referral.ReferralStage;
import cn.yilianti.referral.access.ReferralAccess.Side;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The referral state machine as a table: each transition, the stages it leaves from, the stage it
 * enters, which end of the referral performs it and whether it is the receiver's answer.
 */
enum Transition {
  ACCEPT(ACCEPTED, Side.RECEIVER, true, SUBMITTED),
  REJECT(REJECTED, Side.RECEIVER, true, SUBMITTED),
  CANCEL(CANCELLED, Side.SENDER, false, SUBMITTED, ACCEPTED),
  ARRIVE(ARRIVED, Side.RECEIVER, false, ACCEPTED),
  COMPLETE(COMPLETED, Side.RECEIVER, false, ARRIVED),
  NO_SHOW(ReferralStage.NO_SHOW, Side.RECEIVER, false, ACCEPTED),
  /** Only the deadline sweep expires a referral; no caller may. */
  EXPIRE(EXPIRED, null, false, SUBMITTED);

  private final ReferralStage to;
  private final @Nullable Side side;
  private final boolean answer;
  private final Set<ReferralStage> from;

  Transition(ReferralStage to, @Nullable Side side, boolean answer, ReferralStage... from) {
    this.to = to;
    this.side = side;
    this.answer = answer;
    this.from = EnumSet.copyOf(Set.of(from));
  }

  ReferralStage to() {
    return to;
  }

  @Nullable Side side() {
    return side;
  }

  boolean isAnswer() {
    return answer;
  }

  boolean leavesFrom(ReferralStage stage) {
    return from.contains(stage);
  }
}
