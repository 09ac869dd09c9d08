package cn.yilianti.notification.escalation;

import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.registry.CoordinatorRole;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The escalation ladder, by priority and optionally by receiving hospital and priority; a rule
 * names only what it changes, the rest comes from the priority's rule, then the defaults.
 *
 * <pre>
 * notification.escalation.priorities.GREEN_CHANNEL.acknowledge-within=5m
 * notification.escalation.hospitals.CQMU-2.URGENT.ladder=COORDINATOR,MEDICAL_AFFAIRS
 * </pre>
 */
@ConfigurationProperties("notification.escalation")
public record EscalationProperties(
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue Rule defaults,
    Map<Priority, Rule> priorities,
    Map<String, Map<Priority, Rule>> hospitals) {

  public EscalationProperties {
    priorities = priorities == null ? Map.of() : priorities;
    hospitals = hospitals == null ? Map.of() : hospitals;
  }

  /**
   * {@code ladder}: the rungs, coordinator first; {@code step}: how long a rung has before the next
   * is told; {@code acknowledgeWithin}: when set, a new case nobody acknowledged within it climbs
   * the ladder even before its answer deadline.
   */
  public record Rule(
      @Nullable List<CoordinatorRole> ladder,
      @Nullable Duration step,
      @Nullable Duration acknowledgeWithin) {}

  /** The effective rule for a case received by {@code hospital} with {@code priority}. */
  public Rule ruleFor(String hospital, Priority priority) {
    Rule specific = hospitals.getOrDefault(hospital, Map.of()).get(priority);
    Rule byPriority = priorities.get(priority);
    List<CoordinatorRole> ladder =
        first(
            specific == null ? null : specific.ladder(),
            byPriority == null ? null : byPriority.ladder(),
            defaults.ladder(),
            List.of(
                CoordinatorRole.COORDINATOR,
                CoordinatorRole.DEPARTMENT_HEAD,
                CoordinatorRole.MEDICAL_AFFAIRS));
    Duration step =
        first(
            specific == null ? null : specific.step(),
            byPriority == null ? null : byPriority.step(),
            defaults.step(),
            Duration.ofMinutes(15));
    Duration acknowledgeWithin =
        specific != null && specific.acknowledgeWithin() != null
            ? specific.acknowledgeWithin()
            : byPriority != null && byPriority.acknowledgeWithin() != null
                ? byPriority.acknowledgeWithin()
                : defaults.acknowledgeWithin();
    return new Rule(ladder, step, acknowledgeWithin);
  }

  @SafeVarargs
  private static <T> T first(@Nullable T... candidates) {
    for (T candidate : candidates) {
      if (candidate != null) {
        return candidate;
      }
    }
    throw new IllegalStateException("no default");
  }
}
