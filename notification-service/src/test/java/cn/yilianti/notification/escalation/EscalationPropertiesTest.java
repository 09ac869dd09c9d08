package cn.yilianti.notification.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.registry.CoordinatorRole;
import cn.yilianti.notification.escalation.EscalationProperties.Rule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EscalationPropertiesTest {

  private final EscalationProperties properties =
      new EscalationProperties(
          Duration.ofSeconds(1),
          new Rule(null, Duration.ofMinutes(15), null),
          Map.of(
              Priority.GREEN_CHANNEL, new Rule(null, Duration.ofMinutes(3), Duration.ofMinutes(5))),
          Map.of(
              "CQMU-2",
              Map.of(
                  Priority.GREEN_CHANNEL,
                  new Rule(
                      List.of(CoordinatorRole.COORDINATOR, CoordinatorRole.MEDICAL_AFFAIRS),
                      null,
                      null))));

  @Test
  void aHospitalsRuleOverridesOnlyWhatItNames() {
    Rule rule = properties.ruleFor("CQMU-2", Priority.GREEN_CHANNEL);

    assertThat(rule.ladder())
        .containsExactly(CoordinatorRole.COORDINATOR, CoordinatorRole.MEDICAL_AFFAIRS);
    assertThat(rule.step()).isEqualTo(Duration.ofMinutes(3));
    assertThat(rule.acknowledgeWithin()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void otherCasesClimbTheWholeLadderOnTheDefaultStepAndOnlyAfterTheDeadline() {
    Rule rule = properties.ruleFor("LSX-RMYY", Priority.ROUTINE);

    assertThat(rule.ladder())
        .containsExactly(
            CoordinatorRole.COORDINATOR,
            CoordinatorRole.DEPARTMENT_HEAD,
            CoordinatorRole.MEDICAL_AFFAIRS);
    assertThat(rule.step()).isEqualTo(Duration.ofMinutes(15));
    assertThat(rule.acknowledgeWithin()).isNull();
  }
}
