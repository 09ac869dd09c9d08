package cn.yilianti.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.referral.OutboxRows;
import cn.yilianti.referral.TestRegistry;
import cn.yilianti.test.ApiClient;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every legal and illegal transition over the API, with its event and its audit row. */
class ReferralLifecycleIntegrationTest extends ReferralIntegrationTest {

  private static final Map<String, Object> ACCEPT =
      Map.of("department", "CARDIOLOGY", "appointmentAt", "2099-01-05T01:30:00Z", "bed", "12-3");
  private static final Map<String, Object> REJECT =
      Map.of("reasonCode", "NO_BED", "comment", "心内科床位已满");
  private static final Map<String, Object> CANCEL = Map.of("reasonCode", "PATIENT_DECLINED");
  private static final Map<String, Object> COMPLETE =
      Map.of("outcomeCode", "CURED", "summary", "PCI 术后恢复良好");

  /** The API transitions and who sends them. */
  private enum Step {
    ACCEPT("accept", true),
    REJECT("reject", true),
    CANCEL("cancel", false),
    ARRIVE("arrive", true),
    COMPLETE("complete", true),
    NO_SHOW("no-show", true);

    final String path;
    final boolean byReceiver;

    Step(String path, boolean byReceiver) {
      this.path = path;
      this.byReceiver = byReceiver;
    }
  }

  @Test
  void acceptedPatientArrivesAndCompletesWithOneEventAndOneAuditRowPerTransition() {
    String id = upward();

    ApiClient.Response accepted = step(id, Step.ACCEPT);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
    assertThat(accepted.json().at("/answer/department").asString()).isEqualTo("CARDIOLOGY");
    assertThat(accepted.json().at("/answer/bed").asString()).isEqualTo("12-3");
    assertThat(accepted.header("ETag")).isEqualTo("\"1\"");
    assertThat(step(id, Step.ARRIVE).json().get("status").asString()).isEqualTo("ARRIVED");
    ApiClient.Response completed = step(id, Step.COMPLETE);
    assertThat(completed.json().get("status").asString()).isEqualTo("COMPLETED");
    assertThat(completed.json().at("/answer/outcomeCode").asString()).isEqualTo("CURED");

    assertThat(eventTypes(id)).containsExactly("submitted", "accepted", "arrived", "completed");
    assertThat(topics(id)).containsOnly("referral-up");
    JsonNode history =
        coordinator(TestRegistry.CORE).get("/api/v1/referrals/" + id + "/history").json();
    assertThat(history).hasSize(4);
    assertThat(history.get(0).get("to").asString()).isEqualTo("SUBMITTED");
    assertThat(history.get(0).get("actorHospital").asString()).isEqualTo(TestRegistry.COUNTY);
    assertThat(history.get(1).get("from").asString()).isEqualTo("SUBMITTED");
    assertThat(history.get(1).get("to").asString()).isEqualTo("ACCEPTED");
    assertThat(history.get(1).get("actor").asString()).isEqualTo("coordinator-CQMU-2");
    assertThat(history.get(1).get("actorHospital").asString()).isEqualTo(TestRegistry.CORE);
    assertThat(history.get(3).get("to").asString()).isEqualTo("COMPLETED");
  }

  @Test
  void rejectionAndCancellationCarryTheirCodedReasons() {
    String rejected = upward();
    ApiClient.Response response = step(rejected, Step.REJECT);
    assertThat(response.json().get("status").asString()).isEqualTo("REJECTED");
    assertThat(response.json().at("/answer/reasonCode").asString()).isEqualTo("NO_BED");
    JsonNode history =
        his(TestRegistry.COUNTY).get("/api/v1/referrals/" + rejected + "/history").json();
    assertThat(history.get(1).get("reasonCode").asString()).isEqualTo("NO_BED");
    assertThat(history.get(1).get("comment").asString()).isEqualTo("心内科床位已满");

    String cancelledWhileSubmitted = upward();
    assertThat(step(cancelledWhileSubmitted, Step.CANCEL).json().get("status").asString())
        .isEqualTo("CANCELLED");
    String cancelledAfterAcceptance = upward();
    step(cancelledAfterAcceptance, Step.ACCEPT);
    assertThat(step(cancelledAfterAcceptance, Step.CANCEL).json().get("status").asString())
        .isEqualTo("CANCELLED");
    String noShow = upward();
    step(noShow, Step.ACCEPT);
    assertThat(step(noShow, Step.NO_SHOW).json().get("status").asString()).isEqualTo("NO_SHOW");

    assertThat(eventTypes(rejected)).containsExactly("submitted", "rejected");
    assertThat(eventTypes(cancelledAfterAcceptance))
        .containsExactly("submitted", "accepted", "cancelled");
    assertThat(eventTypes(noShow)).containsExactly("submitted", "accepted", "no-show");
  }

