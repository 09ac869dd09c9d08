package cn.yilianti.system.demo;

import cn.yilianti.system.harness.RateDriver;
import cn.yilianti.system.harness.Timeline;
import cn.yilianti.system.scenario.Progress;
import cn.yilianti.system.traffic.Cell;
import cn.yilianti.system.traffic.Target;
import cn.yilianti.system.traffic.TrafficDriver;
import cn.yilianti.system.traffic.TrafficMix;
import cn.yilianti.system.truth.IndicatorReadout;
import cn.yilianti.test.DemoCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code --demo}: the system tests' driver against the platform {@code deploy/local/run} started,
 * at a gentle rate, printing what it does and the counts of a few hospitals as they move. Options:
 * {@code --rate 2} (calls per second), {@code --minutes 10}, {@code --referral
 * http://127.0.0.1:8081}, {@code --indicator http://127.0.0.1:8083}, {@code --credentials
 * deploy/local/.run/demo-credentials.json}.
 */
public final class DemoTraffic {

  private static final List<String> WATCHED = List.of("LSX-RMYY", "CQMU-2", "JT-1", "FJX-RMYY");

  public static void main(String[] args) {
    Map<String, String> options = options(args);
    if (!options.containsKey("demo")) {
      System.err.println(
          "usage: DemoTraffic --demo [--rate 2] [--minutes 10] [--credentials file]");
      System.exit(2);
    }
    double rate = Double.parseDouble(options.getOrDefault("rate", "2"));
    Duration duration = Duration.ofMinutes(Long.parseLong(options.getOrDefault("minutes", "10")));
    Target target =
        new Target(
            options.getOrDefault("referral", "http://127.0.0.1:8081"),
            options.getOrDefault("indicator", "http://127.0.0.1:8083"),
            DemoCredentials.read(
                Path.of(
                    options.getOrDefault(
                        "credentials", "deploy/local/.run/demo-credentials.json"))));
    TrafficDriver driver = new TrafficDriver(target, TrafficMix.seed());
    Progress.say("probing " + target.referralUrl() + " with the demo credentials");
    driver.probe().notes().forEach(n -> Progress.say("note: " + n));
    IndicatorReadout indicators =
        new IndicatorReadout(target.indicatorUrl(), () -> target.credentials().user("ops"));
    AtomicBoolean stop = new AtomicBoolean();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.set(true)));
    Thread watcher = Thread.ofPlatform().daemon().start(() -> watch(indicators, driver, stop));
    Progress.say(
        "demo traffic at %.1f calls/s for %d min (Ctrl-C stops)"
            .formatted(rate, duration.toMinutes()));
    new RateDriver(new Timeline(), 32).run(rate, duration, driver, stop::get);
    stop.set(true);
    watcher.interrupt();
    driver.drain(Duration.ofSeconds(30));
    Progress.say("done; calls by step and answer:");
    driver.ledger().outcomes().forEach((k, v) -> Progress.say("  " + k + ": " + v));
  }

  private static void watch(IndicatorReadout indicators, TrafficDriver driver, AtomicBoolean stop) {
    while (!stop.get()) {
      try {
        Thread.sleep(10_000);
        Map<Cell, Long> counts = indicators.totals(WATCHED);
        StringBuilder line = new StringBuilder(driver.ledger().calls() + " calls; counts:");
        counts.forEach(
            (cell, n) -> line.append(' ').append(cell).append('=').append(n).append(';'));
        Progress.say(line.toString());
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        Progress.say("indicator API not readable: " + e.getMessage());
      }
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i].replaceFirst("^--", "");
      boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
      options.put(name, flag ? "true" : args[++i]);
    }
    return options;
  }

  private DemoTraffic() {}
}
