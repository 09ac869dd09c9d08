package cn.yilianti.system.scenario;

import cn.yilianti.system.harness.Charts;
import cn.yilianti.system.harness.MarkdownReport;
import cn.yilianti.system.harness.Timeline;
import cn.yilianti.system.traffic.Capabilities;
import cn.yilianti.system.traffic.Ledger;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The fault matrix section of the report: one row per scenario, then plots per scenario. */
public final class MatrixReport {

  public static void write(
      MarkdownReport report, List<ScenarioResult> results, Capabilities capabilities, Ledger ledger)
      throws IOException {
    report.heading("Fault matrix");
    if (!capabilities.notes().isEmpty()) {
      report.paragraph(
          "What the platform under test did not support, so the driver skipped it:\n\n- "
              + String.join("\n- ", capabilities.notes()));
    }
    List<List<String>> rows = new ArrayList<>();
    for (ScenarioResult r : results) {
      rows.add(
          r.skipped() != null
              ? List.of(
                  r.scenario().name(),
                  "skipped: " + r.skipped(),
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "")
              : List.of(
                  r.scenario().name(),
                  r.passed() ? "passed" : "**FAILED**",
                  "" + r.calls(),
                  "" + r.accepted(),
                  "" + r.committed(),
                  "" + r.published(),
                  "" + r.counted(),
                  r.notifications(),
                  "" + r.lost(),
                  "" + r.doubled(),
                  (r.scenario().fault() == Fault.NONE ? "no fault" : seconds(r.recovery()))
                      + " / "
                      + seconds(r.converged())));
    }
    report.table(
        List.of(
            "scenario",
            "result",
            "requests sent",
            "accepted (2xx)",
            "events committed",
            "events published",
            "counted",
            "notifications delivered",
            "lost",
            "double-counted",
            "recovery / counts exact after"),
        rows);
    report.paragraph(
        "Events committed, published and counted are totals over the run so far (the check after"
            + " each scenario covers everything before it). Recovery: from the fault until API"
            + " calls succeed three seconds in a row (the outage callers saw); counts exact after: from the end of the load"
            + " until every indicator cell equals the truth.");
    for (ScenarioResult r : results) {
      if (r.skipped() != null || r.timeline() == null) {
        continue;
      }
      report.heading("Scenario " + r.scenario().name());
      StringBuilder text = new StringBuilder(r.scenario().description()).append(".\n\n");
      r.notes().stream()
          .filter(n -> !n.isBlank())
          .forEach(n -> text.append("- ").append(n).append('\n'));
      text.append("- uncertain steps (time-outs without idempotency): ")
          .append(r.uncertain())
          .append('\n');
      text.append("- calls failed while the fault lasted: ")
          .append(r.failedDuringFault())
          .append('\n');
      r.problems().stream()
          .limit(10)
          .forEach(p -> text.append("- **problem**: ").append(p).append('\n'));
      report.paragraph(text.toString());
      plots(report, r.scenario().name(), r.timeline());
    }
    report.heading("Driver ledger");
    StringBuilder outcomes = new StringBuilder();
    ledger
        .outcomes()
        .forEach((k, v) -> outcomes.append("- ").append(k).append(": ").append(v).append('\n'));
    report.paragraph("Calls by step and answer over the whole run:\n\n" + outcomes);
    Map<String, String> samples = ledger.refusalSamples();
    if (!samples.isEmpty()) {
      StringBuilder text = new StringBuilder("One answer per refused step:\n\n");
      samples.forEach(
          (k, v) ->
              text.append("- ").append(k).append(": `").append(v.replace('`', '\'')).append("`\n"));
      report.paragraph(text.toString());
    }
  }

  static void plots(MarkdownReport report, String name, Timeline timeline) throws IOException {
    Path throughput = report.directory().resolve(name + "-throughput.png");
    Charts.overTime(
        timeline,
        name + ": calls per second",
        "calls/s",
        List.of(new Charts.Series("ok", s -> s.ok()), new Charts.Series("failed", s -> s.failed())),
        throughput);
    report.image(name + " throughput", throughput);
    Path latency = report.directory().resolve(name + "-latency.png");
    Charts.overTime(
        timeline,
        name + ": API latency and freshness",
        "ms",
        List.of(
            new Charts.Series("API p50", Timeline.Second::p50Millis),
            new Charts.Series("API p99", Timeline.Second::p99Millis),
            new Charts.Series("freshness p99", Timeline.Second::freshnessP99Millis)),
        latency);
    report.image(name + " latency", latency);
    if (timeline.freshness().getTotalCount() > 0) {
      Path freshness = report.directory().resolve(name + "-freshness.png");
      Charts.distribution(timeline.freshness(), name + ": event → indicator freshness", freshness);
      report.image(name + " freshness", freshness);
    }
  }

  static String seconds(@Nullable Duration d) {
    return d == null ? "not within the run" : "%.1f s".formatted(d.toMillis() / 1000.0);
  }

  private MatrixReport() {}
}
