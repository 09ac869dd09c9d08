package cn.yilianti.system.scenario;

import cn.yilianti.local.ServiceKind;
import cn.yilianti.system.harness.RateDriver;
import cn.yilianti.system.harness.Timeline;
import cn.yilianti.system.traffic.Http;
import cn.yilianti.system.traffic.Ledger;
import cn.yilianti.system.traffic.TrafficDriver;
import cn.yilianti.system.truth.Exactness;
import cn.yilianti.system.truth.ExactnessReport;
import cn.yilianti.system.truth.Freshness;
import cn.yilianti.system.truth.NotificationCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Runs scenarios one after the other on one platform with one driver, so the driver's ledger and
 * the databases cover the same history and every exactness check is over everything so far.
 */
public final class ScenarioRunner {

  private static final int MAX_IN_FLIGHT = 256;

  private final SystemUnderTest system;
  private final TrafficDriver driver;
  private final Exactness exactness;
  private final NotificationReceivers receivers;
  private final java.util.Map<cn.yilianti.system.traffic.Cell, Long> before;

  /**
   * @param receivers the real servers every notification of the run goes to
   */
  public ScenarioRunner(
      SystemUnderTest system, TrafficDriver driver, NotificationReceivers receivers) {
    this.system = system;
    this.driver = driver;
    this.exactness = system.exactness(driver.mix());
    this.receivers = receivers;
    // What was committed before this runner, less what the driver itself did so far (its probe).
    this.before = new java.util.TreeMap<>(system.referralDatabase().events().cells());
    driver.ledger().confirmed().forEach((cell, n) -> before.merge(cell, -n, Long::sum));
  }

  public ScenarioResult run(Scenario scenario) {
    String skip = scenario.fault().skipReason(system, driver.capabilities());
    if (skip != null) {
      Progress.say(scenario.name() + ": skipped, " + skip);
      return ScenarioResult.skipped(scenario, skip);
    }
    Progress.say(scenario.name() + ": " + scenario.description() + " at " + scenario.rate() + "/s");
    Ledger ledger = driver.ledger();
    long calls = ledger.calls();
    long done = ledger.outcome(Http.Outcome.DONE);
    long refused = ledger.outcome(Http.Outcome.REFUSED);
    long notSent = ledger.outcome(Http.Outcome.NOT_SENT);
    Timeline timeline = new Timeline();
    AtomicBoolean stop = new AtomicBoolean();
    Thread load =
        Thread.ofPlatform()
            .name("load")
            .start(
                () ->
                    new RateDriver(timeline, MAX_IN_FLIGHT)
                        .run(scenario.rate(), Duration.ofHours(1), driver, stop::get));
    Thread ticker = Progress.ticker(scenario.name(), timeline);
    List<String> notes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    double faultAt = 0;
    double healedAt = 0;
    try {
      pause(scenario.before());
      faultAt = seconds(timeline);
      if (scenario.fault() != Fault.NONE) {
        timeline.mark("fault");
        notes.add(scenario.fault().inject(system));
        Progress.say(scenario.name() + ": " + notes.getLast());
      }
      pause(scenario.during());
      if (scenario.fault() != Fault.NONE) {
        notes.add(scenario.fault().heal(system));
        timeline.mark("repaired");
        Progress.say(scenario.name() + ": " + notes.getLast());
      }
      healedAt = seconds(timeline);
      pause(scenario.after());
    } catch (Exception e) {
      problems.add("fault action failed: " + e);
    } finally {
      stop.set(true);
      join(load);
      ticker.interrupt();
    }
    driver.drain(Duration.ofSeconds(90));
    Progress.say(scenario.name() + ": load over, checking exactness");
    ExactnessReport exact = exactness.check(ledger, before, Duration.ofMinutes(3));
    problems.addAll(exact.differences());
    if (exact.lost() > 0 || exact.doubled() > 0) {
      problems.add("lost " + exact.lost() + ", double-counted " + exact.doubled());
    }
    String verified = scenario.fault().verify(system);
    if (verified != null) {
      problems.add(verified);
    }
    long[] notificationsLost = new long[1];
    String notified = notifications(problems, notificationsLost);
    long failedDuringFault = failedBetween(timeline, faultAt, healedAt);
    if (scenario.fault().apiStaysUp() && failedDuringFault > 0) {
      problems.add(failedDuringFault + " API calls failed while the fault lasted");
    }
    recordFreshness(timeline);
    ScenarioResult result =
        new ScenarioResult(
            scenario,
            null,
            ledger.calls() - calls,
            ledger.outcome(Http.Outcome.DONE) - done,
            ledger.outcome(Http.Outcome.REFUSED) - refused,
            ledger.outcome(Http.Outcome.NOT_SENT) - notSent,
            exact.committed(),
            exact.published(),
            exact.counted(),
            exact.lost() + notificationsLost[0],
            exact.doubled(),
            exact.uncertain(),
            failedDuringFault,
            recovery(timeline, faultAt),
            exact.converged(),
            notified,
            List.copyOf(notes),
            List.copyOf(problems),
            timeline);
    Progress.say(
        "%s: %s; %d calls, %d accepted, counted %d of %d committed, lost %d, double-counted %d, first difference: %s"
            .formatted(
                scenario.name(),
                result.passed() ? "PASSED" : "FAILED",
                result.calls(),
                result.accepted(),
                exact.counted(),
                exact.expected(),
                exact.lost(),
                exact.doubled(),
                exact.firstDifference()));
    return result;
  }

