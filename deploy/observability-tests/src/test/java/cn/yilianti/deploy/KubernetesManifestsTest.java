package cn.yilianti.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.events.Topics;
import cn.yilianti.local.ServiceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * Both Kustomize overlays rendered by {@code kubectl kustomize} (what {@code kubectl apply -k}
 * would apply), and their shape checked: probes, resources, budgets, autoscalers within the
 * partition count, configuration and secrets, and where Kafka and PostgreSQL come from.
 */
class KubernetesManifestsTest {

  private static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();
  private static final List<String> AUTOSCALED = List.of("referral-service", "indicator-service");

  @BeforeAll
  static void render(@TempDir Path dir) throws IOException {
    Path kubectl = Tools.require("kubectl", "a kubectl binary, e.g. Debian's kubernetes-client");
    // A copy, so the demo's git-ignored secrets.env can be made from its example as a user would.
    Path k8s = dir.resolve("k8s");
    FileSystemUtils.copyRecursively(Repo.path("deploy/k8s"), k8s);
    Path demo = k8s.resolve("overlays/demo");
    Files.copy(demo.resolve("secrets.env.example"), demo.resolve("secrets.env"));
    for (String overlay : List.of("demo", "production")) {
      Tools.Result result =
          Tools.run(k8s, kubectl, "kustomize", "overlays/" + overlay).assertSucceeded();
      RENDERED.put(overlay, Repo.yamlDocuments(result.output()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "production"})
  void everyServiceIsProbedOnItsActuatorGroups(String overlay) {
    for (ServiceKind kind : ServiceKind.values()) {
      JsonNode container = container(overlay, kind.module());
      assertThat(container.at("/readinessProbe/httpGet/path").asString())
          .isEqualTo("/actuator/health/readiness");
      assertThat(container.at("/livenessProbe/httpGet/path").asString())
          .isEqualTo("/actuator/health/liveness");
      assertThat(container.at("/startupProbe/httpGet/path").asString())
          .isEqualTo("/actuator/health/liveness");
      assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(kind.defaultPort());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "production"})
  void everyServiceRequestsAndLimitsItsResources(String overlay) {
    for (ServiceKind kind : ServiceKind.values()) {
      JsonNode resources = container(overlay, kind.module()).path("resources");
      for (String kindOf : List.of("requests", "limits")) {
        assertThat(resources.path(kindOf).path("cpu").asString())
            .as(kind + " " + kindOf)
            .isNotBlank();
        assertThat(resources.path(kindOf).path("memory").asString())
            .as(kind + " " + kindOf)
            .isNotBlank();
      }
      // The JVM sizes its heap from the limit: a request below it would invite an OOM kill.
      assertThat(resources.at("/requests/memory")).isEqualTo(resources.at("/limits/memory"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "production"})
  void everyServiceHasAServiceAndADisruptionBudget(String overlay) {
    for (ServiceKind kind : ServiceKind.values()) {
      assertThat(
              one(overlay, "Service", kind.module())
                  .at("/spec/selector/app.kubernetes.io~1name")
                  .asString())
          .isEqualTo(kind.module());
      JsonNode budget = one(overlay, "PodDisruptionBudget", kind.module());
      assertThat(budget.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asString())
          .isEqualTo(kind.module());
      assertThat(budget.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "production"})
  void autoscalersNeverRunMoreReplicasThanTheTopicsHavePartitions(String overlay) {
    List<JsonNode> autoscalers = all(overlay, "HorizontalPodAutoscaler");

    assertThat(autoscalers)
        .extracting(h -> h.at("/spec/scaleTargetRef/name").asString())
        .containsExactlyInAnyOrderElementsOf(AUTOSCALED);
    for (JsonNode hpa : autoscalers) {
      int min = hpa.at("/spec/minReplicas").asInt();
      int max = hpa.at("/spec/maxReplicas").asInt();
      assertThat(max).isLessThanOrEqualTo(Topics.DEFAULT_PARTITIONS).isGreaterThanOrEqualTo(min);
      assertThat(min).isPositive();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "production"})
  void configurationComesFromTheConfigMapAndPasswordsFromTheSecret(String overlay) {
    List<String> configMaps = names(overlay, "ConfigMap");
    for (ServiceKind kind : ServiceKind.values()) {
      JsonNode container = container(overlay, kind.module());
      assertThat(configMaps).contains(container.at("/envFrom/0/configMapRef/name").asString());
      Map<String, JsonNode> env = new HashMap<>();
      container.path("env").forEach(e -> env.put(e.path("name").asString(), e));
      assertThat(
              env.get("SPRING_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef/name").asString())
          .startsWith("platform-db");
      assertThat(env.get("SPRING_DATASOURCE_URL").path("value").asString())
          .endsWith("/" + kind.database() + "$(DATABASE_PARAMETERS)");
      env.values()
          .forEach(
              e ->
                  assertThat(e.path("name").asString().contains("PASSWORD") && e.has("value"))
                      .isFalse());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "production"})
  void containersRunAsNonRootFromPinnedImages(String overlay) {
    for (ServiceKind kind : ServiceKind.values()) {
      JsonNode pod = one(overlay, "Deployment", kind.module()).at("/spec/template/spec");
      JsonNode container = container(overlay, kind.module());
      assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
      assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
      assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
      assertThat(container.path("image").asString())
          .contains("/" + kind.module() + ":")
          .doesNotEndWith(":latest");
    }
  }

  @Test
  void theDemoRunsOnOneNodeWithItsOwnKafkaAndPostgres() {
    for (ServiceKind kind : ServiceKind.values()) {
      assertThat(one("demo", "Deployment", kind.module()).at("/spec/replicas").asInt())
          .isEqualTo(1);
    }
    assertThat(names("demo", "StatefulSet")).containsExactlyInAnyOrder("kafka", "postgres");
    assertThat(names("demo", "Secret")).singleElement().asString().startsWith("platform-db");
    assertThat(config("demo").path("SPRING_KAFKA_BOOTSTRAP_SERVERS").asString())
        .isEqualTo("kafka:9092");
    String topicsJob =
        one("demo", "Job", "kafka-topics")
            .at("/spec/template/spec/containers/0/command/2")
            .asString();
    assertThat(TopicLayout.createdBy(topicsJob)).isEqualTo(TopicLayout.expected());
    assertThat(TopicLayout.registryOptions(topicsJob)).contains("cleanup.policy=compact");
    String init =
        one("demo", "ConfigMap", "postgres-init").at("/data/10-init-databases.sh").asString();
    for (ServiceKind kind : ServiceKind.values()) {
      assertThat(init).contains("create " + kind.database() + " ");
    }
  }

  @Test
  void productionUsesExistingKafkaAndPostgresAndSpreadsReplicas() {
    assertThat(all("production", "StatefulSet")).isEmpty();
    assertThat(all("production", "Secret")).as("secrets come from outside git").isEmpty();
    JsonNode config = config("production");
    assertThat(config.path("SPRING_KAFKA_BOOTSTRAP_SERVERS").asString()).isNotEqualTo("kafka:9092");
    assertThat(config.path("PLATFORM_KAFKA_REPLICATION_FACTOR").asString()).isEqualTo("3");
    assertThat(config.path("DATABASE_PARAMETERS").asString()).contains("sslmode=");
    for (ServiceKind kind : ServiceKind.values()) {
      JsonNode deployment = one("production", "Deployment", kind.module());
      assertThat(deployment.at("/spec/replicas").asInt())
          .as(kind.module())
          .isGreaterThanOrEqualTo(2);
      assertThat(deployment.at("/spec/template/spec/topologySpreadConstraints")).isNotEmpty();
    }
    Map<String, Integer> partitions = new HashMap<>();
    for (JsonNode topic : all("production", "KafkaTopic")) {
      partitions.put(topic.at("/metadata/name").asString(), topic.at("/spec/partitions").asInt());
      assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(3);
    }
    assertThat(partitions).isEqualTo(TopicLayout.expected());
    assertThat(
            one("production", "KafkaTopic", Topics.HOSPITAL_REGISTRY)
                .at("/spec/config/cleanup.policy")
                .asString())
        .isEqualTo("compact");
    assertThat(one("production", "PodMonitor", "referral-platform").at("/spec/jobLabel").asString())
        .isEqualTo("app.kubernetes.io/name");
    assertThat(all("production", "Ingress")).hasSize(1);
  }

  @Test
  void monitoringManifestsCarryEveryAlertAndDashboard() {
    Tools.require("kubectl", "a kubectl binary, e.g. Debian's kubernetes-client");
    Tools.Result result =
        Tools.run(Repo.root(), Repo.path("deploy/k8s/monitoring-manifests"), "monitoring")
            .assertSucceeded();
    List<JsonNode> documents = Repo.yamlDocuments(result.output());

    JsonNode rule = documents.getFirst();
    assertThat(rule.path("kind").asString()).isEqualTo("PrometheusRule");
    List<String> alerts =
        rule.at("/spec/groups")
            .valueStream()
            .flatMap(g -> g.path("rules").valueStream())
            .map(r -> r.path("alert").asString())
            .toList();
    assertThat(alerts)
        .containsExactlyInAnyOrderElementsOf(
            AlertRules.all().stream().map(AlertRules.Rule::alert).toList());
    List<JsonNode> dashboards = documents.subList(1, documents.size());
    assertThat(dashboards).hasSize(Dashboards.files().size());
    for (JsonNode configMap : dashboards) {
      assertThat(configMap.at("/metadata/labels/grafana_dashboard").asString()).isEqualTo("1");
      assertThat(configMap.path("data").propertyNames())
          .singleElement()
          .asString()
          .endsWith(".json");
    }
  }

  private static JsonNode config(String overlay) {
    return all(overlay, "ConfigMap").stream()
        .filter(c -> c.at("/metadata/name").asString().startsWith("platform-config"))
        .findFirst()
        .orElseThrow()
        .path("data");
  }

  private static JsonNode container(String overlay, String deployment) {
    return one(overlay, "Deployment", deployment).at("/spec/template/spec/containers/0");
  }

  private static JsonNode one(String overlay, String kind, String name) {
    return all(overlay, kind).stream()
        .filter(r -> r.at("/metadata/name").asString().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " " + name));
  }

  private static List<String> names(String overlay, String kind) {
    return all(overlay, kind).stream().map(r -> r.at("/metadata/name").asString()).toList();
  }

  private static List<JsonNode> all(String overlay, String kind) {
    return RENDERED.get(overlay).stream()
        .filter(r -> r.path("kind").asString().equals(kind))
        .toList();
  }
}
