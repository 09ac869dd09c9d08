package cn.yilianti.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.deploy.PromQl.Selector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
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

  private static PlatformUnderTest platform;
  private static PrometheusServer prometheus;
  private static MetricsContract contract;

  @BeforeAll
  static void startPlatformDriveTrafficAndScrape(@TempDir Path dir) {
    Path binary = Tools.require("prometheus", "Debian: apt-get install prometheus");
    contract = MetricsContract.load();
    platform = PlatformUnderTest.start(dir.resolve("platform"));
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
              assertThat(value("sum(spring_cloud_function_seconds_count{error=\"none\"})"))
                  .isGreaterThanOrEqualTo(referrals);
              assertThat(
                      prometheus.series(
                          "http_server_requests_seconds_count{outcome=\"CLIENT_ERROR\"}"))
                  .isNotEmpty();
              assertThat(
                      prometheus.series(
                          "ALERTS{alertname=\"EventsDeadLettered\", alertstate=\"firing\"}"))
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
        .map(q -> DynamicTest.dynamicTest(q.toString(), () -> check(q.expr(), true)));
  }

  @TestFactory
  Stream<DynamicTest> everyDashboardVariableHasValues() {
    return Dashboards.variables().stream()
        .map(
            v ->
                DynamicTest.dynamicTest(
                    v.toString(), () -> check(PromQl.labelValuesQuery(v.query()), true)));
  }

  @TestFactory
  Stream<DynamicTest> everyAlertExpressionEvaluatesOnMetricsThatExist() {
    // An alert's expression returns series only while it fires; each metric it reads must exist.
    return AlertRules.all().stream()
        .map(r -> DynamicTest.dynamicTest(r.alert(), () -> check(r.expr(), false)));
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

  @Test
  void theOnlyAlertActiveOnTheHealthyPlatformIsThePoisonEventsDeadLetter() {
    List<JsonNode> active =
        prometheus.get("/api/v1/alerts").at("/data/alerts").valueStream().toList();

    assertThat(active)
        .singleElement()
        .satisfies(
            a -> assertThat(a.at("/labels/alertname").asString()).isEqualTo("EventsDeadLettered"))
        .satisfies(
            a -> assertThat(a.at("/labels/application").asString()).isEqualTo("indicator-service"))
        .satisfies(a -> assertThat(a.at("/labels/topic").asString()).isEqualTo("referral-up"))
        .satisfies(a -> assertThat(a.path("state").asString()).isEqualTo("firing"));
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
      boolean hasData = !prometheus.series(selector.query()).isEmpty();
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
      problems.add("the query returns no series: " + promql);
    }
    assertThat(problems).as(promql).isEmpty();
  }

  private static double value(String promql) {
    JsonNode series = prometheus.series(promql);
    return series.isEmpty() ? 0 : Double.parseDouble(series.get(0).at("/value/1").asString());
  }
}
