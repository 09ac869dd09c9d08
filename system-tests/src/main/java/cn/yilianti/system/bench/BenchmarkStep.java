package cn.yilianti.system.bench;

import java.util.Map;

/**
 * One load level of the benchmark.
 *
 * @param target submissions per second asked for
 * @param accepted submissions per second answered 201
 * @param failedShare share of calls not answered 2xx
 * @param endToEnd submissions per second counted by indicator-service (committed in the step and
 *     applied, over the time until the last was applied)
 * @param notCounted submissions committed in the step that indicator-service had not counted two
 *     minutes after the step (must be 0)
 * @param cpu CPU use per process, in cores (1.0 = one core busy)
 * @param rssMb resident memory per process at the end of the step
 */
public record BenchmarkStep(
    double target,
    double accepted,
    double failedShare,
    double endToEnd,
    long p50,
    long p95,
    long p99,
    long freshnessP50,
    long freshnessP99,
    long notificationP50,
    long notificationP99,
    long notCounted,
    Map<String, Double> cpu,
    Map<String, Long> rssMb) {

  /** The platform no longer keeps up: under 90% of the asked rate, or over 1% failures. */
  public boolean saturated() {
    return accepted < 0.9 * target || endToEnd < 0.9 * target || failedShare > 0.01;
  }
}
