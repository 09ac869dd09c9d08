package cn.yilianti.deploy;

import cn.yilianti.deploy.PromQl.Selector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * deploy/grafana/METRICS.md read as data: the metrics the dashboards and alerts may read, whether
 * each is exported today or expected from a service still being built, and the selectors that have
 * no data while the platform is healthy.
 */
final class MetricsContract {

  static final String FILE = "deploy/grafana/METRICS.md";

  record Metric(String name, String type, String source, String status) {

    boolean expected() {
      return status.startsWith("expected");
    }
  }

  /** A selector of the "no data on a healthy platform" table. */
  record Quiet(String metric, List<String> matchers, String why) {

    boolean covers(Selector selector) {
      return selector.metric().equals(metric) && matchers.stream().allMatch(selector::has);
    }
  }

  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|(.*)\\|\\s*$");
  private static final Pattern SELECTOR =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?$");

  private final Map<String, Metric> metrics;
  private final List<Quiet> quiet;

  private MetricsContract(Map<String, Metric> metrics, List<Quiet> quiet) {
    this.metrics = metrics;
    this.quiet = quiet;
  }

  static MetricsContract load() {
    Map<String, Metric> metrics = new LinkedHashMap<>();
    List<Quiet> quiet = new ArrayList<>();
    String section = "";
    for (String line : Repo.read(FILE).split("\n")) {
      if (line.startsWith("## ")) {
        section = line;
        continue;
      }
      Matcher row = ROW.matcher(line);
      if (!row.matches()) {
        continue;
      }
      String[] cells = row.group(2).split("\\|");
      if (section.startsWith("## Metrics")) {
        String name = row.group(1);
        metrics.put(name, new Metric(name, cells[0].trim(), cells[2].trim(), cells[3].trim()));
      } else if (section.startsWith("## Selectors")) {
        Matcher selector = SELECTOR.matcher(row.group(1));
        if (!selector.matches()) {
          throw new IllegalStateException("Not a selector in " + FILE + ": " + row.group(1));
        }
        List<String> matchers =
            selector.group(3) == null ? List.of() : List.of(selector.group(3).split(",\\s*"));
        quiet.add(new Quiet(selector.group(1), matchers, cells[0].trim()));
      }
    }
    return new MetricsContract(metrics, quiet);
  }

  List<Metric> metrics() {
    return List.copyOf(metrics.values());
  }

  /** The contract row of a series name, e.g. {@code http_server_requests_seconds_bucket}. */
  Optional<Metric> find(String series) {
    Metric exact = metrics.get(series);
    if (exact != null) {
      return Optional.of(exact);
    }
    for (String suffix : List.of("_bucket", "_count", "_sum", "_max")) {
      if (series.endsWith(suffix)) {
        Metric base = metrics.get(series.substring(0, series.length() - suffix.length()));
        if (base != null && (!suffix.equals("_bucket") || base.type().equals("histogram"))) {
          return Optional.of(base);
        }
      }
    }
    return Optional.empty();
  }

  /** Why this selector may legitimately return nothing now, if it may. */
  Optional<String> whyNoDataIsFine(Selector selector) {
    Optional<Metric> metric = find(selector.metric());
    if (metric.isPresent() && metric.get().expected()) {
      return Optional.of(metric.get().status() + ": " + metric.get().source());
    }
    return quiet.stream().filter(q -> q.covers(selector)).map(Quiet::why).findFirst();
  }
}
