package cn.yilianti.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.local.ServiceKind;
import cn.yilianti.system.bench.Benchmark;
import cn.yilianti.system.bench.BenchmarkReport;
import cn.yilianti.system.harness.MarkdownReport;
import cn.yilianti.system.harness.PgBench;
import cn.yilianti.system.scenario.FaultMatrix;
import cn.yilianti.system.scenario.MatrixReport;
import cn.yilianti.system.scenario.PrivatePostgres;
import cn.yilianti.system.scenario.Progress;
import cn.yilianti.system.scenario.ScenarioResult;
import cn.yilianti.system.scenario.ScenarioRunner;
import cn.yilianti.system.scenario.SystemUnderTest;
import cn.yilianti.system.scenario.WebhookReceiver;
import cn.yilianti.system.scenario.WebhookRouting;
import cn.yilianti.system.traffic.TrafficDriver;
import cn.yilianti.system.traffic.TrafficMix;
import cn.yilianti.test.PlatformProcesses;
import cn.yilianti.test.TestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The full fault matrix and the stepped benchmark, on a PostgreSQL server of this run only (so it
 * can be restarted). Not part of {@code ./mvnw verify}: run {@code system-tests/run-full} (or
 * {@code ./mvnw -B -pl system-tests -am verify -Psystem-full}). Writes {@code
 * system-tests/report/full/REPORT.md} with its plots.
 */
@Tag("system-full")
class FullSystemRunTest {

  private static final double MATRIX_RATE =
      Double.parseDouble(System.getProperty("matrix.rate", "30"));
  private static final int POOL = 5;

  @Test
  void fullMatrixAndBenchmark() throws Exception {
    Path report = PlatformProcesses.repoRoot().resolve("system-tests/report/full");
    Instant began = Instant.now();
    try (PrivatePostgres postgres = new PrivatePostgres(Files.createTempDirectory("system-pg"));
        SystemUnderTest system = SystemUnderTest.start("sf_", List.of(), postgres.server());
        WebhookReceiver receiver = new WebhookReceiver(TestInfrastructure.freePort())) {
      long startup = Duration.between(began, Instant.now()).toSeconds();
      Progress.say("platform up in " + startup + " s");
      WebhookReceiver webhooks = receiver;
      for (String hospital : List.of("CQMU-2", "SGH")) {
        try {
          Progress.say(WebhookRouting.pointAt(system, hospital, receiver));
        } catch (RuntimeException e) {
          Progress.say("webhook receiver not wired: " + e.getMessage());
          webhooks = null;
        }
      }
      TrafficDriver driver = new TrafficDriver(system.target(), TrafficMix.seed());
      driver.probe().notes().forEach(Progress::say);
      ScenarioRunner runner = new ScenarioRunner(system, driver, null);
      List<ScenarioResult> results = new ArrayList<>();
      for (var scenario : FaultMatrix.fullMatrix(MATRIX_RATE, postgres, webhooks)) {
        results.add(runner.run(scenario));
      }
      TrafficDriver load = new TrafficDriver(system.target(), TrafficMix.seed()).submissionsOnly();
      List<Benchmark.Result> steps =
          new Benchmark(system, load)
              .run(List.of(100.0, 500.0, 1000.0, 2000.0, 3000.0), Duration.ofSeconds(20));
      Progress.say("pgbench baseline with " + POOL + " clients");
      String benchDb = "sf_pgbench_" + ProcessHandle.current().pid();
      postgres.server().createDatabaseIfMissing(benchDb);
      double tps =
          PgBench.tps(
              postgres.server(),
              benchDb,
              POOL,
              Duration.ofSeconds(20),
              Files.createTempDirectory("pgbench"));
      MarkdownReport markdown =
          new MarkdownReport(report, "System proof: fault matrix and benchmark");
      markdown.paragraph(
          ("Run of %s on this machine (%d cores; other builds were running on it at the same"
                  + " time), platform started in %d s; the platform as separate processes: Kafka"
                  + " (KRaft), a private embedded PostgreSQL, the four services (-Xmx384m, serial"
                  + " GC, connection pool %d); the load generator in the test JVM. Matrix load:"
                  + " %.0f calls/s of the seed's traffic. Regenerate with `system-tests/run-full`.")
              .formatted(
                  Instant.now(),
                  Runtime.getRuntime().availableProcessors(),
                  startup,
                  POOL,
                  MATRIX_RATE));
      BenchmarkReport.write(markdown, steps, new BenchmarkReport.PgBaseline(POOL, 20, tps));
      MatrixReport.write(markdown, results, driver.capabilities(), driver.ledger());
      Progress.say("report: " + markdown.write("REPORT.md"));
      assertThat(results)
          .allSatisfy(r -> assertThat(r.problems()).as(r.scenario().name()).isEmpty());
      assertThat(system.database(ServiceKind.REFERRAL)).isNotBlank();
    }
  }
}
