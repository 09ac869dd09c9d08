package cn.yilianti.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.Topics;
import cn.yilianti.local.kafka.KafkaServerProcess;
import cn.yilianti.platform.registry.HospitalDirectory;
import cn.yilianti.referral.TestRegistry;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.RealInfrastructure;
import cn.yilianti.test.RealInfrastructure.Broker;
import cn.yilianti.test.TestInfrastructure;
import cn.yilianti.test.TestTokens;
import cn.yilianti.test.TopicRecords;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Kafka down when the referral arrives: the HIS still gets 201, the event follows later. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(broker = Broker.RESTARTABLE)
class OutboxDuringKafkaOutageIntegrationTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired HospitalDirectory directory;

  private final KafkaServerProcess kafka = TestInfrastructure.get().restartableKafka();

  @AfterEach
  void brokerBackUp() {
    if (!kafka.isRunning()) {
      kafka.start(Duration.ofSeconds(90));
    }
  }

  @Test
  void referralAcceptedWhileKafkaIsDownIsPublishedOnceKafkaIsBack() {
    TestRegistry.seed(kafka.bootstrapServers(), directory);
    kafka.kill();

    ApiClient.Response response =
        ApiClient.localhost(port)
            .withHeader("Authorization", TestTokens.bearer(TestTokens.his("LSX-RMYY")))
            .post("/api/v1/referrals", ReferralRequests.upward());

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    String id = response.json().get("id").asString();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(attempts(id)).isGreaterThanOrEqualTo(1));
    assertThat(publishedAt(id)).isFalse();

    kafka.start(Duration.ofSeconds(90));

    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> assertThat(publishedAt(id)).isTrue());
    assertThat(
            TopicRecords.readAll(kafka.bootstrapServers(), Topics.REFERRAL_UP).stream()
                .filter(r -> id.equals(r.key()))
                .count())
        .isEqualTo(1);
  }

  private int attempts(String id) {
    return jdbc.sql("select attempts from outbox_event where record_key = :id")
        .param("id", id)
        .query(Integer.class)
        .single();
  }

  private boolean publishedAt(String id) {
    return jdbc.sql("select published_at is not null from outbox_event where record_key = :id")
        .param("id", id)
        .query(Boolean.class)
        .single();
  }
}
