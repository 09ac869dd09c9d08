package cn.yilianti.referral.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.PlatformEvent;
import cn.yilianti.events.Topics;
import cn.yilianti.events.consultation.ConsultationCompleted;
import cn.yilianti.events.consultation.ConsultationRequested;
import cn.yilianti.events.consultation.ConsultationScheduled;
import cn.yilianti.referral.fixtures.AllianceFixture;
import cn.yilianti.referral.fixtures.ConsultationBodies;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.TestInfrastructure;
import cn.yilianti.test.TopicRecords;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConsultationLifecycleIntegrationTest extends ConsultationIntegrationTestBase {

  @Test
  void requestIsStoredWithItsDeadlineAndPublishedOnConsultationKeyedByItsId() {
    ApiClient.Response response =
        countyHis().post("/api/v1/consultations", ConsultationBodies.mdt());

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode json = response.json();
    String id = json.get("id").asString();
    assertThat(response.header("Location")).isEqualTo("/api/v1/consultations/" + id);
    assertThat(response.header("ETag")).isEqualTo("\"0\"");
    assertThat(json.get("status").asString()).isEqualTo("REQUESTED");
    assertThat(json.get("consultationNumber").asString()).matches("C\\d{8}-\\d{6}");
    assertThat(json.at("/attachments/0").asString()).startsWith("https://pacs.lsx");
    assertThat(
            Duration.between(
                java.time.Instant.parse(json.get("requestedAt").asString()),
                java.time.Instant.parse(json.get("answerDeadline").asString())))
        .isEqualTo(Duration.ofHours(24));

    List<PlatformEvent> events = awaitEvents(id, 1);
    ConsultationRequested event = (ConsultationRequested) events.getFirst();
    assertThat(event.consultation().toHospital()).isEqualTo(AllianceFixture.TERTIARY);
    assertThat(event.diagnosisCode()).isEqualTo("C34.1");
    assertThat(
            count(
                "select count(*) from consultation_history where consultation_id = cast(:id as uuid)",
                id))
        .isEqualTo(1);
  }

  @Test
  void scheduledThenCompletedWritesOneAuditRowAndOneEventPerTransitionInOrder() {
    String id = scheduled();

    ApiClient.Response completed =
        tertiaryCoordinator()
            .post(
                "/api/v1/consultations/" + id + "/complete",
                Map.of("reportText", "建议先行新辅助化疗，4周期后复查。"),
                "If-Match",
                "\"1\"");

    assertThat(completed.status()).as(completed.body()).isEqualTo(200);
    assertThat(completed.header("ETag")).isEqualTo("\"2\"");
    assertThat(completed.json().get("status").asString()).isEqualTo("COMPLETED");
    assertThat(completed.json().get("expert").asString()).isEqualTo("expert-17");

    JsonNode history = countyHis().get("/api/v1/consultations/" + id + "/history").json();
    assertThat(history).hasSize(3);
    assertThat(history.get(1).get("fromStatus").asString()).isEqualTo("REQUESTED");
    assertThat(history.get(1).get("toStatus").asString()).isEqualTo("SCHEDULED");
    assertThat(history.get(2).get("actor").asString()).isEqualTo("coordinator-CQMU-2-ONCOLOGY");
    assertThat(history.get(2).get("actorHospital").asString()).isEqualTo("CQMU-2");

    List<PlatformEvent> events = awaitEvents(id, 3);
    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("ConsultationRequested", "ConsultationScheduled", "ConsultationCompleted");
    assertThat(((ConsultationScheduled) events.get(1)).expertId()).isEqualTo("expert-17");
    assertThat(((ConsultationCompleted) events.get(2)).reportLink())
        .hasToString("/api/v1/consultations/" + id);
  }

  @Test
  void illegalTransitionsAre409NamingTheCurrentStatus() {
    String id = requested();

    ApiClient.Response early =
        tertiaryCoordinator()
            .post(
                "/api/v1/consultations/" + id + "/complete",
                Map.of("reportUrl", "https://r.example.cn/1"));
    assertProblem(early, 409);
    assertThat(early.json().get("currentStatus").asString()).isEqualTo("REQUESTED");

    ApiClient.Response declined =
        tertiaryCoordinator()
            .post(
                "/api/v1/consultations/" + id + "/decline",
                Map.of("reasonCode", "NO_EXPERT_AVAILABLE", "comment", "本周无胸外科专家"));
    assertThat(declined.status()).as(declined.body()).isEqualTo(200);

    for (String action : List.of("schedule", "decline", "cancel", "complete")) {
      ApiClient api = action.equals("cancel") ? countyHis() : tertiaryCoordinator();
      ApiClient.Response late =
          api.post(
              "/api/v1/consultations/" + id + "/" + action,
              Map.of(
                  "scheduledAt", "2099-01-05T02:00:00Z",
                  "expert", "expert-17",
                  "reasonCode", "DUPLICATE",
                  "reportText", "x"));
      assertProblem(late, 409);
      assertThat(late.json().get("currentStatus").asString()).as(action).isEqualTo("DECLINED");
    }
    assertThat(
            count(
                "select count(*) from consultation_history where consultation_id = cast(:id as uuid)",
                id))
        .isEqualTo(2);
  }

  @Test
  void requesterCancelsAnOpenConsultationWithACodedReason() {
    String id = scheduled();

    ApiClient.Response cancelled =
        countyHis()
            .post(
                "/api/v1/consultations/" + id + "/cancel",
                Map.of("reasonCode", "PATIENT_TRANSFERRED"));

    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
    assertThat(cancelled.json().get("reasonCode").asString()).isEqualTo("PATIENT_TRANSFERRED");
    assertThat(awaitEvents(id, 3).getLast().getClass().getSimpleName())
        .isEqualTo("ConsultationCancelled");
  }

  @Test
  void staleIfMatchIs412AndChangesNothing() {
    String id = scheduled();

    ApiClient.Response stale =
        tertiaryCoordinator()
            .post(
                "/api/v1/consultations/" + id + "/decline",
                Map.of("reasonCode", "NO_EXPERT_AVAILABLE"),
                "If-Match",
                "\"0\"");

    assertProblem(stale, 412);
    assertThat(stale.json().get("currentETag").asString()).isEqualTo("\"1\"");
    assertThat(countyHis().get("/api/v1/consultations/" + id).json().get("status").asString())
        .isEqualTo("SCHEDULED");
  }

  @Test
  void targetThatDoesNotOfferTheTypeIs422NamingToHospital() {
    Map<String, Object> body = ConsultationBodies.mdt();
    body.put("toHospital", AllianceFixture.OTHER_COUNTY);
    assertNotOffered(countyHis().post("/api/v1/consultations", body));

    body.put("toHospital", AllianceFixture.OTHER_ALLIANCE);
    body.put("type", "IMAGING");
    assertNotOffered(countyHis().post("/api/v1/consultations", body));
  }

  @Test
  void completionNeedsAReportAndSchedulingNeedsAFutureTime() {
    String id = scheduled();

    ApiClient.Response noReport =
        tertiaryCoordinator().post("/api/v1/consultations/" + id + "/complete", Map.of());
    assertProblem(noReport, 400);
    assertThat(noReport.json().at("/errors/0/field").asString()).isEqualTo("reportText");

    String other = requested();
    ApiClient.Response past =
        tertiaryCoordinator()
            .post(
                "/api/v1/consultations/" + other + "/schedule",
                Map.of("scheduledAt", "2020-01-05T02:00:00Z", "expert", "expert-17"));
    assertProblem(past, 400);
    assertThat(past.json().at("/errors/0/field").asString()).isEqualTo("scheduledAt");
  }

  private static void assertNotOffered(ApiClient.Response response) {
    assertProblem(response, 422);
    assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("toHospital");
    assertThat(response.json().at("/errors/0/rule").asString()).isEqualTo("provider");
  }

  private static List<PlatformEvent> awaitEvents(String id, int expected) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TopicRecords.events(
                        TestInfrastructure.get().kafkaBootstrapServers(), Topics.CONSULTATION)
                    .stream()
                    .filter(e -> id.equals(e.subject()))
                    .map(CloudEvent::data)
                    .toList(),
            events -> events.size() == expected);
  }
}
