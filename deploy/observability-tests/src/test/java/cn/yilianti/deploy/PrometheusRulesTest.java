package cn.yilianti.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.deploy.AlertRules.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The Prometheus side without a running platform: promtool checks the config and the rules and runs
 * the rules' unit tests; every alert has tests that show it firing and staying silent, a runbook
 * section, and a route in Alertmanager.
 */
class PrometheusRulesTest {

  private static final String INSTALL = "Debian: apt-get install prometheus";
  private static final Path PROMETHEUS_DIR = Repo.path("deploy/prometheus");

  @Test
  void promtoolAcceptsTheScrapeConfigAndItsRuleFiles() {
    Path promtool = Tools.require("promtool", INSTALL);

    Tools.Result result =
        Tools.run(PROMETHEUS_DIR, promtool, "check", "config", "prometheus.yml").assertSucceeded();

    assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
  }

  @Test
  void promtoolAcceptsEveryRuleFile() {
    Path promtool = Tools.require("promtool", INSTALL);
    for (Path rules : AlertRules.files()) {
      Tools.run(PROMETHEUS_DIR, promtool, "check", "rules", rules).assertSucceeded();
    }
  }

  @Test
  void everyRuleUnitTestPasses() {
    Path promtool = Tools.require("promtool", INSTALL);
    List<Path> tests = Repo.files("deploy/prometheus/tests", ".yml");
    assertThat(tests).isNotEmpty();
    for (Path test : tests) {
      Tools.Result result =
          Tools.run(PROMETHEUS_DIR, promtool, "test", "rules", test).assertSucceeded();
      assertThat(result.output()).contains("SUCCESS");
    }
  }

  @Test
  void everyAlertHasUnitTestsShowingItFiringAndStayingSilent() {
    Map<String, Set<String>> outcomes = new HashMap<>();
    for (Path file : Repo.files("deploy/prometheus/tests", ".yml")) {
      for (JsonNode test : Repo.yaml(file).path("tests")) {
        for (JsonNode check : test.path("alert_rule_test")) {
          outcomes
              .computeIfAbsent(check.path("alertname").asString(), a -> new TreeSet<>())
              .add(check.path("exp_alerts").isEmpty() ? "silent" : "fires");
        }
      }
    }

    for (Rule rule : AlertRules.all()) {
      assertThat(outcomes.get(rule.alert()))
          .as("unit tests of " + rule.alert())
          .containsExactly("fires", "silent");
    }
  }

  @Test
  void everyAlertHasASeveritySummaryAndItsRunbookSection() {
    String runbook = Repo.read("deploy/RUNBOOK.md");
    for (Rule rule : AlertRules.all()) {
      assertThat(rule.label("severity")).as(rule.alert()).isIn("critical", "warning");
      assertThat(rule.annotation("summary")).as(rule.alert()).isNotBlank();
      assertThat(rule.annotation("description")).as(rule.alert()).isNotBlank();
      assertThat(rule.annotation("runbook_url"))
          .as(rule.alert())
          .isEqualTo("deploy/RUNBOOK.md#" + rule.alert().toLowerCase(Locale.ROOT));
      assertThat(runbook)
          .as("runbook section of " + rule.alert())
          .contains("\n## " + rule.alert() + "\n");
    }
  }

  @Test
  void theRunbookHasNoSectionForAnAlertThatDoesNotExist() {
    List<String> alerts = AlertRules.all().stream().map(Rule::alert).toList();
    List<String> sections =
        Repo.read("deploy/RUNBOOK.md")
            .lines()
            .filter(line -> line.startsWith("## "))
            .map(line -> line.substring(3).trim())
            .toList();

    assertThat(sections).containsExactlyInAnyOrderElementsOf(alerts);
  }

  @Test
  void alertmanagerAcceptsItsConfigurationWithTheWebhookFromTheEnvironment(@TempDir Path dir)
      throws Exception {
    Path amtool = Tools.require("amtool", "Debian: apt-get install prometheus-alertmanager");
    // What deploy/alertmanager/start.sh does in the container.
    String config =
        Repo.read("deploy/alertmanager/alertmanager.yml")
            .replace("${ALERT_WEBHOOK_URL}", "https://alerts.example.internal/hook?key=a&b=c");
    Path file = Files.writeString(dir.resolve("alertmanager.yml"), config);

    Tools.Result result = Tools.run(dir, amtool, "check-config", file).assertSucceeded();

    assertThat(result.output()).contains("SUCCESS");
    assertThat(Repo.read("deploy/alertmanager/alertmanager.yml")).contains("severity=\"critical\"");
  }
}
