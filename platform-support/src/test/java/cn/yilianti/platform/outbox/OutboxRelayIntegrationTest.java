package cn.yilianti.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.Topics;
import cn.yilianti.events.fixtures.SampleEvents;
import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.ReferralRef;
import cn.yilianti.events.referral.ReferralSubmitted;
import cn.yilianti.test.RealInfrastructure;
import cn.yilianti.test.TestInfrastructure;
import cn.yilianti.test.TopicRecords;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Two relays on one database (two replicas of a service): each event once, each key in order. */
@SpringBootTest
@RealInfrastructure
class OutboxRelayIntegrationTest {

  @Autowired OutboxWriter writer;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired ProducerFactory<String, byte[]> outboxProducerFactory;
  @Autowired KafkaAdmin admin;
  @Autowired OutboxProperties properties;
  @Autowired MeterRegistry meters;

  @Test
  void twoReplicasPublishEveryEventExactlyOnceAndKeepEachKeysOrder() {
    SimpleMeterRegistry secondReplicaMeters = new SimpleMeterRegistry();
    double firstBefore = published(meters);
    OutboxRelay secondReplica =
        new OutboxRelay(
            jdbc,
            new TransactionTemplate(transactions),
            new KafkaTemplate<>(outboxProducerFactory),
            admin,
            properties,
            new OutboxMetrics(jdbc, secondReplicaMeters));
    secondReplica.start();
    Map<String, List<UUID>> written = new HashMap<>();
    try {
      TransactionTemplate tx = new TransactionTemplate(transactions);
      for (int round = 0; round < 40; round++) {
        tx.executeWithoutResult(
            status -> {
              for (int k = 0; k < 25; k++) {
                String key = keys().get(k);
                CloudEvent<ReferralSubmitted> event = event(key);
                writer.append(event);
                written.computeIfAbsent(key, x -> new ArrayList<>()).add(event.id());
              }
            });
        secondReplica.wakeUp();
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(
                          jdbc.sql("select count(*) from outbox_event where published_at is null")
                              .query(Integer.class)
                              .single())
                      .isZero());
    } finally {
      secondReplica.stop();
    }

    Map<String, List<UUID>> published =
        TopicRecords.events(TestInfrastructure.get().kafkaBootstrapServers(), Topics.REFERRAL_UP)
            .stream()
            .filter(e -> written.containsKey(e.subject()))
            .collect(
                Collectors.groupingBy(
                    CloudEvent::subject, Collectors.mapping(CloudEvent::id, Collectors.toList())));
    assertThat(published).isEqualTo(written);
    assertThat(published(meters) - firstBefore).as("published by the first replica").isPositive();
    assertThat(published(secondReplicaMeters)).as("published by the second replica").isPositive();
  }

  private static double published(MeterRegistry registry) {
    return registry.find("outbox.published").counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private final List<String> keys = new ArrayList<>();

  private List<String> keys() {
    while (keys.size() < 25) {
      keys.add(UUID.randomUUID().toString());
    }
    return keys;
  }

  private static CloudEvent<ReferralSubmitted> event(String key) {
    ReferralRef sample = SampleEvents.referral(Direction.UP, false);
    ReferralRef ref =
        new ReferralRef(
            UUID.fromString(key),
            sample.referralNumber(),
            Direction.UP,
            sample.priority(),
            sample.fromHospital(),
            null,
            sample.toHospital(),
            null,
            sample.submittedAt(),
            sample.answerDeadline());
    return CloudEvent.of(
        SampleEvents.SOURCE,
        new ReferralSubmitted(ref, "I21.4", "pk-1", null, null),
        SampleEvents.T0);
  }
}
