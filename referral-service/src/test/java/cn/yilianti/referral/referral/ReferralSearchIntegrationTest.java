package cn.yilianti.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.referral.TestRegistry;
import cn.yilianti.test.ApiClient;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** List and search: filters, cursor pages, and suspected duplicates flagged at submission. */
class ReferralSearchIntegrationTest extends ReferralIntegrationTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Test
  void cursorPagesWalkEveryMatchNewestFirstWithoutRepeats() {
    String patient = "pk-search-" + UUID.randomUUID();
    List<String> submitted = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      submitted.add(
          submit(
              his(TestRegistry.TOWNSHIP), ReferralRequests.township(TestRegistry.COUNTY, patient)));
    }

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      ApiClient.Response page =
          his(TestRegistry.TOWNSHIP)
              .get(
                  "/api/v1/referrals?limit=2&patientKey="
                      + patient
                      + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      for (JsonNode item : page.json().get("items")) {
        seen.add(item.get("id").asString());
      }
      JsonNode next = page.json().get("nextCursor");
      cursor = next == null || next.isNull() ? null : next.asString();
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(submitted.reversed());
  }

  @Test
  void filtersByStatusDirectionPriorityHospitalAndDate() {
    String patient = "pk-filter-" + UUID.randomUUID();
    Map<String, Object> routine = ReferralRequests.township(TestRegistry.COUNTY, patient);
    routine.put("hisBusinessId", "HIS-" + patient);
    String first = submit(his(TestRegistry.TOWNSHIP), routine);
    Map<String, Object> urgent = ReferralRequests.township(TestRegistry.CORE, patient);
    urgent.put("priority", "URGENT");
    String second = submit(his(TestRegistry.TOWNSHIP), urgent);
    coordinator(TestRegistry.COUNTY)
        .post("/api/v1/referrals/" + first + "/accept", Map.of("department", "CARDIOLOGY"));
    String base = "/api/v1/referrals?patientKey=" + patient;

    assertThat(ids(base + "&status=ACCEPTED")).containsExactly(first);
    assertThat(ids(base + "&status=ACCEPTED&status=SUBMITTED")).containsExactly(second, first);
    assertThat(ids(base + "&priority=URGENT")).containsExactly(second);
    assertThat(ids(base + "&direction=DOWN")).isEmpty();
    assertThat(ids(base + "&hospital=" + TestRegistry.CORE)).containsExactly(second);
    assertThat(ids(base + "&from=" + TODAY + "&to=" + TODAY)).containsExactly(second, first);
    assertThat(ids(base + "&to=" + TODAY.minusDays(1))).isEmpty();
    assertThat(ids("/api/v1/referrals?hisBusinessId=HIS-" + patient)).containsExactly(first);
  }

  @Test
  void badFiltersAre400ProblemsNamingTheParameter() {
    assertThat(his(TestRegistry.TOWNSHIP).get("/api/v1/referrals?limit=0").status()).isEqualTo(400);
    assertThat(his(TestRegistry.TOWNSHIP).get("/api/v1/referrals?status=LOST").status())
        .isEqualTo(400);
    ApiClient.Response cursor =
        his(TestRegistry.TOWNSHIP).get("/api/v1/referrals?cursor=bm90LWEtY3Vyc29y");
    assertThat(cursor.status()).isEqualTo(400);
    ApiClient.Response date = his(TestRegistry.TOWNSHIP).get("/api/v1/referrals?from=yesterday");
    assertThat(date.status()).isEqualTo(400);
    assertThat(date.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void samePatientSameHospitalAndDepartmentWithinTheWindowIsFlaggedNotMerged() {
    String patient = "pk-dup-" + UUID.randomUUID();
    Map<String, Object> body = ReferralRequests.upward();
    body.put("patientKey", patient);
    ApiClient.Response first = his(TestRegistry.COUNTY).post("/api/v1/referrals", body);
    ApiClient.Response second = his(TestRegistry.COUNTY).post("/api/v1/referrals", body);
    body.put("toDepartment", "NEUROLOGY");
    ApiClient.Response otherDepartment = his(TestRegistry.COUNTY).post("/api/v1/referrals", body);

    assertThat(first.json().get("suspectedDuplicateOf")).isEmpty();
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().get("suspectedDuplicateOf").get(0).asString())
        .isEqualTo(first.json().get("id").asString());
    assertThat(second.json().get("id").asString()).isNotEqualTo(first.json().get("id").asString());
    assertThat(otherDepartment.json().get("suspectedDuplicateOf")).isEmpty();
  }

  private List<String> ids(String path) {
    ApiClient.Response page = his(TestRegistry.TOWNSHIP).get(path);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode item : page.json().get("items")) {
      ids.add(item.get("id").asString());
    }
    return ids;
  }
}
