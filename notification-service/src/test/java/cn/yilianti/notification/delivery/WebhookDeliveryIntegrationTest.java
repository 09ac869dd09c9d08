package cn.yilianti.notification.delivery;

import static cn.yilianti.notification.support.Hospitals.hospital;
import static cn.yilianti.notification.support.Hospitals.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralAccepted;
import cn.yilianti.events.referral.ReferralArrived;
import cn.yilianti.events.referral.ReferralCompleted;
import cn.yilianti.events.referral.ReferralRef;
import cn.yilianti.events.registry.ChannelType;
import cn.yilianti.notification.support.IntegrationTestBase;
import cn.yilianti.notification.support.Receiver;
import cn.yilianti.test.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WebhookDeliveryIntegrationTest extends IntegrationTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired ResilientSender sender;
  @Autowired DeliveryWorker worker;
  @Autowired DeliveryQueue queue;
  @Autowired JdbcClient jdbc;

  @Test
  void webhookCarriesAStandardWebhooksSignatureTheReceiverCanVerify() throws Exception {
    String to = uniqueCode("TO");
    register(hospital(to).endpoint(ChannelType.WEBHOOK, RECEIVER.url("/his/" + to)).build());
    String secret = webhookSecret(to);
    ReferralRef ref = referral(uniqueCode("FROM"), to, Priority.GREEN_CHANNEL, "CARDIOLOGY");

    publisher.publish(submitted(ref));

    Receiver.Request request =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> RECEIVER.accepted("/his/" + to), r -> r.size() == 1)
            .getFirst();
    String id = request.header("webhook-id");
    String timestamp = request.header("webhook-timestamp");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    String expected =
        "v1,"
            + Base64.getEncoder()
                .encodeToString(
                    mac.doFinal(
                        (id + "." + timestamp + "." + request.body())
                            .getBytes(StandardCharsets.UTF_8)));
    assertThat(request.header("webhook-signature")).isEqualTo(expected);
    assertThat(Long.parseLong(timestamp))
        .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
    JsonNode body = JSON.readTree(request.body());
    assertThat(body.path("type").asString()).isEqualTo("referral.submitted");
    assertThat(body.at("/data/number").asString()).isEqualTo(ref.referralNumber());
    assertThat(body.at("/data/priority").asString()).isEqualTo("GREEN_CHANNEL");
    assertThat(body.at("/data/patientKey").asString()).isEqualTo("pk-" + ref.referralNumber());
  }

  @Test
  void receiverDownForAWhileGetsEverythingOnceAndInOrderWhenBack() {
    try (Receiver his = new Receiver()) {
      String from = uniqueCode("FROM");
      register(hospital(from).endpoint(ChannelType.WEBHOOK, his.url("/his")).build());
      webhookSecret(from);
      his.stop();
      ReferralRef first = referral(from, uniqueCode("TO"), Priority.URGENT, null);
      ReferralRef second = referral(from, uniqueCode("TO"), Priority.URGENT, null);
      for (ReferralRef ref : List.of(first, second)) {
        publisher.publish(
            event(new ReferralAccepted(ref, Instant.now(), "CARDIOLOGY", null, null)));
        publisher.publish(event(new ReferralArrived(ref, Instant.now())));
        publisher.publish(event(new ReferralCompleted(ref, "RECOVERED")));
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          ops()
                              .get("/api/v1/notifications/hospitals/" + from + "/status")
                              .json()
                              .at("/endpoints/0/lastError")
                              .asString(""))
                      .contains("ConnectException"));

      his.start();

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertThat(his.accepted("/his")).hasSize(6));
      List<Receiver.Request> received = his.accepted("/his");
      assertThat(received).extracting(r -> r.header("webhook-id")).doesNotHaveDuplicates();
      for (ReferralRef ref : List.of(first, second)) {
        assertThat(
                received.stream()
                    .map(r -> JSON.readTree(r.body()))
                    .filter(b -> b.at("/data/number").asString().equals(ref.referralNumber()))
                    .map(b -> b.path("type").asString()))
            .containsExactly("referral.accepted", "referral.arrived", "referral.completed");
      }
    }
  }

  @Test
  void circuitOpensWhileTheEndpointFailsAndClosesWhenItRecovers() {
    String from = uniqueCode("FROM");
    register(hospital(from).endpoint(ChannelType.WEBHOOK, RECEIVER.url("/flaky/" + from)).build());
    webhookSecret(from);
    RECEIVER.answer("/flaky/" + from, 500);
    ReferralRef ref = referral(from, uniqueCode("TO"), Priority.URGENT, null);
    publisher.publish(event(new ReferralAccepted(ref, Instant.now(), "CARDIOLOGY", null, null)));
    CircuitBreaker breaker = sender.breaker("webhook-" + from);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
    assertThat(ops().get("/actuator/prometheus").body())
        .containsPattern(
            "resilience4j_circuitbreaker_state\\{[^}]*name=\"webhook-"
                + from
                + "\",state=\"open\"[^}]*} 1\\.0");
    RECEIVER.answer("/flaky/" + from, 200);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
              assertThat(RECEIVER.accepted("/flaky/" + from)).hasSize(1);
            });
  }

  @Test
  void deliveryIsParkedAfterItsLastAttemptAndSentAgainOnRetryNow() {
    String from = uniqueCode("FROM");
    register(hospital(from).endpoint(ChannelType.WEBHOOK, RECEIVER.url("/broken/" + from)).build());
    webhookSecret(from);
    RECEIVER.answer("/broken/" + from, 502);
    ReferralRef ref = referral(from, uniqueCode("TO"), Priority.URGENT, null);
    publisher.publish(event(new ReferralAccepted(ref, Instant.now(), "CARDIOLOGY", null, null)));

    JsonNode parked =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> ops().get("/api/v1/notifications/parked?hospital=" + from).json(),
                list -> list.size() == 1)
            .get(0);
    assertThat(parked.path("attempts").asInt()).isEqualTo(6);
    assertThat(parked.path("history")).hasSize(6);
    assertThat(parked.at("/history/5/outcome").asString()).isEqualTo("PARKED");
    assertThat(parked.path("lastError").asString()).contains("HTTP 502");
    long id = parked.path("id").asLong();
    assertThat(
            as(TestTokens.his(uniqueCode("OTHER")))
                .post("/api/v1/notifications/deliveries/" + id + "/retry", "")
                .status())
        .isEqualTo(404);

    RECEIVER.answer("/broken/" + from, 200);
    assertThat(
            as(TestTokens.his(from))
                .post("/api/v1/notifications/deliveries/" + id + "/retry", "")
                .status())
        .isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(RECEIVER.accepted("/broken/" + from)).hasSize(1));
    assertThat(
            as(TestTokens.his(from))
                .post("/api/v1/notifications/deliveries/" + id + "/retry", "")
                .status())
        .isEqualTo(409);
  }

  @Test
  void invalidEndpointConfigurationIsReportedOnTheHospitalsStatusAndNothingElseStops() {
    String bad = uniqueCode("BAD");
    register(
        hospital(bad)
            .endpoint(ChannelType.WEBHOOK, "not a url")
            .endpoint(ChannelType.WECOM, "ftp://robot.example/send")
            .build());
    webhookSecret(bad);
    String unsigned = uniqueCode("NOSECRET");
    register(
        hospital(unsigned).endpoint(ChannelType.WEBHOOK, RECEIVER.url("/his/" + unsigned)).build());
    String good = uniqueCode("GOOD");
    register(hospital(good).endpoint(ChannelType.WEBHOOK, RECEIVER.url("/his/" + good)).build());
    webhookSecret(good);

    for (String hospital : List.of(bad, unsigned, good)) {
      publisher.publish(submitted(referral(uniqueCode("FROM"), hospital, Priority.URGENT, null)));
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(RECEIVER.accepted("/his/" + good)).hasSize(1));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode endpoints =
                  as(TestTokens.his(bad))
                      .get("/api/v1/notifications/hospitals/" + bad + "/status")
                      .json()
                      .path("endpoints");
              assertThat(endpoints).hasSize(2);
              for (JsonNode endpoint : endpoints) {
                assertThat(endpoint.path("parked").asInt()).isEqualTo(1);
                assertThat(endpoint.path("lastError").asString()).startsWith("invalid-endpoint");
              }
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        ops()
                            .get("/api/v1/notifications/hospitals/" + unsigned + "/status")
                            .json()
                            .at("/endpoints/0/lastError")
                            .asString(""))
                    .contains("no webhook secret"));
    assertThat(
            as(TestTokens.his(good))
                .get("/api/v1/notifications/hospitals/" + bad + "/status")
                .status())
        .isEqualTo(403);
  }

  @Test
  void restartInTheMiddleOfRetryingLosesNothing() {
    String from = uniqueCode("FROM");
    register(
        hospital(from).endpoint(ChannelType.WEBHOOK, RECEIVER.url("/restart/" + from)).build());
    webhookSecret(from);
    RECEIVER.answer("/restart/" + from, 503);
    ReferralRef ref = referral(from, uniqueCode("TO"), Priority.URGENT, null);
    publisher.publish(event(new ReferralAccepted(ref, Instant.now(), "CARDIOLOGY", null, null)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> delivery(ref.referralId()).path("attempts").asInt() >= 2);

    worker.stop();
    try {
      JsonNode stored = delivery(ref.referralId());
      assertThat(stored.path("status").asString()).isIn("PENDING", "SENDING");
      assertThat(stored.path("history").size()).isGreaterThanOrEqualTo(2);
      RECEIVER.answer("/restart/" + from, 200);
    } finally {
      worker.start();
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(delivery(ref.referralId()).path("status").asString()).isEqualTo("SENT"));
    assertThat(RECEIVER.accepted("/restart/" + from)).hasSize(1);
  }

  @Test
  void anOpenCircuitHoldsItsEndpointsWholeBacklogAndRecoveryReleasesItAtOnce() {
    String held = uniqueCode("HELD");
    String other = uniqueCode("OTHER");
    for (String code : List.of(held, other)) {
      register(hospital(code).endpoint(ChannelType.WECOM, RECEIVER.url("/robot/" + code)).build());
    }
    worker.stop();
    try {
      for (int i = 0; i < 3; i++) {
        publisher.publish(submitted(referral(uniqueCode("FROM"), held, Priority.URGENT, null)));
      }
      publisher.publish(submitted(referral(uniqueCode("FROM"), other, Priority.URGENT, null)));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> dueWithin(held, Duration.ZERO) == 3 && dueWithin(other, Duration.ZERO) == 1);

      assertThat(queue.holdEndpoint(ChannelType.WECOM, held, Duration.ofMinutes(5))).isEqualTo(3);
      assertThat(dueWithin(held, Duration.ofMinutes(4))).isZero();
      assertThat(dueWithin(other, Duration.ZERO)).isEqualTo(1);

      assertThat(queue.releaseEndpoint(ChannelType.WECOM, held)).isEqualTo(3);
      assertThat(dueWithin(held, Duration.ZERO)).isEqualTo(3);
    } finally {
      worker.start();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(RECEIVER.accepted("/robot/" + held)).hasSize(3);
              assertThat(RECEIVER.accepted("/robot/" + other)).hasSize(1);
            });
  }

  /** Pending deliveries of the hospital's endpoints due within {@code within} from now. */
  private long dueWithin(String hospital, Duration within) {
    return jdbc.sql(
            """
            select count(*) from delivery where hospital = :hospital and status = 'PENDING'
               and next_attempt_at <= now() + :ms * interval '1 millisecond'
            """)
        .param("hospital", hospital)
        .param("ms", within.toMillis())
        .query(Long.class)
        .single();
  }

  private JsonNode delivery(UUID referralId) {
    JsonNode history = ops().get("/api/v1/notifications/referrals/" + referralId).json();
    return StreamSupport.stream(history.path("notifications").spliterator(), false)
        .flatMap(n -> StreamSupport.stream(n.path("deliveries").spliterator(), false))
        .findFirst()
        .orElse(JSON.createObjectNode());
  }
}
