package cn.yilianti.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.system.bench.Benchmark;
import cn.yilianti.system.bench.BenchmarkReport;
import cn.yilianti.system.harness.MarkdownReport;
import cn.yilianti.system.harness.PgBench;
import cn.yilianti.system.harness.RateDriver;
import cn.yilianti.system.harness.Timeline;
import cn.yilianti.system.scenario.FaultMatrix;
import cn.yilianti.system.scenario.MatrixReport;
import cn.yilianti.system.scenario.NotificationReceivers;
import cn.yilianti.system.scenario.PrivatePostgres;
import cn.yilianti.system.scenario.Progress;
import cn.yilianti.system.scenario.Scenario;
import cn.yilianti.system.scenario.ScenarioResult;
import cn.yilianti.system.scenario.ScenarioRunner;
import cn.yilianti.system.scenario.SystemUnderTest;
import cn.yilianti.system.traffic.TrafficDriver;
import cn.yilianti.system.traffic.TrafficMix;
import cn.yilianti.test.PlatformProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The stepped benchmark and the full fault matrix, on a PostgreSQL server of this run only (so it
 * can be restarted). Not part of {@code ./mvnw verify}: run {@code system-tests/run-full}. Writes
 * {@code system-tests/report/full/REPORT.md} with its plots, again after every scenario, so a run
 * cut short still leaves what it measured.
 */
@Tag("system-full")
class FullSystemRunTest {

  private static final double MATRIX_RATE =
      Double.parseDouble(System.getProperty("matrix.rate", "30"));
  private static final int POOL = 5;
  private static final Duration STEP = Duration.ofSeconds(20);

  @Test
  void benchmarkAndFullMatrix() throws Exception {
    Path reportDir = PlatformProcesses.repoRoot().resolve("system-tests/report/full");
    Instant began = Instant.now();
    double loadBefore = loadAverage();
    try (PrivatePostgres postgres = new PrivatePostgres(Files.createTempDirectory("system-pg"));
        NotificationReceivers receivers = new NotificationReceivers();
        SystemUnderTest system =
            SystemUnderTest.start("sf_", receivers.serviceArgs(), postgres.server())) {
      long startup = Duration.between(began, Instant.now()).toSeconds();
      Progress.say("platform up in " + startup + " s");
      Progress.say(receivers.wire(system));
      TrafficDriver load = new TrafficDriver(system.target(), TrafficMix.seed()).submissionsOnly();
      Progress.say("warm-up of the services' JIT compilers: 20 submissions/s for 60 s");
      new RateDriver(new Timeline(), 256).run(20, Duration.ofSeconds(60), load, () -> false);
      List<Benchmark.Result> steps =
          new Benchmark(system, load).run(List.of(100.0, 500.0, 1000.0, 2000.0, 3000.0), STEP);
      Progress.say("pgbench baseline with " + POOL + " clients");
      String benchDb = "sf_pgbench_" + ProcessHandle.current().pid();
      postgres.server().createDatabaseIfMissing(benchDb);
      double tps =
          PgBench.tps(postgres.server(), benchDb, POOL, STEP, Files.createTempDirectory("pgbench"));
      String intro =
          ("Run of %s on this machine (%d cores; load average %.1f before the platform started,"
                  + " %.1f after the benchmark), platform started in %d s. The"
                  + " platform as separate processes: Kafka (KRaft), a private embedded PostgreSQL"
                  + " (the embedded binaries run with fsync off and synchronous_commit off), the"
                  + " four services (-Xmx384m, serial GC, C1 only, connection pool %d); the load"
                  + " generator in the test JVM. Benchmark: submissions only, after a 60 s warm-up"
                  + " at 20/s, %d s per step."
                  + " Matrix load: %.0f calls/s of the seed's traffic with every lifecycle step."
                  + " Every notification goes to a real receiver of the run: HIS webhooks and"
                  + " group robots to local HTTP servers, email to an SMTP server (GreenMail)."
                  + " Regenerate with `system-tests/run-full`.")
              .formatted(
                  Instant.now(),
                  Runtime.getRuntime().availableProcessors(),
                  loadBefore,
                  loadAverage(),
                  startup,
                  POOL,
                  STEP.toSeconds(),
                  MATRIX_RATE);
      BenchmarkReport.PgBaseline baseline =
          new BenchmarkReport.PgBaseline(POOL, STEP.toSeconds(), tps);
      TrafficDriver driver = new TrafficDriver(system.target(), TrafficMix.seed());
      driver.probe().notes().forEach(Progress::say);
      ScenarioRunner runner = new ScenarioRunner(system, driver, receivers);
      List<ScenarioResult> results = new ArrayList<>();
      write(reportDir, intro, steps, baseline, results, driver);
      for (Scenario scenario : FaultMatrix.fullMatrix(MATRIX_RATE, postgres, receivers.his())) {
        results.add(runner.run(scenario));
        write(reportDir, intro, steps, baseline, results, driver);
      }
      assertThat(results)
          .allSatisfy(r -> assertThat(r.problems()).as(r.scenario().name()).isEmpty());
    }
  }

  /** The one-minute load average, from /proc/loadavg (0 where there is none). */
  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (Exception e) {
      return 0;
    }
  }

  private static void write(
      Path dir,
      String intro,
      List<Benchmark.Result> steps,
      BenchmarkReport.PgBaseline baseline,
      List<ScenarioResult> results,
      TrafficDriver driver)
      throws Exception {
    MarkdownReport markdown =
        new MarkdownReport(dir, "System proof: benchmark and fault matrix").paragraph(intro);
    BenchmarkReport.write(markdown, steps, baseline);
    MatrixReport.write(markdown, results, driver.capabilities(), driver.ledger());
    Progress.say("report: " + markdown.write("REPORT.md"));
  }
}
