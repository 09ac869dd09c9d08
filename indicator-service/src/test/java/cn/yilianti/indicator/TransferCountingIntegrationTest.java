package cn.yilianti.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.Topics;
import cn.yilianti.events.fixtures.SampleEvents;
import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralAccepted;
import cn.yilianti.events.referral.ReferralRef;
import cn.yilianti.events.referral.ReferralSubmitted;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.EventPublisher;
import cn.yilianti.test.RealInfrastructure;
import cn.yilianti.test.TestInfrastructure;
import cn.yilianti.test.TestTokens;
import cn.yilianti.test.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class TransferCountingIntegrationTest {

  @LocalServerPort int port;

  private final String kafka = TestInfrastructure.get().kafkaBootstrapServers();
  private final EventPublisher publisher = new EventPublisher(kafka);

  @AfterEach
  void close() {
    publisher.close();
  }

  @Test
  void countsEachStageOfTheSendingHospitalOnce() {
    String hospital = uniqueHospital();
    ReferralRef ref = ref(hospital, Direction.UP);
    publisher.publish(submitted(ref));
    publisher.publish(
        SampleEvents.envelope(new ReferralAccepted(ref, Instant.now(), "CARDIOLOGY", null, null)));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              var json = api().get("/api/v1/indicators/hospitals/" + hospital).json();
              assertThat(json.at("/upward/SUBMITTED").asLong()).isEqualTo(1);
              assertThat(json.at("/upward/ACCEPTED").asLong()).isEqualTo(1);
            });
  }

  @Test
  void redeliveredEventIsCountedOnce() {
    String hospital = uniqueHospital();
    CloudEvent<ReferralSubmitted> event = submitted(ref(hospital, Direction.DOWN));
    CloudEvent<ReferralSubmitted> second = submitted(ref(hospital, Direction.DOWN));

    publisher.publish(event);
    publisher.publish(event);
    publisher.publish(second);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        api()
                            .get("/api/v1/indicators/hospitals/" + hospital)
                            .json()
                            .at("/downward/SUBMITTED")
                            .asLong())
                    .isEqualTo(2));
    assertThat(
            api()
                .get("/api/v1/indicators/hospitals/" + hospital)
                .json()
                .at("/downward/SUBMITTED")
                .asLong())
        .isEqualTo(2);
  }

  @Test
  void poisonEventGoesToTheDeadLetterTopicAndThePartitionKeepsFlowing() {
    String hospital = uniqueHospital();
    ReferralRef ref = ref(hospital, Direction.UP);
    String key = ref.referralId().toString();

    publisher.publishRaw(Topics.REFERRAL_UP, key, "{not json".getBytes(StandardCharsets.UTF_8));
    publisher.publish(submitted(ref));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        api()
                            .get("/api/v1/indicators/hospitals/" + hospital)
                            .json()
                            .at("/upward/SUBMITTED")
                            .asLong())
                    .isEqualTo(1));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        TopicRecords.readAll(
                                kafka, Topics.deadLetter(Topics.REFERRAL_UP, "indicator-service"))
                            .stream()
                            .filter(r -> key.equals(r.key())))
                    .hasSize(1));
  }

  private ApiClient api() {
    return ApiClient.localhost(port)
        .withHeader("Authorization", TestTokens.bearer(TestTokens.ops()));
  }

  private static String uniqueHospital() {
    return "H-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static ReferralRef ref(String from, Direction direction) {
    Instant now = Instant.now();
    return new ReferralRef(
        UUID.randomUUID(),
        "R-TEST",
        direction,
        Priority.URGENT,
        from,
        null,
        "CQMU-2",
        null,
        now,
        now.plus(Duration.ofHours(24)));
  }

  private static CloudEvent<ReferralSubmitted> submitted(ReferralRef ref) {
    return CloudEvent.of(
        SampleEvents.SOURCE,
        new ReferralSubmitted(ref, "I21.4", "pk-1", null, null),
        Instant.now());
  }
}
