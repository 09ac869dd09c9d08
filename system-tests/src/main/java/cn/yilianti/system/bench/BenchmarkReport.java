package cn.yilianti.system.bench;

import cn.yilianti.system.harness.Charts;
import cn.yilianti.system.harness.MarkdownReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The benchmark section of the report: one row per load level, resources, pgbench ratio. */
public final class BenchmarkReport {

  public static void write(
      MarkdownReport report, List<Benchmark.Result> results, PgBaseline baseline)
      throws IOException {
    report.heading("Benchmark: submissions at stepped load");
    List<List<String>> rows = new ArrayList<>();
    for (Benchmark.Result r : results) {
      BenchmarkStep s = r.step();
      rows.add(
          List.of(
              "%.0f".formatted(s.target()),
              "%.0f".formatted(s.accepted()),
              "%.0f".formatted(s.endToEnd()),
              "%.2f%%".formatted(100 * s.failedShare()),
              s.p50() + " / " + s.p95() + " / " + s.p99(),
              s.freshnessP50() + " / " + s.freshnessP99(),
              s.notificationP50() < 0 ? "n/a" : s.notificationP50() + " / " + s.notificationP99(),
              "" + s.notCounted(),
              s.saturated() ? "saturated" : "keeps up"));
    }
    report.table(
        List.of(
            "asked /s",
            "accepted /s",
            "counted end to end /s",
            "failed",
            "API p50 / p95 / p99 ms",
            "freshness p50 / p99 ms",
            "notification intake p50 / p99 ms",
            "not counted",
            ""),
        rows);
    double best = results.stream().mapToDouble(r -> r.step().endToEnd()).max().orElse(0);
    report.paragraph(
        ("Raw PostgreSQL rate for the same work (pgbench, one referral row and one outbox row per"
                + " transaction, %d clients = referral-service's connection pool, %d s): **%.0f"
                + " transactions/s**. Best end-to-end rate: **%.0f submissions/s = %.1f%% of the raw"
                + " rate**.")
            .formatted(
                baseline.clients(),
                baseline.seconds(),
                baseline.tps(),
                best,
                baseline.tps() == 0 ? 0 : 100 * best / baseline.tps()));
    TreeSet<String> processes = new TreeSet<>();
    results.forEach(r -> processes.addAll(r.step().rssMb().keySet()));
    List<List<String>> resources = new ArrayList<>();
    for (String process : processes) {
      List<String> row = new ArrayList<>(List.of(process));
      for (Benchmark.Result r : results) {
        Map<String, Double> cpu = r.step().cpu();
        row.add(
            "%.0f%% / %d MB"
                .formatted(
                    100 * cpu.getOrDefault(process, 0.0),
                    r.step().rssMb().getOrDefault(process, 0L)));
      }
      resources.add(row);
    }
    List<String> header = new ArrayList<>(List.of("process (CPU of one core / RSS)"));
    results.forEach(r -> header.add("%.0f/s".formatted(r.step().target())));
    report.table(header, resources);
    for (Benchmark.Result r : results) {
      String name = "bench-%.0f".formatted(r.step().target());
      Path throughput = report.directory().resolve(name + "-over-time.png");
      Charts.overTime(
          r.timeline(),
          name + ": accepted per second and API latency",
          "calls/s, ms",
          List.of(
              new Charts.Series("accepted/s", s -> s.ok()),
              new Charts.Series("failed/s", s -> s.failed()),
              new Charts.Series("API p99 ms", s -> s.p99Millis()),
              new Charts.Series("freshness p99 ms", s -> s.freshnessP99Millis())),
          throughput);
      report.image(name, throughput);
      if (r.timeline().freshness().getTotalCount() > 0) {
        Path freshness = report.directory().resolve(name + "-freshness.png");
        Charts.distribution(
            r.timeline().freshness(), name + ": event → indicator freshness", freshness);
        report.image(name + " freshness", freshness);
      }
    }
  }

  /** The pgbench figure the end-to-end rate is compared with. */
  public record PgBaseline(int clients, long seconds, double tps) {}

  private BenchmarkReport() {}
}
