package cn.yilianti.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.deploy.Dashboards.Panel;
import cn.yilianti.deploy.Dashboards.Variable;
import cn.yilianti.deploy.PromQl.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The dashboards' shape: provisioning, datasource by uid, variables, one question per panel. */
class GrafanaDashboardsTest {

  @Test
  void providesTheThreeDashboards() {
    assertThat(Dashboards.all())
        .extracting(d -> d.path("uid").asString(), d -> d.path("title").asString())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("referral-flow", "Referral flow"),
            org.assertj.core.groups.Tuple.tuple("seed-indicators", "Seed indicators"),
            org.assertj.core.groups.Tuple.tuple("platform-health", "Platform health"));
  }

  @Test
  void everyPanelNamesTheProvisionedDatasourceByUid() {
    JsonNode datasource =
        Repo.yaml(Repo.path("deploy/grafana/provisioning/datasources/prometheus.yml"))
            .path("datasources")
            .get(0);
    String uid = datasource.path("uid").asString();
    assertThat(uid).isNotBlank();

    for (Panel panel : Dashboards.panels()) {
      assertThat(panel.json().path("datasource").path("uid").asString())
          .as(panel.toString())
          .isEqualTo(uid);
      for (JsonNode target : panel.json().path("targets")) {
        assertThat(target.path("datasource").path("uid").asString())
            .as(panel.toString())
            .isEqualTo(uid);
      }
    }
    for (Variable variable : Dashboards.variables()) {
      assertThat(variable.json().path("datasource").path("uid").asString())
          .as(variable.toString())
          .isEqualTo(uid);
    }
  }

  @Test
  void provisioningLoadsTheDashboardsWhereComposeMountsThem() {
    JsonNode provider =
        Repo.yaml(Repo.path("deploy/grafana/provisioning/dashboards/referral-platform.yml"))
            .path("providers")
            .get(0);
    String path = provider.path("options").path("path").asString();

    assertThat(provider.path("type").asString()).isEqualTo("file");
    assertThat(Repo.read("deploy/compose/docker-compose.yml"))
        .contains("../grafana/dashboards:" + path + ":ro")
        .contains("../grafana/provisioning:/etc/grafana/provisioning:ro");
  }

  @Test
  void businessDashboardsFilterByAllianceAndHospitalAndPlatformHealthByService() {
    assertThat(variableNames("Referral flow")).contains("alliance", "hospital");
    assertThat(variableNames("Seed indicators")).contains("alliance", "hospital", "year");
    assertThat(variableNames("Platform health")).contains("application", "instance");
    for (Variable variable : Dashboards.variables()) {
      if (variable.json().path("includeAll").asBoolean()) {
        assertThat(variable.json().path("allValue").asString())
            .as(variable.toString())
            .isEqualTo(".*");
      }
    }
  }

  @Test
  void everyPanelSaysWhichQuestionItAnswersAndHasAQuery() {
    for (Panel panel : Dashboards.panels()) {
      assertThat(panel.json().path("description").asString()).as(panel.toString()).endsWith("?");
      assertThat(panel.json().path("targets")).as(panel.toString()).isNotEmpty();
      for (JsonNode target : panel.json().path("targets")) {
        assertThat(target.path("expr").asString()).as(panel.toString()).isNotBlank();
      }
    }
  }

  @Test
  void panelIdsAreUniqueWithinADashboard() {
    for (JsonNode dashboard : Dashboards.all()) {
      List<Integer> ids = new ArrayList<>();
      dashboard.path("panels").forEach(p -> ids.add(p.path("id").asInt()));
      assertThat(ids).as(dashboard.path("title").asString()).doesNotHaveDuplicates();
    }
  }

  @Test
  void everyMetricThatADashboardOrAlertReadsIsInTheContract() {
    MetricsContract contract = MetricsContract.load();
    List<String> missing = new ArrayList<>();
    Stream.of(
            Dashboards.queries().stream().map(Dashboards.PanelQuery::expr),
            Dashboards.variables().stream().map(v -> PromQl.labelValuesQuery(v.query())),
            AlertRules.all().stream().map(AlertRules.Rule::expr))
        .flatMap(s -> s)
        .flatMap(expr -> PromQl.selectors(expr).stream())
        .map(Selector::metric)
        .distinct()
        .filter(metric -> contract.find(metric).isEmpty())
        .forEach(missing::add);

    assertThat(missing).as("metrics read but not listed in " + MetricsContract.FILE).isEmpty();
  }

  private static List<String> variableNames(String dashboard) {
    return Dashboards.variables().stream()
        .filter(v -> v.dashboard().equals(dashboard))
        .map(Variable::name)
        .toList();
  }
}