  @Test
  void everyIllegalTransitionIs409WithTheCurrentStatusAndChangesNothing() {
    Map<String, List<Step>> pathTo =
        Map.of(
            "SUBMITTED", List.of(),
            "ACCEPTED", List.of(Step.ACCEPT),
            "REJECTED", List.of(Step.REJECT),
            "CANCELLED", List.of(Step.CANCEL),
            "ARRIVED", List.of(Step.ACCEPT, Step.ARRIVE),
            "COMPLETED", List.of(Step.ACCEPT, Step.ARRIVE, Step.COMPLETE),
            "NO_SHOW", List.of(Step.ACCEPT, Step.NO_SHOW));
    Map<String, Set<Step>> legal =
        Map.of(
            "SUBMITTED", EnumSet.of(Step.ACCEPT, Step.REJECT, Step.CANCEL),
            "ACCEPTED", EnumSet.of(Step.ARRIVE, Step.NO_SHOW, Step.CANCEL),
            "ARRIVED", EnumSet.of(Step.COMPLETE));
    List<String> checked = new ArrayList<>();
    pathTo.forEach(
        (stage, path) -> {
          for (Step step : Step.values()) {
            if (legal.getOrDefault(stage, Set.of()).contains(step)) {
              continue;
            }
            String id = upward();
            path.forEach(s -> assertThat(step(id, s).status()).isEqualTo(200));
            ApiClient.Response refused = step(id, step);
            assertThat(refused.status()).as(stage + " " + step).isEqualTo(409);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("currentStatus").asString()).isEqualTo(stage);
            assertThat(eventTypes(id)).hasSize(path.size() + 1);
            checked.add(stage + ":" + step);
          }
        });
    assertThat(checked).hasSize(7 * 6 - 3 - 3 - 1);
  }

  @Test
  void ifMatchWithAStaleVersionIs412AndTheCurrentVersionSucceeds() {
    String id = upward();
    ApiClient.Response read = his(TestRegistry.COUNTY).get("/api/v1/referrals/" + id);
    assertThat(read.header("ETag")).isEqualTo("\"0\"");

    ApiClient.Response stale =
        coordinator(TestRegistry.CORE)
            .post("/api/v1/referrals/" + id + "/accept", ACCEPT, "If-Match", "\"7\"");
    assertThat(stale.status()).as(stale.body()).isEqualTo(412);
    assertThat(stale.json().get("currentVersion").asInt()).isZero();

    ApiClient.Response current =
        coordinator(TestRegistry.CORE)
            .post("/api/v1/referrals/" + id + "/accept", ACCEPT, "If-Match", read.header("ETag"));
    assertThat(current.status()).as(current.body()).isEqualTo(200);
    assertThat(current.header("ETag")).isEqualTo("\"1\"");
    assertThat(eventTypes(id)).containsExactly("submitted", "accepted");
  }

  @Test
  void twoCoordinatorsAnsweringAtOnceGetOneSuccessAndOneConflict() throws Exception {
    String id = upward();
    try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
      Future<ApiClient.Response> accept = threads.submit(() -> step(id, Step.ACCEPT));
      Future<ApiClient.Response> reject = threads.submit(() -> step(id, Step.REJECT));
      List<Integer> statuses = List.of(accept.get().status(), reject.get().status());
      assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    }
    assertThat(eventTypes(id)).hasSize(2);
  }

  @Test
  void downwardReferralReturnsTheUpwardOneAndIsPublishedOnReferralDown() {
    String up = upward();
    step(up, Step.ACCEPT);
    step(up, Step.ARRIVE);
    Map<String, Object> down = ReferralRequests.downward();
    down.put("closesReferral", up);

    ApiClient.Response response = his(TestRegistry.CORE).post("/api/v1/referrals", down);

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    String id = response.json().get("id").asString();
    assertThat(response.json().get("closesReferral").asString()).isEqualTo(up);
    assertThat(response.json().at("/returnSummary/followUpPlan").asString()).contains("随访");
    assertThat(topics(id)).containsExactly("referral-down");
    ApiClient.Response accepted =
        coordinator(TestRegistry.COUNTY)
            .post("/api/v1/referrals/" + id + "/accept", Map.of("department", "CARDIOLOGY"));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(topics(id)).containsExactly("referral-down", "referral-down");
  }

  @Test
  void reReferralLinksToTheRejectedReferralAndGoesElsewhere() {
    String patient = "pk-town-" + UUID.randomUUID();
    String first =
        submit(his(TestRegistry.TOWNSHIP), ReferralRequests.township(TestRegistry.COUNTY, patient));
    step(first, Step.REJECT, TestRegistry.COUNTY);
    Map<String, Object> again = ReferralRequests.township(TestRegistry.CORE, patient);
    again.put("rereferralOf", first);

    ApiClient.Response response = his(TestRegistry.TOWNSHIP).post("/api/v1/referrals", again);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(response.json().get("rereferralOf").asString()).isEqualTo(first);

    Map<String, Object> sameHospital = ReferralRequests.township(TestRegistry.COUNTY, patient);
    sameHospital.put("rereferralOf", first);
    ApiClient.Response refused = his(TestRegistry.TOWNSHIP).post("/api/v1/referrals", sameHospital);
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("rereferralOf");
  }

  private ApiClient.Response step(String id, Step step) {
    return step(id, step, TestRegistry.CORE);
  }

  private ApiClient.Response step(String id, Step step, String receiver) {
    ApiClient client = step.byReceiver ? coordinator(receiver) : his(TestRegistry.COUNTY);
    Object body =
        switch (step) {
          case ACCEPT -> ACCEPT;
          case REJECT -> REJECT;
          case CANCEL -> CANCEL;
          case COMPLETE -> COMPLETE;
          case ARRIVE, NO_SHOW -> Map.of();
        };
    return client.post("/api/v1/referrals/" + id + "/" + step.path, body);
  }

  private List<String> eventTypes(String id) {
    return OutboxRows.eventTypes(jdbc, id).stream()
        .map(t -> t.replace("cn.yilianti.referral.", ""))
        .toList();
  }

  private List<String> topics(String id) {
    return jdbc.sql("select topic from outbox_event where record_key = :id order by id")
        .param("id", id)
        .query(String.class)
        .list();
  }
}
