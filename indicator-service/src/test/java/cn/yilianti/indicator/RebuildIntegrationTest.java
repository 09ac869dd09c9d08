package cn.yilianti.indicator;

import static cn.yilianti.indicator.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralRef;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.EventPublisher;
import cn.yilianti.test.RealInfrastructure;
import cn.yilianti.test.TestInfrastructure;
import cn.yilianti.test.TestTokens;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A rebuild from the topics gives the live projection's figures, and swaps without a gap. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class RebuildIntegrationTest {

  private static final List<String> FIGURES =
      List.of(
          "/upward",
          "/downward",
          "/received",
          "/rejectionReasons",
          "/timeToAccept",
          "/greenChannel",
          "/consultations",
          "/acceptanceRate");

  @LocalServerPort int port;

  @Test
  void rebuildFromTheTopicsEqualsTheLiveProjection() {
    String kafka = TestInfrastructure.get().kafkaBootstrapServers();
    String hospital = Fixtures.unique("RBD");
    String during = Fixtures.unique("DUR");
    try (EventPublisher publisher = new EventPublisher(kafka)) {
      for (int i = 0; i < 20; i++) {
        ReferralRef ref =
            Fixtures.ref(
                hospital,
                "CQMU-2",
                i % 2 == 0 ? Direction.UP : Direction.DOWN,
                i % 3 == 0 ? Priority.GREEN_CHANNEL : Priority.URGENT,
                at(LocalDate.of(2025, 1, 1).plusDays(i * 7)));
        publisher.publish(Fixtures.submitted(ref));
        publisher.publish(
            i % 4 == 0
                ? Fixtures.rejected(ref, "NO_BED", Duration.ofMinutes(20))
                : Fixtures.accepted(ref, Duration.ofMinutes(5L * i)));
        publisher.publish(
            Fixtures.consultation(hospital, "CQMU-2", ConsultationType.IMAGING, ref.submittedAt()));
      }
    }
    String path = "/api/v1/indicators/hospitals/" + hospital + "?period=2025";
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode r = ops().get(path).json();
              assertThat(r.at("/upward/SUBMITTED").asLong() + r.at("/downward/SUBMITTED").asLong())
                  .isEqualTo(20);
              assertThat(r.at("/timeToAccept/count").asLong()).isEqualTo(15);
              assertThat(r.at("/consultations/IMAGING/REQUESTED").asLong()).isEqualTo(20);
            });
    JsonNode live = ops().get(path).json();

    assertThat(api(TestTokens.manager("ANY")).post("/api/v1/indicators/rebuild", "").status())
        .isEqualTo(403);
    ApiClient.Response started = ops().post("/api/v1/indicators/rebuild", "");
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    int generation = started.json().at("/generation").asInt();
    assertThat(started.json().at("/status").asString()).isEqualTo("RUNNING");
    assertThat(ops().get(path).json().at("/upward")).isEqualTo(live.at("/upward"));

    try (BulkPublisher bulk = new BulkPublisher(kafka)) {
      for (int i = 0; i < 500; i++) {
        bulk.send(
            Fixtures.submitted(
                Fixtures.ref(
                    during,
                    "TWN-1",
                    Direction.DOWN,
                    Priority.ROUTINE,
                    at(LocalDate.of(2025, 6, 1)))));
      }
      bulk.flush();
    }
    await()
        .atMost(Duration.ofSeconds(180))
        .untilAsserted(
            () -> {
              JsonNode status = ops().get("/api/v1/indicators/rebuild").json();
              assertThat(status.at("/status").asString()).isEqualTo("DONE");
              assertThat(status.at("/generation").asInt()).isEqualTo(generation + 1);
              assertThat(status.at("/doneRecords").asLong())
                  .isEqualTo(status.at("/targetRecords").asLong());
            });

    JsonNode rebuilt = ops().get(path).json();
    for (String figure : FIGURES) {
      assertThat(rebuilt.at(figure)).as(figure).isEqualTo(live.at(figure));
    }
    String duringPath = "/api/v1/indicators/hospitals/" + during + "?period=2025";
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(ops().get(duringPath).json().at("/downward/SUBMITTED").asLong())
                    .isEqualTo(500));
    try (EventPublisher publisher = new EventPublisher(kafka)) {
      publisher.publish(
          Fixtures.submitted(
              Fixtures.ref(
                  during,
                  "TWN-1",
                  Direction.DOWN,
                  Priority.ROUTINE,
                  at(LocalDate.of(2025, 6, 2)))));
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(ops().get(duringPath).json().at("/downward/SUBMITTED").asLong())
                    .isEqualTo(501));
  }

  private ApiClient ops() {
    return api(TestTokens.ops());
  }

  private ApiClient api(String token) {
    return ApiClient.localhost(port).withHeader("Authorization", TestTokens.bearer(token));
  }
}
