package cn.yilianti.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.CloudEventHeaders;
import cn.yilianti.events.EventCodec;
import cn.yilianti.events.Topics;
import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.ReferralSubmitted;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.TestInfrastructure;
import cn.yilianti.test.TestTokens;
import cn.yilianti.test.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ReferralSubmissionIntegrationTest extends ReferralIntegrationTest {

  @Test
  void submittedReferralIsStoredAndPublishedOnReferralUpKeyedByItsId() {
    ApiClient.Response response =
        ApiClient.localhost(port)
            .withHeader("Authorization", TestTokens.bearer(TestTokens.his("LSX-RMYY")))
            .post("/api/v1/referrals", ReferralRequests.upward());

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    String id = response.json().get("id").asString();
    assertThat(response.header("Location")).isEqualTo("/api/v1/referrals/" + id);
    assertThat(response.json().get("status").asString()).isEqualTo("SUBMITTED");
    assertThat(response.json().get("referralNumber").asString()).matches("R\\d{8}-\\d{6}");

    ConsumerRecord<String, byte[]> record =
        await().atMost(Duration.ofSeconds(30)).until(() -> recordWithKey(id), r -> r != null);
    CloudEvent<ReferralSubmitted> event =
        EventCodec.decode(record.value(), ReferralSubmitted.class);
    assertThat(event.data().referral().direction()).isEqualTo(Direction.UP);
    assertThat(event.data().referral().fromHospital()).isEqualTo("LSX-RMYY");
    assertThat(event.data().diagnosisCode()).isEqualTo("I21.4");
    assertThat(
            new String(
                record.headers().lastHeader(CloudEventHeaders.TYPE).value(),
                StandardCharsets.UTF_8))
        .isEqualTo("cn.yilianti.referral.submitted.v1");
    assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("急性");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql(
                                "select count(*) from outbox_event where record_key = :id and published_at is not null")
                            .param("id", id)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1));
  }

  @Test
  void storedReferralIsReadBack() {
    ApiClient api =
        ApiClient.localhost(port)
            .withHeader("Authorization", TestTokens.bearer(TestTokens.his("LSX-RMYY")));
    String id =
        api.post("/api/v1/referrals", ReferralRequests.upward()).json().get("id").asString();

    ApiClient.Response read = api.get("/api/v1/referrals/" + id);

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().at("/diagnosis/code").asString()).isEqualTo("I21.4");
    assertThat(read.json().get("toHospital").asString()).isEqualTo("CQMU-2");
  }

  private ConsumerRecord<String, byte[]> recordWithKey(String id) {
    return TopicRecords.readAll(
            TestInfrastructure.get().kafkaBootstrapServers(), Topics.REFERRAL_UP)
        .stream()
        .filter(r -> id.equals(r.key()))
        .findFirst()
        .orElse(null);
  }
}
