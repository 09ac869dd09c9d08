package cn.yilianti.system.scenario;

import cn.yilianti.system.harness.Timeline;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one scenario did and what the exactness check found.
 *
 * @param calls API calls the driver made during the scenario
 * @param accepted of those, answered 2xx
 * @param refused answered 4xx (nothing happened)
 * @param notSent no connection or 503 (nothing happened; retried)
 * @param committed case events in referral-service's outbox (cumulative over the run)
 * @param published of those, acknowledged by the broker
 * @param counted the indicator counts summed (cumulative)
 * @param lost counts missing (must be 0)
 * @param doubled counts present twice (must be 0)
 * @param uncertain driver steps with an unknown outcome (time-out without an idempotency key)
 * @param failedDuringFault calls that failed between the fault and its repair
 * @param recovery from the fault until calls succeed again for three seconds in a row
 * @param converged from the end of the load until the counts were exact
 * @param problems why the scenario failed (empty when it passed)
 */
public record ScenarioResult(
    Scenario scenario,
    @Nullable String skipped,
    long calls,
    long accepted,
    long refused,
    long notSent,
    long committed,
    long published,
    long counted,
    long lost,
    long doubled,
    long uncertain,
    long failedDuringFault,
    @Nullable Duration recovery,
    Duration converged,
    String notifications,
    List<String> notes,
    List<String> problems,
    @Nullable Timeline timeline) {

  public static ScenarioResult skipped(Scenario scenario, String reason) {
    return new ScenarioResult(
        scenario,
        reason,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        null,
        Duration.ZERO,
        "",
        List.of(),
        List.of(),
        null);
  }

  public boolean passed() {
    return skipped != null || problems.isEmpty();
  }
}
