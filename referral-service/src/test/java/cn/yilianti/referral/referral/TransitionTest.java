package cn.yilianti.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.events.referral.ReferralStage;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The state machine of issue 4, item 2, pinned down pair by pair. */
class TransitionTest {

  @Test
  void exactlyTheseStageTransitionPairsAreLegal() {
    Set<String> legal = new TreeSet<>();
    for (ReferralStage stage : ReferralStage.values()) {
      for (Transition t : Transition.values()) {
        if (t.leavesFrom(stage)) {
          legal.add(stage + " -" + t + "-> " + t.to());
        }
      }
    }
    assertThat(legal)
        .containsExactlyInAnyOrder(
            "SUBMITTED -ACCEPT-> ACCEPTED",
            "SUBMITTED -REJECT-> REJECTED",
            "SUBMITTED -CANCEL-> CANCELLED",
            "SUBMITTED -EXPIRE-> EXPIRED",
            "ACCEPTED -ARRIVE-> ARRIVED",
            "ACCEPTED -NO_SHOW-> NO_SHOW",
            "ACCEPTED -CANCEL-> CANCELLED",
            "ARRIVED -COMPLETE-> COMPLETED");
  }

  @Test
  void terminalStagesLeadNowhere() {
    for (ReferralStage terminal :
        EnumSet.of(
            ReferralStage.REJECTED,
            ReferralStage.CANCELLED,
            ReferralStage.COMPLETED,
            ReferralStage.NO_SHOW,
            ReferralStage.EXPIRED)) {
      for (Transition t : Transition.values()) {
        assertThat(t.leavesFrom(terminal)).as(terminal + " " + t).isFalse();
      }
    }
  }

  @Test
  void onlyTheReceiverAnswersAndOnlyTheSweepExpires() {
    assertThat(Transition.ACCEPT.isAnswer()).isTrue();
    assertThat(Transition.REJECT.isAnswer()).isTrue();
    assertThat(Transition.CANCEL.side()).hasToString("SENDER");
    assertThat(Transition.EXPIRE.side()).isNull();
  }
}
