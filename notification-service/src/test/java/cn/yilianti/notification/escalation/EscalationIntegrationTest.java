package cn.yilianti.notification.escalation;

import static cn.yilianti.notification.support.Hospitals.contact;
import static cn.yilianti.notification.support.Hospitals.hospital;
import static cn.yilianti.notification.support.Hospitals.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralAccepted;
import cn.yilianti.events.referral.ReferralAnswerDeadlinePassed;
import cn.yilianti.events.referral.ReferralRef;
import cn.yilianti.events.registry.ChannelType;
import cn.yilianti.events.registry.CoordinatorRole;
import cn.yilianti.notification.support.IntegrationTestBase;
import cn.yilianti.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EscalationIntegrationTest extends IntegrationTestBase {

  @Test
  void unacknowledgedGreenChannelReferralClimbsToTheDepartmentHeadThenMedicalAffairs() {
    String to = ladderHospital();
    ReferralRef ref = referral(uniqueCode("FROM"), to, Priority.GREEN_CHANNEL, "CARDIOLOGY");

    publisher.publish(submitted(ref));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(levels(ref.referralId()))
                    .containsExactlyInAnyOrder(
                        "0:COORDINATOR", "1:DEPARTMENT_HEAD", "2:MEDICAL_AFFAIRS"));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(RECEIVER.accepted("/robot/head-" + to)).hasSize(1);
              assertThat(RECEIVER.accepted("/robot/office-" + to)).hasSize(1);
            });
    assertThat(RECEIVER.accepted("/robot/office-" + to).getFirst().body()).contains("升级提醒");
    assertThat(ops().get("/actuator/prometheus").body())
        .containsPattern(
            "notification_escalations_total\\{[^}]*level=\"2\",priority=\"GREEN_CHANNEL\"");
  }

  @Test
  void acknowledgementByTheDepartmentHeadStopsTheLadder() {
    String to = ladderHospital();
    ReferralRef ref = referral(uniqueCode("FROM"), to, Priority.URGENT, "CARDIOLOGY");
    publisher.publish(submitted(ref));
    publisher.publish(event(new ReferralAnswerDeadlinePassed(ref)));

    JsonNode head =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> notification(ref.referralId(), 1), n -> n != null);
    var response =
        as(TestTokens.coordinator(to, "CARDIOLOGY"))
            .post("/api/v1/notifications/" + head.path("id").asString() + "/acknowledge", "");
    assertThat(response.status()).isEqualTo(200);

    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(6))
        .until(() -> notification(ref.referralId(), 2) == null);
    JsonNode history = ops().get("/api/v1/notifications/referrals/" + ref.referralId()).json();
    assertThat(history.path("escalationStopped").asString()).isEqualTo("acknowledged");
    assertThat(history.path("notifications"))
        .filteredOn(n -> n.path("needsAck").asBoolean())
        .allSatisfy(n -> assertThat(n.path("acknowledgedAt").isNull()).isFalse());
  }

  @Test
  void anAnswerStopsTheGreenChannelTimer() {
    String to = ladderHospital();
    ReferralRef ref = referral(uniqueCode("FROM"), to, Priority.GREEN_CHANNEL, "CARDIOLOGY");
    publisher.publish(submitted(ref));
    publisher.publish(event(new ReferralAccepted(ref, Instant.now(), "CARDIOLOGY", null, "B-1")));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ops()
                    .get("/api/v1/notifications/referrals/" + ref.referralId())
                    .json()
                    .path("escalationStopped")
                    .asString("")
                    .equals("referral.accepted"));
    await()
        .during(Duration.ofMillis(2000))
        .atMost(Duration.ofSeconds(4))
        .until(() -> notification(ref.referralId(), 1) == null);
  }

  @Test
  void someoneElsesNotificationCannotBeAcknowledged() {
    String to = ladderHospital();
    ReferralRef ref = referral(uniqueCode("FROM"), to, Priority.ROUTINE, "CARDIOLOGY");
    publisher.publish(submitted(ref));
    JsonNode coordinator =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> notification(ref.referralId(), 0), n -> n != null);
    String path = "/api/v1/notifications/" + coordinator.path("id").asString() + "/acknowledge";

    assertThat(as(TestTokens.coordinator(uniqueCode("OTHER"), null)).post(path, "").status())
        .isEqualTo(404);
    assertThat(as(TestTokens.coordinator(to, "NEUROLOGY")).post(path, "").status()).isEqualTo(404);
    assertThat(as(TestTokens.his(to)).post(path, "").status()).isEqualTo(403);
    assertThat(
            as(TestTokens.coordinator(to, null))
                .post("/api/v1/notifications/" + UUID.randomUUID() + "/acknowledge", "")
                .status())
        .isEqualTo(404);
    assertThat(as(TestTokens.coordinator(to, null)).post(path, "").status()).isEqualTo(200);
  }

  /** A receiving hospital with one person on each rung, each reached by a group robot. */
  private String ladderHospital() {
    String to = uniqueCode("TO");
    register(
        hospital(to)
            .coordinator(
                "coord-" + to,
                CoordinatorRole.COORDINATOR,
                "CARDIOLOGY",
                contact(ChannelType.WECOM, RECEIVER.url("/robot/coord-" + to)))
            .coordinator(
                "head-" + to,
                CoordinatorRole.DEPARTMENT_HEAD,
                "CARDIOLOGY",
                contact(ChannelType.WECOM, RECEIVER.url("/robot/head-" + to)))
            .coordinator(
                "office-" + to,
                CoordinatorRole.MEDICAL_AFFAIRS,
                null,
                contact(ChannelType.DINGTALK, RECEIVER.url("/robot/office-" + to)))
            .build());
    return to;
  }

  private List<String> levels(UUID referralId) {
    JsonNode history = ops().get("/api/v1/notifications/referrals/" + referralId).json();
    return StreamSupport.stream(history.path("notifications").spliterator(), false)
        .map(n -> n.path("escalationLevel").asInt() + ":" + n.path("role").asString())
        .toList();
  }

  private JsonNode notification(UUID referralId, int level) {
    JsonNode history = ops().get("/api/v1/notifications/referrals/" + referralId).json();
    return StreamSupport.stream(history.path("notifications").spliterator(), false)
        .filter(n -> n.path("escalationLevel").asInt() == level)
        .findFirst()
        .orElse(null);
  }
}
