package cn.yilianti.referral.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.referral.fixtures.AllianceFixture;
import cn.yilianti.referral.fixtures.ConsultationBodies;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Hospital A cannot read, list or change hospital B's consultations. */
class ConsultationAccessIntegrationTest extends ConsultationIntegrationTestBase {

  @Test
  void aHisRequestsOnlyFromItsOwnHospital() {
    Map<String, Object> body = ConsultationBodies.mdt();
    body.put("fromHospital", AllianceFixture.OTHER_COUNTY);

    ApiClient.Response response = countyHis().post("/api/v1/consultations", body);

    assertProblem(response, 403);
  }

  @Test
  void readersAreBothHospitalsAndTheirAllianceManagersOthersGet404() {
    String id = requested();
    String path = "/api/v1/consultations/" + id;

    assertThat(countyHis().get(path).status()).isEqualTo(200);
    assertThat(tertiaryCoordinator().get(path).status()).isEqualTo(200);
    assertThat(as(TestTokens.manager(AllianceFixture.CQ)).get(path).status()).isEqualTo(200);
    assertThat(as(TestTokens.ops()).get(path).status()).isEqualTo(200);

    assertProblem(as(TestTokens.his(AllianceFixture.OTHER_COUNTY)).get(path), 404);
    assertProblem(as(TestTokens.his(AllianceFixture.OTHER_COUNTY)).get(path + "/history"), 404);
    assertProblem(as(TestTokens.manager(AllianceFixture.JT)).get(path), 404);
  }

  @Test
  void onlyACoordinatorOfTheReceivingHospitalAndDepartmentAnswers() {
    String id = requested();
    Map<String, Object> schedule =
        Map.of("scheduledAt", "2099-01-05T02:00:00Z", "expert", "expert-17");
    String path = "/api/v1/consultations/" + id + "/schedule";

    assertProblem(countyHis().post(path, schedule), 403);
    assertProblem(as(TestTokens.his(AllianceFixture.TERTIARY)).post(path, schedule), 403);
    assertProblem(
        as(TestTokens.coordinator(AllianceFixture.TERTIARY, "CARDIOLOGY")).post(path, schedule),
        403);
    assertProblem(as(TestTokens.manager(AllianceFixture.CQ)).post(path, schedule), 403);
    assertProblem(
        as(TestTokens.coordinator(AllianceFixture.OTHER_COUNTY, null)).post(path, schedule), 404);
    assertProblem(
        tertiaryCoordinator()
            .post("/api/v1/consultations/" + id + "/cancel", Map.of("reasonCode", "NOT_MINE")),
        403);

    assertThat(tertiaryCoordinator().post(path, schedule).status()).isEqualTo(200);
  }

  @Test
  void listShowsOnlyVisibleConsultationsPagedByCursor() {
    Map<String, Object> ecg = ConsultationBodies.mdt();
    ecg.put("type", "ECG");
    ecg.put("fromHospital", AllianceFixture.OTHER_COUNTY);
    ecg.put("toHospital", AllianceFixture.COUNTY);
    ecg.put("toDepartment", null);
    ApiClient otherHis = as(TestTokens.his(AllianceFixture.OTHER_COUNTY));
    ApiClient.Response foreign = otherHis.post("/api/v1/consultations", ecg);
    assertThat(foreign.status()).as(foreign.body()).isEqualTo(201);
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Map<String, Object> body = ConsultationBodies.mdt();
      body.put("type", "PATHOLOGY");
      mine.add(requested(body));
    }

    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      ApiClient.Response page =
          as(TestTokens.his(AllianceFixture.TERTIARY))
              .get(
                  "/api/v1/consultations?type=PATHOLOGY&limit=2"
                      + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      for (JsonNode item : page.json().get("items")) {
        assertThat(item.get("type").asString()).isEqualTo("PATHOLOGY");
        seen.add(item.get("id").asString());
      }
      JsonNode next = page.json().get("nextCursor");
      cursor = next == null || next.isNull() ? null : next.asString();
    } while (cursor != null);

    assertThat(seen).containsAll(mine).doesNotHaveDuplicates();
    assertThat(seen.subList(0, 5)).containsExactlyElementsOf(mine.reversed());

    String foreignId = foreign.json().get("id").asString();
    assertThat(
            ids(
                as(TestTokens.his(AllianceFixture.TERTIARY))
                    .get("/api/v1/consultations?limit=100")))
        .doesNotContain(foreignId)
        .containsAll(mine);
    assertThat(
            ids(as(TestTokens.manager(AllianceFixture.JT)).get("/api/v1/consultations?limit=100")))
        .doesNotContain(foreignId)
        .doesNotContainAnyElementsOf(mine);
    assertThat(
            ids(
                as(TestTokens.manager(AllianceFixture.CQ))
                    .get("/api/v1/consultations?limit=100&status=REQUESTED")))
        .contains(foreignId);
  }

  @Test
  void badListParametersAre400NamingTheParameter() {
    assertThat(field(countyHis().get("/api/v1/consultations?status=LOST"))).isEqualTo("status");
    assertThat(field(countyHis().get("/api/v1/consultations?limit=0"))).isEqualTo("limit");
    assertThat(field(countyHis().get("/api/v1/consultations?cursor=not-a-cursor")))
        .isEqualTo("cursor");
    assertThat(field(countyHis().get("/api/v1/consultations?requestedFrom=yesterday")))
        .isEqualTo("requestedFrom");
  }

  private static String field(ApiClient.Response response) {
    assertProblem(response, 400);
    return response.json().at("/errors/0/field").asString();
  }

  private static List<String> ids(ApiClient.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    response.json().get("items").forEach(i -> ids.add(i.get("id").asString()));
    return ids;
  }
}
