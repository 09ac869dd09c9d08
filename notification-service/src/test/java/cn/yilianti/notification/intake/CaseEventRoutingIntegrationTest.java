package cn.yilianti.notification.intake;

import static cn.yilianti.notification.support.Hospitals.email;
import static cn.yilianti.notification.support.Hospitals.hospital;
import static cn.yilianti.notification.support.Hospitals.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.PlatformEvent;
import cn.yilianti.events.Topics;
import cn.yilianti.events.consultation.ConsultationRef;
import cn.yilianti.events.consultation.ConsultationRequested;
import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralAccepted;
import cn.yilianti.events.referral.ReferralRef;
import cn.yilianti.events.registry.ChannelType;
import cn.yilianti.events.registry.CoordinatorRole;
import cn.yilianti.notification.support.IntegrationTestBase;
import cn.yilianti.test.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CaseEventRoutingIntegrationTest extends IntegrationTestBase {

  @Test
  void newReferralTellsTheReceivingDepartmentsCoordinatorsAndTheHospitalsSystems() {
    String from = uniqueCode("FROM");
    String to = uniqueCode("TO");
    register(
        hospital(to)
            .coordinator("cardio", CoordinatorRole.COORDINATOR, "CARDIOLOGY", email("c@to.test"))
            .coordinator("neuro", CoordinatorRole.COORDINATOR, "NEUROLOGY", email("n@to.test"))
            .coordinator("office", CoordinatorRole.COORDINATOR, null, email("o@to.test"))
            .coordinator("head", CoordinatorRole.DEPARTMENT_HEAD, "CARDIOLOGY", email("h@to.test"))
            .endpoint(ChannelType.WEBHOOK, RECEIVER.url("/his/" + to))
            .build());
    register(
        hospital(from)
            .coordinator("sender", CoordinatorRole.COORDINATOR, "CARDIOLOGY", email("s@from.test"))
            .endpoint(ChannelType.WEBHOOK, RECEIVER.url("/his/" + from))
            .build());
    ReferralRef ref = referral(from, to, Priority.URGENT, "CARDIOLOGY");

    publisher.publish(submitted(ref));

    JsonNode history = awaitNotifications(ref.referralId(), 3);
    assertThat(recipients(history))
        .containsExactlyInAnyOrder("coordinator:cardio", "coordinator:office", "hospital:" + to);
    assertThat(history.at("/notifications/0/hospital").asString()).isEqualTo(to);
  }

  @Test
  void answerTellsTheSendingHospitalsSystemsAndCoordinators() {
    String from = uniqueCode("FROM");
    String to = uniqueCode("TO");
    register(
        hospital(to)
            .coordinator("receiver", CoordinatorRole.COORDINATOR, null, email("r@to.test"))
            .build());
    register(
        hospital(from)
            .coordinator("sender", CoordinatorRole.COORDINATOR, "CARDIOLOGY", email("s@from.test"))
            .coordinator("other", CoordinatorRole.COORDINATOR, "NEUROLOGY", email("x@from.test"))
            .endpoint(ChannelType.WEBHOOK, RECEIVER.url("/his/" + from))
            .endpoint(ChannelType.WECOM, RECEIVER.url("/wecom/" + from))
            .build());
    ReferralRef ref = referral(from, to, Priority.ROUTINE, null);
    publisher.publish(submitted(ref));
    publisher.publish(event(new ReferralAccepted(ref, Instant.now(), "CARDIOLOGY", null, "B-12")));

    JsonNode history = awaitNotifications(ref.referralId(), 3);
    assertThat(recipients(history))
        .containsExactlyInAnyOrder(
            "coordinator:receiver", "coordinator:sender", "hospital:" + from);
    JsonNode his =
        StreamSupport.stream(history.path("notifications").spliterator(), false)
            .filter(n -> n.path("recipient").asString().equals("hospital:" + from))
            .findFirst()
            .orElseThrow();
    assertThat(his.path("eventType").asString()).isEqualTo("referral.accepted");
    assertThat(his.path("deliveries")).hasSize(2);
  }

  @Test
  void consultationRequestTellsTheReceivingHospital() {
    String from = uniqueCode("FROM");
    String to = uniqueCode("TO");
    register(
        hospital(to)
            .coordinator("imaging", CoordinatorRole.COORDINATOR, "RADIOLOGY", email("i@to.test"))
            .endpoint(ChannelType.DINGTALK, RECEIVER.url("/dingtalk/" + to))
            .build());
    Instant now = Instant.now();
    ConsultationRef ref =
        new ConsultationRef(
            UUID.randomUUID(),
            "C-" + UUID.randomUUID().toString().substring(0, 6),
            ConsultationType.IMAGING,
            Priority.URGENT,
            from,
            to,
            "RADIOLOGY",
            now,
            now.plus(Duration.ofHours(4)));
    publisher.publish(event(new ConsultationRequested(ref, "R91", "pk-77")));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode history =
                  ops().get("/api/v1/notifications/consultations/" + ref.consultationId()).json();
              assertThat(recipients(history))
                  .containsExactlyInAnyOrder("coordinator:imaging", "hospital:" + to);
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(RECEIVER.accepted("/dingtalk/" + to)).hasSize(1));
  }

  @Test
  void redeliveredEventTellsEachRecipientOnce() {
    String from = uniqueCode("FROM");
    String to = uniqueCode("TO");
    register(hospital(to).endpoint(ChannelType.WEBHOOK, RECEIVER.url("/his/" + to)).build());
    webhookSecret(to);
    ReferralRef ref = referral(from, to, Priority.URGENT, null);
    CloudEvent<PlatformEvent> event = submitted(ref);

    publisher.publish(event);
    publisher.publish(event);
    ReferralRef second = referral(from, to, Priority.URGENT, null);
    publisher.publish(submitted(second));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(RECEIVER.accepted("/his/" + to)).hasSize(2));
    assertThat(RECEIVER.accepted("/his/" + to))
        .extracting(r -> r.header("webhook-id"))
        .doesNotHaveDuplicates();
    assertThat(awaitNotifications(ref.referralId(), 1).path("notifications")).hasSize(1);
  }

  @Test
  void poisonEventGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
    String to = uniqueCode("TO");
    register(hospital(to).endpoint(ChannelType.SMS, "13800000000").build());
    ReferralRef ref = referral(uniqueCode("FROM"), to, Priority.URGENT, null);
    String key = ref.referralId().toString();

    publisher.publishRaw(Topics.REFERRAL_UP, key, "{not json".getBytes(StandardCharsets.UTF_8));
    publisher.publish(submitted(ref));

    awaitNotifications(ref.referralId(), 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        TopicRecords.readAll(
                                KAFKA,
                                Topics.deadLetter(Topics.REFERRAL_UP, "notification-service"))
                            .stream()
                            .filter(r -> key.equals(r.key())))
                    .hasSize(1));
  }

  private JsonNode awaitNotifications(UUID referralId, int count) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> ops().get("/api/v1/notifications/referrals/" + referralId),
            r -> r.status() == 200 && r.json().path("notifications").size() >= count)
        .json();
  }

  private static List<String> recipients(JsonNode history) {
    return StreamSupport.stream(history.path("notifications").spliterator(), false)
        .map(n -> n.path("recipient").asString())
        .toList();
  }
}
