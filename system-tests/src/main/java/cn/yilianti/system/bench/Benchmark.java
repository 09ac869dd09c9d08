package cn.yilianti.system.bench;

import cn.yilianti.local.ServiceKind;
import cn.yilianti.system.harness.ProcessStats;
import cn.yilianti.system.harness.RateDriver;
import cn.yilianti.system.harness.Timeline;
import cn.yilianti.system.scenario.Progress;
import cn.yilianti.system.scenario.SystemUnderTest;
import cn.yilianti.system.traffic.TrafficDriver;
import cn.yilianti.system.truth.Freshness;
import cn.yilianti.system.truth.ReferralDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Stepped load of submissions (the seed's routes, no lifecycle steps) until the platform saturates:
 * per step the accepted and end-to-end rates, API latency, event → indicator and → notification
 * freshness, and CPU and memory of every process.
 */
public final class Benchmark {

  private static final int MAX_IN_FLIGHT = 1024;

  private final SystemUnderTest system;
  private final TrafficDriver driver;

  public Benchmark(SystemUnderTest system, TrafficDriver driver) {
    this.system = system;
    this.driver = driver;
  }

  /** Runs each rate for {@code duration}; stops after the first saturated step. */
  public List<Result> run(List<Double> rates, Duration duration) {
    List<Result> results = new java.util.ArrayList<>();
    for (double rate : rates) {
      Result result = step(rate, duration);
      results.add(result);
      BenchmarkStep s = result.step();
      Progress.say(
          "benchmark %.0f/s: accepted %.0f/s, end to end %.0f/s, p99 %d ms, freshness p99 %d ms%s"
              .formatted(
                  rate,
                  s.accepted(),
                  s.endToEnd(),
                  s.p99(),
                  s.freshnessP99(),
                  s.saturated() ? " (saturated)" : ""));
      if (s.saturated()) {
        break;
      }
    }
    return results;
  }

  /** A step's figures and its timeline (for the plots). */
  public record Result(BenchmarkStep step, Timeline timeline, Timeline notifications) {}

  private Result step(double rate, Duration duration) {
    Progress.say("benchmark step " + rate + "/s for " + duration.toSeconds() + " s");
    Timeline timeline = new Timeline();
    Map<String, Long> pids = system.pids();
    Map<String, ProcessStats> before = stats(pids);
    Instant start = Instant.now();
    Thread ticker = Progress.ticker("benchmark " + (long) rate + "/s", timeline);
    new RateDriver(timeline, MAX_IN_FLIGHT).run(rate, duration, driver, () -> false);
    ticker.interrupt();
    double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
    Map<String, ProcessStats> after = stats(pids);
    Map<String, Double> cpu = new LinkedHashMap<>();
    Map<String, Long> rss = new LinkedHashMap<>();
    after.forEach(
        (name, stats) -> {
          ProcessStats earlier = before.get(name);
          if (earlier != null) {
            cpu.put(name, stats.cpuSince(earlier, seconds));
          }
          rss.put(name, stats.rssBytes() / (1024 * 1024));
        });
    ReferralDatabase db = system.referralDatabase();
    Instant deadline = Instant.now().plusSeconds(120);
    while (db.backlog() > 0 && Instant.now().isBefore(deadline)) {
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
    }
    Map<java.util.UUID, Instant> committed = db.events().referralCommitted();
    Freshness.Applied applied = awaitApplied(committed, start, timeline, deadline);
    Timeline notifications = new Timeline();
    notificationFreshness(committed, start, notifications);
    long ok = timeline.seconds().stream().mapToLong(Timeline.Second::ok).sum();
    long failed = timeline.seconds().stream().mapToLong(Timeline.Second::failed).sum();
    double window = Math.max(seconds, Duration.between(start, applied.last()).toMillis() / 1000.0);
    Histogram latency = timeline.latency();
    Histogram freshness = timeline.freshness();
    Histogram notified = notifications.freshness();
    BenchmarkStep step =
        new BenchmarkStep(
            rate,
            ok / seconds,
            ok + failed == 0 ? 0 : (double) failed / (ok + failed),
            applied.applied() / window,
            latency.getValueAtPercentile(50),
            latency.getValueAtPercentile(95),
            latency.getValueAtPercentile(99),
            freshness.getValueAtPercentile(50),
            freshness.getValueAtPercentile(99),
            notified.getTotalCount() == 0 ? -1 : notified.getValueAtPercentile(50),
            notified.getTotalCount() == 0 ? -1 : notified.getValueAtPercentile(99),
            applied.missing(),
            cpu,
            rss);
    return new Result(step, timeline, notifications);
  }

  private Freshness.Applied awaitApplied(
      Map<java.util.UUID, Instant> committed, Instant since, Timeline timeline, Instant deadline) {
    while (true) {
      Timeline scratch = new Timeline();
      Freshness.Applied applied = indicatorFreshness(committed, since, scratch);
      if (applied.missing() == 0 || Instant.now().isAfter(deadline)) {
        return indicatorFreshness(committed, since, timeline);
      }
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
    }
  }

  private Freshness.Applied indicatorFreshness(
      Map<java.util.UUID, Instant> committed, Instant since, Timeline timeline) {
    return Freshness.record(
        committed, system.postgres(), system.database(ServiceKind.INDICATOR), since, timeline);
  }

  private void notificationFreshness(
      Map<java.util.UUID, Instant> committed, Instant since, Timeline timeline) {
    try {
      Freshness.record(
          committed, system.postgres(), system.database(ServiceKind.NOTIFICATION), since, timeline);
    } catch (RuntimeException e) {
      // notification-service keeps no receipts (yet): no notification latency
    }
  }

  private static Map<String, ProcessStats> stats(Map<String, Long> pids) {
    Map<String, ProcessStats> stats = new LinkedHashMap<>();
    pids.forEach((name, pid) -> ProcessStats.of(pid).ifPresent(s -> stats.put(name, s)));
    ProcessStats.of(ProcessHandle.current().pid())
        .or(Optional::empty)
        .ifPresent(s -> stats.put("load generator (test JVM)", s));
    return stats;
  }
}
