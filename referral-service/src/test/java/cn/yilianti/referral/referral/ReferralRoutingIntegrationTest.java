package cn.yilianti.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.referral.TestRegistry;
import cn.yilianti.test.ApiClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Submissions the registry's routing rules refuse: 422 naming the field and the rule. */
class ReferralRoutingIntegrationTest extends ReferralIntegrationTest {

  @Test
  void unknownReceivingHospitalIsRefused() {
    assertRefused(
        TestRegistry.COUNTY, "NO-SUCH-HOSPITAL", "UP", "URGENT", "toHospital:unknown-hospital");
  }

  @Test
  void suspendedReceivingHospitalIsRefused() {
    assertRefused(
        TestRegistry.CORE, TestRegistry.SUSPENDED, "DOWN", "ROUTINE", "toHospital:suspended");
  }

  @Test
  void upwardReferralToALowerLevelIsRefused() {
    assertRefused(
        TestRegistry.COUNTY, TestRegistry.TOWNSHIP, "UP", "ROUTINE", "toHospital:not-higher-level");
  }

  @Test
  void downwardReferralToAHigherLevelIsRefused() {
    assertRefused(
        TestRegistry.COUNTY, TestRegistry.CORE, "DOWN", "ROUTINE", "toHospital:not-lower-level");
  }

  @Test
  void upwardReferralToAnotherAllianceIsRefused() {
    assertRefused(
        TestRegistry.COUNTY,
        TestRegistry.SHANGHAI,
        "UP",
        "URGENT",
        "toHospital:no-shared-alliance");
  }

  @Test
  void greenChannelOnlyToHospitalsThatReceiveIt() {
    assertRefused(
        TestRegistry.TOWNSHIP,
        TestRegistry.COUNTY,
        "UP",
        "GREEN_CHANNEL",
        "priority:no-green-channel");
    Map<String, Object> body = body(TestRegistry.COUNTY, TestRegistry.CORE, "UP", "GREEN_CHANNEL");
    ApiClient.Response allowed = his(TestRegistry.COUNTY).post("/api/v1/referrals", body);
    assertThat(allowed.status()).as(allowed.body()).isEqualTo(201);
  }

  @Test
  void refusedReferralIsNotStored() {
    long before = count();
    assertRefused(
        TestRegistry.COUNTY,
        TestRegistry.SHANGHAI,
        "UP",
        "URGENT",
        "toHospital:no-shared-alliance");
    assertThat(count()).isEqualTo(before);
  }

  private void assertRefused(
      String from, String to, String direction, String priority, String error) {
    ApiClient.Response response =
        his(from).post("/api/v1/referrals", body(from, to, direction, priority));
    assertThat(response.status()).as(response.body()).isEqualTo(422);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(
            response.json().at("/errors/0/field").asString()
                + ":"
                + response.json().at("/errors/0/rule").asString())
        .isEqualTo(error);
  }

  private static Map<String, Object> body(
      String from, String to, String direction, String priority) {
    Map<String, Object> body = ReferralRequests.upward();
    body.put("fromHospital", from);
    body.put("toHospital", to);
    body.put("direction", direction);
    body.put("priority", priority);
    return body;
  }

  private long count() {
    return jdbc.sql("select count(*) from referral").query(Long.class).single();
  }
}
