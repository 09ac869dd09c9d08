package cn.yilianti.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.deploy.PromQl.Selector;
import cn.yilianti.test.PlatformProcesses;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The proof that the dashboards and alerts read what the platform exports: the platform runs as
 * processes, referrals go through it, a real Prometheus scrapes it with the committed jobs and
 * rules, and then every panel query, variable query and alert expression is evaluated through
 * Prometheus' HTTP API. A query fails when Prometheus rejects it, when a metric it reads returns no
 * series although deploy/grafana/METRICS.md says it is exported (or a panel built from such metrics
 * returns nothing), and when a metric marked "expected" has started to return data (so that the
 * contract is switched and the proof covers it).
 */
class LivePlatformQueriesTest {

  private static PlatformProcesses platform;
  private static PrometheusServer prometheus;
  private static MetricsContract contract;

  @BeforeAll
  static void startPlatformDriveTrafficAndScrape() throws IOException {
    Path binary = Tools.require("prometheus", "Debian: apt-get install prometheus");
    // Under target/, so the service and Prometheus logs stay for a look after a failure.
    Path dir = Path.of("target", "live-platform").toAbsolutePath();
    FileSystemUtils.deleteRecursively(dir);
    contract = MetricsContract.load();
    // indicator-service reads its database gauges every 2 s here (30 s by default).
    platform =
        PlatformProcesses.start(
            "obs_",
            List.of("--indicator.gauges.refresh=2s", "--indicator.gauges.initial-delay=1s"));
    prometheus = PrometheusServer.start(binary, dir.resolve("prometheus"), platform.ports());
    Traffic.drive(platform);
    int referrals = 2 * 3 * Traffic.REFERRALS_PER_DIRECTION_AND_PRIORITY;
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              assertThat(prometheus.series("up == 1")).as(prometheus.log()).hasSize(4);
              assertThat(value("sum(outbox_published_total)")).isGreaterThanOrEqualTo(referrals);
              assertThat(
                      value(
                          "sum(kafka_consumer_fetch_manager_records_consumed_total{application=\"indicator-service\"})"))
                  .isGreaterThanOrEqualTo(referrals);
              assertThat(
                      prometheus.series(
                          "http_server_requests_seconds_count{outcome=\"CLIENT_ERROR\"}"))
                  .isNotEmpty();
              assertThat(
                      prometheus.series(
                          "ALERTS{alertname=\"EventsDeadLettered\", alertstate=\"firing\"}"))
                  .isNotEmpty();
              assertThat(
                      prometheus.series(
                          "indicator_yearly_transfers{hospital=\"LSX-RMYY\", direction=\"UP\"} > 0"))
                  .isNotEmpty();
            });
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (platform != null) {
      platform.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyPanelQueryReturnsData() {
    return Dashboards.queries().stream()
        .map(
            q ->
                DynamicTest.dynamicTest(
                    q.toString(), () -> eventually(() -> check(q.expr(), true))));
  }

  @TestFactory
  Stream<DynamicTest> everyDashboardVariableHasValues() {
    return Dashboards.variables().stream()
        .map(
            v ->
                DynamicTest.dynamicTest(
                    v.toString(),
                    () -> eventually(() -> check(PromQl.labelValuesQuery(v.query()), true))));
  }

  @TestFactory
  Stream<DynamicTest> everyAlertExpressionEvaluatesOnMetricsThatExist() {
    // An alert's expression returns series only while it fires; each metric it reads must exist.
    return AlertRules.all().stream()
        .map(
            r ->
                DynamicTest.dynamicTest(r.alert(), () -> eventually(() -> check(r.expr(), false))));
  }

  @Test
  void prometheusLoadedEveryAlertAndEvaluatesItWithoutErrors() {
    List<String> alerts = AlertRules.all().stream().map(AlertRules.Rule::alert).toList();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              List<JsonNode> rules =
                  prometheus
                      .get("/api/v1/rules?type=alert")
                      .at("/data/groups")
                      .valueStream()
                      .flatMap(g -> g.path("rules").valueStream())
                      .toList();
              assertThat(rules)
                  .extracting(r -> r.path("name").asString())
                  .containsExactlyInAnyOrderElementsOf(alerts);
              for (JsonNode rule : rules) {
                assertThat(rule.path("health").asString())
                    .as(rule.path("name").asString() + ": " + rule.path("lastError").asString())
                    .isEqualTo("ok");
              }
            });
  }

  /**
   * The alerts active on the test platform are exactly the ones its own traffic explains: the
   * poison event's dead letters, and deliveries to the seeded hospitals' example addresses (no mail
   * server, no internet, no webhook secret here), which open circuits and park. Nothing else, and
   * nothing critical.
   */
  @Test
  void theOnlyAlertsActiveAreThoseTheTrafficExplains() {
    // Right after Prometheus starts, ServiceDown may be pending for a target not scraped yet.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              List<JsonNode> alerts =
                  prometheus.get("/api/v1/alerts").at("/data/alerts").valueStream().toList();
              assertThat(alerts)
                  .as(targets())
                  .allSatisfy(
                      a -> {
                        String name = a.at("/labels/alertname").asString();
                        assertThat(name)
                            .isIn(
                                "EventsDeadLettered",
                                "DeadLetterTopicNotEmpty",
                                "NotificationCircuitOpen",
                                "NotificationsParked");
                        assertThat(a.at("/labels/severity").asString()).isEqualTo("warning");
                        if (name.equals("EventsDeadLettered")) {
                          assertThat(a.at("/labels/topic").asString()).isEqualTo("referral-up");
                        }
                        if (name.equals("DeadLetterTopicNotEmpty")) {
                          assertThat(a.at("/labels/topic").asString()).startsWith("referral-up.");
                        }
                      })
                  .anySatisfy(
                      a -> {
                        assertThat(a.at("/labels/alertname").asString())
                            .isEqualTo("EventsDeadLettered");
                        assertThat(a.at("/labels/application").asString())
                            .isEqualTo("notification-service");
                        assertThat(a.path("state").asString()).isEqualTo("firing");
                      });
            });
  }

  /** A check that may see one late scrape on a busy machine gets a few more tries. */
  private static void eventually(ThrowingRunnable check) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(check);
  }

  private static void check(String expr, boolean mustReturnData) {
    String promql = PromQl.forEvaluation(expr);
    JsonNode answer = prometheus.query(promql);
    assertThat(answer.path("status").asString())
        .as("Prometheus rejects %s: %s", promql, answer.path("error").asString())
        .isEqualTo("success");
    List<String> problems = new ArrayList<>();
    boolean mayBeEmpty = false;
    for (Selector selector : PromQl.selectors(promql)) {
      // Any sample in the last minutes: one scrape that timed out on a busy machine is no failure.
      boolean hasData =
          !prometheus.series("last_over_time(" + selector.query() + "[5m])").isEmpty();
      Optional<String> whyEmptyIsFine = contract.whyNoDataIsFine(selector);
      boolean expected =
          contract.find(selector.metric()).map(MetricsContract.Metric::expected).orElse(false);
      if (expected && hasData) {
        problems.add(
            selector.query()
                + " returns data now: mark "
                + selector.metric()
                + " exported in "
                + MetricsContract.FILE);
      } else if (!hasData && whyEmptyIsFine.isEmpty()) {
        problems.add(selector.query() + " returns no series");
      }
      mayBeEmpty |= whyEmptyIsFine.isPresent();
    }
    if (mustReturnData && !mayBeEmpty && answer.at("/data/result").isEmpty()) {
      problems.add("the query returns no series: " + promql + "; " + diagnosis(promql));
    }
    assertThat(problems).as(promql).isEmpty();
  }

  /** What Prometheus saw of each selector in the last minute, and how its scrapes went. */
  private static String diagnosis(String promql) {
    StringBuilder text = new StringBuilder("samples in the last 5 minutes:");
    for (Selector selector : PromQl.selectors(promql)) {
      String samples = "count_over_time(" + selector.query() + "[5m])";
      text.append(' ')
          .append(selector.query())
          .append(": ")
          .append(prometheus.series("count(" + samples + ")").findValue("value"))
          .append(" series, ")
          .append(prometheus.series("min(" + samples + ")").findValue("value"))
          .append(" samples at least");
    }
    return text.append("; ").append(targets()).toString();
  }

  /** How the scrapes of each target went, for failure messages. */
  private static String targets() {
    StringBuilder text = new StringBuilder("targets:");
    prometheus
        .get("/api/v1/targets")
        .at("/data/activeTargets")
        .valueStream()
        .forEach(
            t ->
                text.append(' ')
                    .append(t.at("/labels/job").asString())
                    .append('=')
                    .append(t.path("health").asString())
                    .append(' ')
                    .append(t.path("lastScrapeDuration").asString())
                    .append("s ")
                    .append(t.path("lastError").asString()));
    return text.toString();
  }

  private static double value(String promql) {
    JsonNode series = prometheus.series(promql);
    return series.isEmpty() ? 0 : Double.parseDouble(series.get(0).at("/value/1").asString());
  }
}
