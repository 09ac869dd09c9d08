package cn.yilianti.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.referral.TestRegistry;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The authorisation matrix: hospital B (FJX-RMYY) cannot read, list, search, follow or change
 * hospital A's (LSX-RMYY → CQMU-2) referrals; each role does only its part.
 */
class ReferralAuthorizationIntegrationTest extends ReferralIntegrationTest {

  private static final Map<String, Object> ACCEPT = Map.of("department", "CARDIOLOGY");

  @Test
  void anotherHospitalCannotReadListSearchFollowOrChangeIt() {
    String id = upward();
    ApiClient other = his(TestRegistry.OTHER_COUNTY);
    ApiClient otherCoordinator = coordinator(TestRegistry.OTHER_COUNTY);

    assertThat(other.get("/api/v1/referrals/" + id).status()).isEqualTo(404);
    assertThat(other.get("/api/v1/referrals/" + id).body()).doesNotContain(TestRegistry.COUNTY);
    assertThat(other.get("/api/v1/referrals/" + id + "/history").status()).isEqualTo(404);
    assertThat(other.get("/api/v1/referrals/" + id + "/patient").status()).isEqualTo(404);
    assertThat(ids(other.get("/api/v1/referrals?limit=200"))).doesNotContain(id);
    assertThat(ids(other.get("/api/v1/referrals?hospital=" + TestRegistry.COUNTY))).isEmpty();
    assertThat(ids(other.get("/api/v1/referrals?patientKey=pk-7f3a9c"))).isEmpty();
    assertThat(feedIds(other)).doesNotContain(id);
    assertThat(otherCoordinator.post("/api/v1/referrals/" + id + "/accept", ACCEPT).status())
        .isEqualTo(404);
    assertThat(
            other
                .post("/api/v1/referrals/" + id + "/cancel", Map.of("reasonCode", "OTHER"))
                .status())
        .isEqualTo(404);
    assertThat(eventCount(id)).isEqualTo(1);
  }

  @Test
  void bothEndsReadItAndFindItInListsAndTheFeed() {
    String id = upward();
    for (ApiClient side :
        List.of(his(TestRegistry.COUNTY), coordinator(TestRegistry.CORE), his(TestRegistry.CORE))) {
      assertThat(side.get("/api/v1/referrals/" + id).status()).isEqualTo(200);
      assertThat(ids(side.get("/api/v1/referrals?status=SUBMITTED&limit=200"))).contains(id);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(feedIds(his(TestRegistry.COUNTY))).contains(id));
  }

  @Test
  void aHospitalSubmitsOnlyAsItself() {
    ApiClient.Response response =
        his(TestRegistry.OTHER_COUNTY).post("/api/v1/referrals", ReferralRequests.upward());
    assertThat(response.status()).as(response.body()).isEqualTo(403);
    assertThat(as(TestTokens.ops()).post("/api/v1/referrals", ReferralRequests.upward()).status())
        .isEqualTo(403);
    assertThat(
            as(TestTokens.manager(TestRegistry.CQ))
                .post("/api/v1/referrals", ReferralRequests.upward())
                .status())
        .isEqualTo(403);
  }

  @Test
  void onlyACoordinatorOfTheReceivingHospitalAndDepartmentAnswers() {
    String id = upward();
    assertThat(
            his(TestRegistry.COUNTY).post("/api/v1/referrals/" + id + "/accept", ACCEPT).status())
        .isEqualTo(403);
    assertThat(
            coordinator(TestRegistry.COUNTY)
                .post("/api/v1/referrals/" + id + "/accept", ACCEPT)
                .status())
        .isEqualTo(403);
    assertThat(his(TestRegistry.CORE).post("/api/v1/referrals/" + id + "/accept", ACCEPT).status())
        .isEqualTo(403);
    assertThat(
            as(TestTokens.coordinator(TestRegistry.CORE, "NEUROLOGY"))
                .post("/api/v1/referrals/" + id + "/accept", ACCEPT)
                .status())
        .isEqualTo(403);
    assertThat(
            as(TestTokens.manager(TestRegistry.CQ))
                .post("/api/v1/referrals/" + id + "/accept", ACCEPT)
                .status())
        .isEqualTo(403);
    assertThat(eventCount(id)).isEqualTo(1);

    ApiClient.Response accepted =
        as(TestTokens.coordinator(TestRegistry.CORE, "CARDIOLOGY"))
            .post("/api/v1/referrals/" + id + "/accept", ACCEPT);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
  }

  @Test
  void onlyTheSenderCancels() {
    String id = upward();
    assertThat(
            coordinator(TestRegistry.CORE)
                .post("/api/v1/referrals/" + id + "/cancel", Map.of("reasonCode", "OTHER"))
                .status())
        .isEqualTo(403);
    assertThat(
            his(TestRegistry.COUNTY)
                .post("/api/v1/referrals/" + id + "/cancel", Map.of("reasonCode", "OTHER"))
                .status())
        .isEqualTo(200);
  }

  @Test
  void allianceManagersReadTheirAlliancesAndOpsReadsAll() {
    String id = upward();
    assertThat(as(TestTokens.manager(TestRegistry.CQ)).get("/api/v1/referrals/" + id).status())
        .isEqualTo(200);
    assertThat(ids(as(TestTokens.manager(TestRegistry.CQ)).get("/api/v1/referrals?limit=200")))
        .contains(id);
    assertThat(as(TestTokens.manager(TestRegistry.SH)).get("/api/v1/referrals/" + id).status())
        .isEqualTo(404);
    assertThat(ids(as(TestTokens.manager(TestRegistry.SH)).get("/api/v1/referrals?limit=200")))
        .doesNotContain(id);
    assertThat(as(TestTokens.ops()).get("/api/v1/referrals/" + id).status()).isEqualTo(200);
    assertThat(as(TestTokens.ops()).get("/api/v1/referrals/" + id + "/patient").status())
        .isEqualTo(403);
  }

  @Test
  void noTokenIs401() {
    assertThat(ApiClient.localhost(port).get("/api/v1/referrals").status()).isEqualTo(401);
  }

  private static List<String> ids(ApiClient.Response page) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode item : page.json().get("items")) {
      ids.add(item.get("id").asString());
    }
    return ids;
  }

  private static List<String> feedIds(ApiClient client) {
    List<String> ids = new ArrayList<>();
    String cursor = "";
    while (true) {
      ApiClient.Response page =
          client.get(
              "/api/v1/referrals/changes?limit=500" + (cursor.isEmpty() ? "" : "&after=" + cursor));
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      JsonNode changes = page.json().get("changes");
      for (JsonNode change : changes) {
        ids.add(change.get("referralId").asString());
      }
      if (changes.isEmpty()) {
        return ids;
      }
      cursor = page.json().get("nextCursor").asString();
    }
  }

  private long eventCount(String id) {
    return jdbc.sql("select count(*) from outbox_event where record_key = :id")
        .param("id", id)
        .query(Long.class)
        .single();
  }
}
