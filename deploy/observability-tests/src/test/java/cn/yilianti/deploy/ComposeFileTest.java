package cn.yilianti.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.local.ServiceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * deploy/compose validated by Compose itself ({@code docker compose config} or Debian's {@code
 * docker-compose config}, neither needs an engine), then its rendered form checked.
 */
class ComposeFileTest {

  private static final Path COMPOSE_DIR = Repo.path("deploy/compose");
  private static final List<String> INFRASTRUCTURE =
      List.of("postgres", "kafka", "kafka-init", "prometheus", "alertmanager", "grafana");

  private static List<Object> compose;
  private static JsonNode services;
  private static Map<String, String> exampleEnv;

  @BeforeAll
  static void render(@TempDir Path dir) throws Exception {
    compose = composeCommand();
    Path env = Files.copy(COMPOSE_DIR.resolve(".env.example"), dir.resolve("example.env"));
    exampleEnv = readEnv(env);
    Tools.Result result = run(env, "config").assertSucceeded();
    services = Repo.yamlDocuments(result.output()).getFirst().path("services");
  }

  @Test
  void runsTheWholePlatform() {
    List<String> expected = new ArrayList<>(INFRASTRUCTURE);
    for (ServiceKind kind : ServiceKind.values()) {
      expected.add(kind.module());
    }
    assertThat(services.propertyNames()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void refusesToRenderWithoutTheSecrets(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.env"), "");

    Tools.Result result = run(empty, "config");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).containsPattern("set [A-Z_]+ in deploy/compose/.env");
  }

  @Test
  void keepsTheSecretsFileOutOfGit() {
    Tools.Result ignored =
        Tools.run(Repo.root(), "git", "check-ignore", "-q", "deploy/compose/.env");
    Tools.Result tracked = Tools.run(Repo.root(), "git", "ls-files", "deploy/compose/.env");

    assertThat(ignored.exitCode()).as("deploy/compose/.env is git-ignored").isZero();
    assertThat(tracked.output()).isBlank();
  }

  @Test
  void pinsEveryImageTag() {
    for (String name : services.propertyNames()) {
      String image = services.path(name).path("image").asString();
      assertThat(image).as(name).matches(".+:[^:/]*[0-9][^:/]*").doesNotEndWith(":latest");
    }
  }

  @Test
  void limitsMemoryAndChecksHealthOfEveryLongRunningContainer() {
    for (String name : services.propertyNames()) {
      JsonNode service = services.path(name);
      assertThat(service.path("mem_limit").asString()).as(name).isNotBlank();
      if (!name.equals("kafka-init")) {
        assertThat(service.path("healthcheck").path("test")).as(name).isNotEmpty();
      }
    }
  }

  @Test
  void startsEachServiceOnlyOnHealthyDependencies() {
    for (ServiceKind kind : ServiceKind.values()) {
      JsonNode dependsOn = services.path(kind.module()).path("depends_on");
      assertThat(condition(dependsOn, "postgres")).as(kind.module()).isEqualTo("service_healthy");
      assertThat(condition(dependsOn, "kafka-init"))
          .as(kind.module())
          .isEqualTo("service_completed_successfully");
    }
    assertThat(condition(services.path("kafka-init").path("depends_on"), "kafka"))
        .isEqualTo("service_healthy");
    assertThat(condition(services.path("grafana").path("depends_on"), "prometheus"))
        .isEqualTo("service_healthy");
  }

  @Test
  void givesEveryServiceItsOwnDatabaseAndRole() {
    String init = Repo.read("deploy/compose/postgres/init-databases.sh");
    for (ServiceKind kind : ServiceKind.values()) {
      JsonNode env = services.path(kind.module()).path("environment");
      assertThat(env.path("SPRING_DATASOURCE_URL").asString())
          .isEqualTo("jdbc:postgresql://postgres:5432/" + kind.database());
      assertThat(env.path("SPRING_DATASOURCE_USERNAME").asString()).isEqualTo(kind.database());
      assertThat(init).contains("create " + kind.database() + " ");
    }
  }

  @Test
  void grafanaHasNoAnonymousAccessAndItsAdminPasswordComesFromTheEnvFile() {
    JsonNode env = services.path("grafana").path("environment");

    assertThat(env.path("GF_AUTH_ANONYMOUS_ENABLED").asString()).isEqualTo("false");
    assertThat(env.path("GF_SECURITY_ADMIN_PASSWORD").asString())
        .isEqualTo(exampleEnv.get("GRAFANA_ADMIN_PASSWORD"));
    assertThat(Repo.read("deploy/compose/docker-compose.yml"))
        .contains("GF_SECURITY_ADMIN_PASSWORD: ${GRAFANA_ADMIN_PASSWORD:?");
  }

  @Test
  void createsEveryTopicWithItsPartitionCountAndTheRegistryTopicCompacted() {
    String script = Repo.read("deploy/compose/kafka/create-topics.sh");

    assertThat(TopicLayout.createdBy(script)).isEqualTo(TopicLayout.expected());
    assertThat(TopicLayout.registryOptions(script)).contains("cleanup.policy=compact");
    assertThat(
            services
                .path("kafka")
                .path("environment")
                .path("KAFKA_AUTO_CREATE_TOPICS_ENABLE")
                .asString())
        .isEqualTo("false");
  }

  private static String condition(JsonNode dependsOn, String dependency) {
    return dependsOn.path(dependency).path("condition").asString();
  }

  private static Tools.Result run(Path envFile, String... args) {
    List<Object> command = new ArrayList<>(compose);
    command.addAll(List.of("--env-file", envFile, "-f", COMPOSE_DIR.resolve("docker-compose.yml")));
    command.addAll(List.of((Object[]) args));
    return Tools.run(COMPOSE_DIR, Map.of(), command.toArray());
  }

  /** {@code docker compose} (v2 plugin) where it exists, else Debian's {@code docker-compose}. */
  private static List<Object> composeCommand() {
    Optional<Path> docker = Tools.find("docker");
    if (docker.isPresent()
        && Tools.run(Repo.root(), docker.get(), "compose", "version").exitCode() == 0) {
      return List.of(docker.get(), "compose");
    }
    return List.of(Tools.require("docker-compose", "Debian: apt-get install docker-compose"));
  }

  private static Map<String, String> readEnv(Path file) {
    Map<String, String> env = new java.util.HashMap<>();
    for (String line : Repo.read(file).lines().toList()) {
      int eq = line.indexOf('=');
      if (!line.startsWith("#") && eq > 0) {
        env.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return env;
  }
}