  /**
   * The notification check: a notice never taken in, given up or not delivered is lost ({@code
   * lost[0]}), one sent twice is a problem.
   */
  private String notifications(List<String> problems, long[] lost) {
    try {
      NotificationCheck.Result result =
          new NotificationCheck(system.postgres(), system.database(ServiceKind.NOTIFICATION))
              .check(system.referralDatabase().events().committed(), Duration.ofMinutes(4));
      lost[0] = result.lost();
      if (!result.exact()) {
        problems.add(
            ("notifications: %d events never taken in, %d deliveries parked, %d not sent, %d sent"
                    + " twice")
                .formatted(result.missing(), result.parked(), result.open(), result.sentTwice()));
      }
      return result + "; " + receivers.summary();
    } catch (RuntimeException e) {
      problems.add("notification check failed: " + e.getMessage());
      return "n/a: " + e.getMessage();
    }
  }

  private void recordFreshness(Timeline timeline) {
    try {
      Freshness.record(
          system.referralDatabase().events().referralCommitted(),
          system.postgres(),
          system.database(ServiceKind.INDICATOR),
          timeline.start(),
          timeline);
    } catch (RuntimeException e) {
      Progress.say("freshness not measured: " + e.getMessage());
    }
  }

  private static long failedBetween(Timeline timeline, double from, double to) {
    return timeline.seconds().stream()
        .filter(s -> s.second() >= Math.floor(from) && s.second() <= Math.ceil(to))
        .mapToLong(Timeline.Second::failed)
        .sum();
  }

  /**
   * The outage as callers saw it: from the fault until the first of three seconds in a row without
   * a failed call (zero when no call failed).
   */
  static @Nullable Duration recovery(Timeline timeline, double faultAt) {
    List<Timeline.Second> after =
        timeline.seconds().stream().filter(s -> s.second() >= Math.floor(faultAt)).toList();
    int firstFailure = 0;
    while (firstFailure < after.size() && after.get(firstFailure).failed() == 0) {
      firstFailure++;
    }
    if (firstFailure == after.size()) {
      return Duration.ZERO;
    }
    for (int i = firstFailure; i + 2 < after.size(); i++) {
      if (after.get(i).failed() == 0
          && after.get(i + 1).failed() == 0
          && after.get(i + 2).failed() == 0) {
        return Duration.ofMillis(Math.max(0, Math.round((after.get(i).second() - faultAt) * 1000)));
      }
    }
    return null;
  }

  private static double seconds(Timeline timeline) {
    return Duration.between(timeline.start(), Instant.now()).toMillis() / 1000.0;
  }

  static void pause(Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end) {
      LockSupport.parkNanos(end - System.nanoTime());
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
