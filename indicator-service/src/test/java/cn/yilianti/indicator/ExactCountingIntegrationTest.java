package cn.yilianti.indicator;

import static cn.yilianti.indicator.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.PlatformEvent;
import cn.yilianti.events.Topics;
import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralRef;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.EventPublisher;
import cn.yilianti.test.RealInfrastructure;
import cn.yilianti.test.TestInfrastructure;
import cn.yilianti.test.TestTokens;
import cn.yilianti.test.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** Each event changes the counts once, however Kafka delivers it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class ExactCountingIntegrationTest {

  private static final String BINDING = "indicatorEvents-in-0";

  @LocalServerPort int port;
  @Autowired BindingsLifecycleController bindings;
  @Autowired Environment environment;

  private final String kafka = TestInfrastructure.get().kafkaBootstrapServers();
  private final EventPublisher publisher = new EventPublisher(kafka);

  @AfterEach
  void close() {
    publisher.close();
  }

  @Test
  void duplicateDeliveryOfAnEventCountsOnce() {
    String hospital = Fixtures.unique("DUP");
    CloudEvent<PlatformEvent> event =
        Fixtures.submitted(
            Fixtures.ref(
                hospital, "TWN-1", Direction.DOWN, Priority.ROUTINE, at(LocalDate.of(2024, 4, 1))));
    publisher.publish(event);
    publisher.publish(event);
    publishDown(hospital, 1);

    await().atMost(Duration.ofSeconds(30)).until(() -> submittedDown(hospital) == 2);
    String marker = Fixtures.unique("MRK");
    publishDown(marker, 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> submittedDown(marker) == 1);
    assertThat(submittedDown(hospital)).isEqualTo(2);
  }

  @Test
  void countsAnAcceptanceThatArrivesBeforeItsSubmission() {
    String hospital = Fixtures.unique("OOO");
    ReferralRef ref =
        Fixtures.ref(
            hospital, "CQMU-2", Direction.UP, Priority.URGENT, at(LocalDate.of(2024, 2, 1)));
    publisher.publish(Fixtures.accepted(ref, Duration.ofHours(2)));
    publisher.publish(Fixtures.submitted(ref));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              var json = get("/api/v1/indicators/hospitals/" + hospital + "?period=2024");
              assertThat(json.at("/upward/ACCEPTED").asLong()).isEqualTo(1);
              assertThat(json.at("/upward/SUBMITTED").asLong()).isEqualTo(1);
              assertThat(json.at("/timeToAccept/medianSeconds").asDouble()).isEqualTo(7200.0);
            });
  }

  @Test
  void poisonBetweenGoodEventsGoesToTheDeadLetterTopicAndTheGoodOnesAreCounted() {
    String hospital = Fixtures.unique("PSN");
    ReferralRef ref =
        Fixtures.ref(
            hospital, "CQMU-2", Direction.UP, Priority.URGENT, at(LocalDate.of(2024, 3, 1)));
    String key = ref.referralId().toString();
    byte[] unknownType =
        """
        {"specversion":"1.0","id":"%s","type":"cn.yilianti.referral.teleported.v1",
         "source":"/x","time":"2024-03-01T04:00:00Z","data":{}}"""
            .formatted(java.util.UUID.randomUUID())
            .getBytes(StandardCharsets.UTF_8);
    byte[] futureVersion =
        new String(
                cn.yilianti.events.EventCodec.encode(Fixtures.submitted(ref)),
                StandardCharsets.UTF_8)
            .replace("submitted.v1", "submitted.v9")
            .getBytes(StandardCharsets.UTF_8);

    publisher.publish(Fixtures.submitted(ref));
    publisher.publishRaw(Topics.REFERRAL_UP, key, unknownType);
    publisher.publish(Fixtures.accepted(ref, Duration.ofMinutes(5)));
    publisher.publishRaw(Topics.REFERRAL_UP, key, "{not json".getBytes(StandardCharsets.UTF_8));
    publisher.publishRaw(Topics.REFERRAL_UP, key, futureVersion);
    publisher.publish(
        Fixtures.rejected(
            Fixtures.ref(hospital, "CQMU-2", Direction.UP, Priority.URGENT, ref.submittedAt()),
            "NO_BED",
            Duration.ofMinutes(1)));

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              var json = get("/api/v1/indicators/hospitals/" + hospital + "?period=2024");
              assertThat(json.at("/upward/SUBMITTED").asLong()).isEqualTo(1);
              assertThat(json.at("/upward/ACCEPTED").asLong()).isEqualTo(1);
              assertThat(json.at("/upward/REJECTED").asLong()).isEqualTo(1);
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        TopicRecords.readAll(
                                kafka, Topics.deadLetter(Topics.REFERRAL_UP, "indicator-service"))
                            .stream()
                            .filter(r -> key.equals(r.key())))
                    .hasSize(3));
  }

  @Test
  void consumerRestartedMidStreamAndRewoundToTheStartCountsEveryEventOnce() {
    String hospital = Fixtures.unique("RST");
    int events = 3000;
    publishDown(hospital, events);
    await().atMost(Duration.ofSeconds(60)).until(() -> submittedDown(hospital) > 0);

    bindings.changeState(BINDING, BindingsLifecycleController.State.STOPPED);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(this::rewindGroupToEarliest);
    bindings.changeState(BINDING, BindingsLifecycleController.State.STARTED);

    await()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(() -> assertThat(submittedDown(hospital)).isEqualTo(events));
    String marker = Fixtures.unique("MRK");
    publishDown(marker, 1);
    await().atMost(Duration.ofSeconds(60)).until(() -> submittedDown(marker) == 1);
    assertThat(submittedDown(hospital)).isEqualTo(events);
  }

  @Test
  void rebalanceBetweenTwoInstancesCountsEveryEventOnce() {
    String hospital = Fixtures.unique("RBL");
    publishDown(hospital, 1000);
    try (ConfigurableApplicationContext second = secondInstance()) {
      publishDown(hospital, 1000);
      await()
          .atMost(Duration.ofSeconds(120))
          .untilAsserted(() -> assertThat(submittedDown(hospital)).isEqualTo(2000));
      publishDown(hospital, 500);
    }
    publishDown(hospital, 500);
    await()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(() -> assertThat(submittedDown(hospital)).isEqualTo(3000));
  }

  private ConfigurableApplicationContext secondInstance() {
    Map<String, Object> props = new HashMap<>();
    for (String name :
        new String[] {
          "spring.datasource.url",
          "spring.datasource.username",
          "spring.datasource.password",
          "spring.kafka.bootstrap-servers"
        }) {
      props.put(name, environment.getProperty(name, ""));
    }
    props.put("server.port", "0");
    props.put("spring.datasource.hikari.maximum-pool-size", "3");
    // Command-line arguments: they outrank application.yml, default properties do not.
    return new SpringApplicationBuilder(IndicatorServiceApplication.class)
        .run(
            props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
  }

  private void rewindGroupToEarliest() throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
      Map<TopicPartition, OffsetAndMetadata> earliest =
          admin.describeTopics(Topics.CASE_TOPICS).allTopicNames().get().values().stream()
              .flatMap(
                  d ->
                      d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
              .collect(Collectors.toMap(tp -> tp, tp -> new OffsetAndMetadata(0)));
      admin.alterConsumerGroupOffsets("indicator-service", earliest).all().get();
    }
  }

  private void publishDown(String hospital, int count) {
    for (int i = 0; i < count; i++) {
      CloudEvent<PlatformEvent> e =
          Fixtures.submitted(
              Fixtures.ref(
                  hospital,
                  "TWN-1",
                  Direction.DOWN,
                  Priority.ROUTINE,
                  at(LocalDate.of(2024, 1, 1).plusDays(i % 300))));
      publisher.publish(e);
    }
  }

  private long submittedDown(String hospital) {
    ApiClient.Response response =
        api().get("/api/v1/indicators/hospitals/" + hospital + "?period=2024");
    return response.status() == 200 ? response.json().at("/downward/SUBMITTED").asLong() : 0;
  }

  private tools.jackson.databind.JsonNode get(String path) {
    ApiClient.Response response = api().get(path);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private ApiClient api() {
    return ApiClient.localhost(port)
        .withHeader("Authorization", TestTokens.bearer(TestTokens.ops()));
  }
}
