package cn.yilianti.registry.hospital;

import static cn.yilianti.registry.RegistryFixtures.alliance;
import static cn.yilianti.registry.RegistryFixtures.hospital;
import static cn.yilianti.registry.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.registry.HospitalStateChanged;
import cn.yilianti.events.registry.HospitalStatus;
import cn.yilianti.platform.registry.DirectorySnapshot;
import cn.yilianti.platform.registry.KafkaHospitalDirectory;
import cn.yilianti.platform.registry.RoutingRules;
import cn.yilianti.registry.TestIdentities;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.RealInfrastructure;
import cn.yilianti.test.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The other services' read model (the platform's {@link KafkaHospitalDirectory}) reads what the
 * registry publishes: it follows changes and removals, a restarted one rebuilds from the topic
 * alone, and routing over it agrees with the registry's own routing endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(trustTestTokens = false)
class HospitalDirectoryContractTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired HospitalRepository repository;
  @Autowired HospitalMapper mapper;

  private final List<KafkaHospitalDirectory> directories = new ArrayList<>();

  @AfterEach
  void stopDirectories() {
    directories.forEach(KafkaHospitalDirectory::stop);
  }

  @Test
  void aDirectoryFollowsTheRegistryAndARestartedOneRebuildsFromTheTopic() {
    TestIdentities identities = new TestIdentities(context, port);
    String alliance = unique("A");
    identities.api(identities.managerToken()).post("/api/v1/alliances", alliance(alliance));
    ApiClient manager = identities.api(identities.managerToken(alliance));
    String core = unique("CORE");
    String county = unique("COUNTY");
    String gone = unique("GONE");
    manager.post("/api/v1/hospitals", hospital(core, "TERTIARY_A", null, alliance));
    manager.post("/api/v1/hospitals", hospital(county, "SECONDARY_A", core, alliance));
    manager.post("/api/v1/hospitals", hospital(gone, "SECONDARY_A", core, alliance));
    KafkaHospitalDirectory directory = start();

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(directory.find(gone)).isPresent());
    manager.post("/api/v1/hospitals/" + county + "/suspend", "", "If-Match", "*");
    manager.delete("/api/v1/hospitals/" + gone, "If-Match", "*");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(directory.find(gone)).isEmpty();
              assertThat(directory.find(county).map(HospitalStateChanged::status))
                  .contains(HospitalStatus.SUSPENDED);
            });
    assertThat(directory.find(core)).contains(stored(core));

    directory.stop();
    jdbc.sql("delete from hospital_directory").update();
    KafkaHospitalDirectory restarted = start();

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(restarted.isReady()).isTrue();
              assertThat(restarted.find(core)).contains(stored(core));
              assertThat(restarted.find(county)).contains(stored(county));
              assertThat(restarted.find(gone)).isEmpty();
            });
    manager.post("/api/v1/hospitals/" + county + "/reactivate", "", "If-Match", "*");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(restarted.find(county)).contains(stored(county)));
    assertThat(codes(RoutingRules.of(restarted.all()).downwardTargets(core)))
        .containsExactlyElementsOf(
            manager
                .get("/api/v1/routing/" + core)
                .json()
                .get("downward")
                .findValuesAsString("code"))
        .containsExactly(county);
  }

  private KafkaHospitalDirectory start() {
    KafkaHospitalDirectory directory =
        new KafkaHospitalDirectory(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()),
            new DirectorySnapshot(jdbc));
    directory.start();
    directories.add(directory);
    return directory;
  }

  private HospitalStateChanged stored(String code) {
    return mapper.toEvent(repository.find(code).orElseThrow());
  }

  private static List<String> codes(List<HospitalStateChanged> hospitals) {
    return hospitals.stream().map(HospitalStateChanged::code).toList();
  }
}
