package cn.yilianti.registry.hospital;

import static cn.yilianti.registry.RegistryFixtures.alliance;
import static cn.yilianti.registry.RegistryFixtures.hospital;
import static cn.yilianti.registry.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.CloudEventHeaders;
import cn.yilianti.events.EventCodec;
import cn.yilianti.events.Topics;
import cn.yilianti.events.registry.HospitalStateChanged;
import cn.yilianti.events.registry.HospitalStatus;
import cn.yilianti.registry.TestIdentities;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.RealInfrastructure;
import cn.yilianti.test.TestInfrastructure;
import cn.yilianti.test.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Every change is on the compacted topic, keyed by code, with the full state; a consumer that
 * starts from nothing rebuilds the registry's current state from the topic alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(trustTestTokens = false)
class HospitalEventsIntegrationTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired HospitalMapper mapper;
  @Autowired HospitalRepository repository;

  private final String kafka = TestInfrastructure.get().kafkaBootstrapServers();
  private ApiClient manager;
  private String alliance;

  @BeforeEach
  void allianceAndManager() {
    TestIdentities identities = new TestIdentities(context, port);
    alliance = unique("ALLIANCE");
    identities.api(identities.managerToken()).post("/api/v1/alliances", alliance(alliance));
    manager = identities.api(identities.managerToken(alliance));
  }

  @Test
  void everyChangePublishesTheFullStateAtTheNextRevision() {
    String code = unique("H");
    manager.post("/api/v1/hospitals", hospital(code, "TERTIARY_A", null, alliance));
    Map<String, Object> body = hospital(code, "TERTIARY_A", null, alliance);
    body.put("bedCapacity", 1500);
    manager.put("/api/v1/hospitals/" + code, body, "If-Match", "\"1\"");
    manager.post("/api/v1/hospitals/" + code + "/suspend", "", "If-Match", "\"2\"");

    List<ConsumerRecord<String, byte[]>> records =
        await().atMost(Duration.ofSeconds(30)).until(() -> recordsOf(code), r -> r.size() == 3);

    List<HospitalStateChanged> states =
        records.stream()
            .map(r -> EventCodec.decode(r.value(), HospitalStateChanged.class).data())
            .toList();
    assertThat(states).extracting(HospitalStateChanged::revision).containsExactly(1L, 2L, 3L);
    assertThat(states.get(1).bedCapacity()).isEqualTo(1500);
    assertThat(states.get(2).status()).isEqualTo(HospitalStatus.SUSPENDED);
    assertThat(states.get(2)).isEqualTo(mapper.toEvent(repository.find(code).orElseThrow()));
    assertThat(
            new String(
                records.getFirst().headers().lastHeader(CloudEventHeaders.TYPE).value(),
                StandardCharsets.UTF_8))
        .isEqualTo("cn.yilianti.registry.hospital-state-changed.v1");
  }

  @Test
  void removalPublishesATombstone() {
    String code = unique("H");
    manager.post("/api/v1/hospitals", hospital(code, "TERTIARY_A", null, alliance));
    manager.delete("/api/v1/hospitals/" + code, "If-Match", "\"1\"");

    List<ConsumerRecord<String, byte[]>> records =
        await().atMost(Duration.ofSeconds(30)).until(() -> recordsOf(code), r -> r.size() == 2);

    assertThat(records.get(0).value()).isNotNull();
    assertThat(records.get(1).value()).isNull();
  }

  @Test
  void aConsumerStartingFromNothingRebuildsTheCurrentStateFromTheTopic() {
    String core = unique("CORE");
    String county = unique("COUNTY");
    String gone = unique("GONE");
    manager.post("/api/v1/hospitals", hospital(core, "TERTIARY_A", null, alliance));
    manager.post("/api/v1/hospitals", hospital(county, "SECONDARY_A", core, alliance));
    manager.post("/api/v1/hospitals", hospital(gone, "SECONDARY_A", core, alliance));
    Map<String, Object> renamed = hospital(county, "SECONDARY_A", core, alliance);
    renamed.put("nameEn", "Renamed county hospital");
    manager.put("/api/v1/hospitals/" + county, renamed, "If-Match", "\"1\"");
    manager.delete("/api/v1/hospitals/" + gone, "If-Match", "\"1\"");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Map<String, HospitalStateChanged> rebuilt = rebuild();
              assertThat(rebuilt).doesNotContainKey(gone);
              assertThat(rebuilt.get(core))
                  .isEqualTo(mapper.toEvent(repository.find(core).orElseThrow()));
              assertThat(rebuilt.get(county))
                  .isEqualTo(mapper.toEvent(repository.find(county).orElseThrow()));
              assertThat(rebuilt.get(county).nameEn()).isEqualTo("Renamed county hospital");
            });
  }

  /** What a read model holds after reading the topic from its start: the newest state per key. */
  private Map<String, HospitalStateChanged> rebuild() {
    Map<String, HospitalStateChanged> state = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record :
        TopicRecords.readAll(kafka, Topics.HOSPITAL_REGISTRY)) {
      if (record.value() == null) {
        state.remove(record.key());
        continue;
      }
      CloudEvent<HospitalStateChanged> event =
          EventCodec.decode(record.value(), HospitalStateChanged.class);
      state.merge(
          record.key(), event.data(), (old, now) -> now.revision() > old.revision() ? now : old);
    }
    return state;
  }

  private List<ConsumerRecord<String, byte[]>> recordsOf(String code) {
    return TopicRecords.readAll(kafka, Topics.HOSPITAL_REGISTRY).stream()
        .filter(r -> code.equals(r.key()))
        .toList();
  }
}
