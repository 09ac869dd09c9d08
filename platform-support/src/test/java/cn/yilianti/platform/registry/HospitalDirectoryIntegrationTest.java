package cn.yilianti.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.Topics;
import cn.yilianti.events.fixtures.SampleEvents;
import cn.yilianti.events.registry.HospitalStateChanged;
import cn.yilianti.events.registry.HospitalStatus;
import cn.yilianti.test.EventPublisher;
import cn.yilianti.test.RealInfrastructure;
import cn.yilianti.test.TestInfrastructure;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
@RealInfrastructure
class HospitalDirectoryIntegrationTest {

  @Autowired KafkaHospitalDirectory directory;
  @Autowired DirectorySnapshot snapshot;
  @Autowired JdbcClient jdbc;

  private final String kafka = TestInfrastructure.get().kafkaBootstrapServers();
  private final EventPublisher publisher = new EventPublisher(kafka);

  @AfterEach
  void close() {
    publisher.close();
  }

  @Test
  void followsTheTopicKeepingTheNewestRevisionAndDroppingTombstones() {
    String code = uniqueCode();
    publish(hospital(code, 2, HospitalStatus.ACTIVE));
    publish(hospital(code, 1, HospitalStatus.SUSPENDED));
    String other = uniqueCode();
    publish(hospital(other, 1, HospitalStatus.ACTIVE));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(directory.find(other)).isPresent());
    assertThat(directory.find(code)).get().extracting(HospitalStateChanged::revision).isEqualTo(2L);
    assertThat(directory.find(code).get().status()).isEqualTo(HospitalStatus.ACTIVE);

    publish(hospital(code, 3, HospitalStatus.SUSPENDED));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(directory.find(code).get().status())
                    .isEqualTo(HospitalStatus.SUSPENDED));

    publisher.publishRaw(Topics.HOSPITAL_REGISTRY, code, null);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(directory.find(code)).isEmpty());
    assertThat(snapshotted(code)).isZero();
    assertThat(snapshotted(other)).isOne();
    assertThat(directory.isReady()).isTrue();
  }

  @Test
  void aRestartedDirectoryWithoutSnapshotRebuildsItselfFromTheTopic() {
    String code = uniqueCode();
    publish(hospital(code, 4, HospitalStatus.ACTIVE));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(directory.find(code)).isPresent());

    KafkaHospitalDirectory restarted =
        new KafkaHospitalDirectory(consumerConfig(kafka), new EmptySnapshot(jdbc));
    restarted.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(restarted::isReady);
      assertThat(restarted.find(code))
          .get()
          .extracting(HospitalStateChanged::revision)
          .isEqualTo(4L);
      assertThat(restarted.all()).hasSameSizeAs(directory.all());
    } finally {
      restarted.stop();
    }
  }

  @Test
  void startsFromTheLocalSnapshotWhileKafkaIsUnreachable() {
    String code = uniqueCode();
    publish(hospital(code, 1, HospitalStatus.ACTIVE));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(snapshotted(code)).isOne());

    KafkaHospitalDirectory offline =
        new KafkaHospitalDirectory(
            consumerConfig("127.0.0.1:" + TestInfrastructure.freePort()), snapshot);
    offline.start();
    try {
      assertThat(offline.isReady()).isTrue();
      assertThat(offline.find(code)).isPresent();
    } finally {
      offline.stop();
    }
  }

  private void publish(HospitalStateChanged hospital) {
    publisher.publish(CloudEvent.of(SampleEvents.SOURCE, hospital, SampleEvents.T0));
  }

  private int snapshotted(String code) {
    return jdbc.sql("select count(*) from hospital_directory where code = :code")
        .param("code", code)
        .query(Integer.class)
        .single();
  }

  private static Map<String, Object> consumerConfig(String bootstrap) {
    return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
  }

  private static String uniqueCode() {
    return "H" + UUID.randomUUID().toString().substring(0, 8);
  }

  static HospitalStateChanged hospital(String code, long revision, HospitalStatus status) {
    HospitalStateChanged sample = SampleEvents.hospital(true);
    return new HospitalStateChanged(
        code,
        sample.nameZh(),
        sample.nameEn(),
        sample.level(),
        sample.kind(),
        sample.region(),
        sample.parentCode(),
        sample.memberships(),
        sample.agreementHospitals(),
        sample.departments(),
        sample.capabilities(),
        sample.bedCapacity(),
        sample.coordinators(),
        sample.endpoints(),
        status,
        revision);
  }

  /** A snapshot that starts empty and keeps nothing: the directory must rebuild from the topic. */
  private static final class EmptySnapshot extends DirectorySnapshot {
    EmptySnapshot(JdbcClient jdbc) {
      super(jdbc);
    }

    @Override
    java.util.List<HospitalStateChanged> load() {
      return java.util.List.of();
    }

    @Override
    void save(HospitalStateChanged hospital, byte[] event) {}

    @Override
    void remove(String code) {}
  }
}
