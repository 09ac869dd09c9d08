package cn.yilianti.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.test.ApiClient;
import cn.yilianti.test.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReferralBadInputIntegrationTest extends ReferralIntegrationTest {

  @Test
  void missingAndMalformedFieldsAreEachNamedWithTheirRule() {
    Map<String, Object> body = ReferralRequests.upward();
    body.remove("toHospital");
    body.put("diagnosis", Map.of("code", "heart attack", "text", ""));

    ApiClient.Response response = api().post("/api/v1/referrals", body);

    assertProblem(response, 400);
    assertThat(errors(response))
        .containsExactlyInAnyOrder(
            "toHospital:NotBlank", "diagnosis.code:Pattern", "diagnosis.text:NotBlank");
  }

  @Test
  void unknownEnumValueNamesTheFieldAndTheAllowedValues() {
    Map<String, Object> body = ReferralRequests.upward();
    body.put("priority", "WHENEVER");

    ApiClient.Response response = api().post("/api/v1/referrals", body);

    assertProblem(response, 400);
    assertThat(errors(response)).containsExactly("priority:enum");
    assertThat(response.body()).contains("GREEN_CHANNEL").doesNotContain("Exception");
  }

  @Test
  void malformedJsonIsABadRequestNotAServerError() {
    ApiClient.Response response =
        api().send("POST", "/api/v1/referrals", "{\"direction\": \"UP\",", "application/json");

    assertProblem(response, 400);
    assertThat(errors(response)).containsExactly("body:json");
  }

  @Test
  void wrongContentTypeIsRefused() {
    ApiClient.Response response =
        api().send("POST", "/api/v1/referrals", "direction=UP", "text/plain");

    assertProblem(response, 415);
  }

  @Test
  void selfReferralIsRefused() {
    Map<String, Object> body = ReferralRequests.upward();
    body.put("toHospital", body.get("fromHospital"));

    ApiClient.Response response = api().post("/api/v1/referrals", body);

    assertProblem(response, 422);
    assertThat(errors(response)).containsExactly("toHospital:self-referral");
  }

  @Test
  void oversizedBodyIsRefusedWith413() {
    Map<String, Object> body = ReferralRequests.upward();
    body.put("patientKey", "x".repeat(300_000));

    assertProblem(api().post("/api/v1/referrals", body), 413);
  }

  @Test
  void unknownRouteAndUnknownReferralAre404Problems() {
    assertProblem(api().get("/api/v1/nothing-here"), 404);
    assertProblem(api().get("/api/v1/referrals/" + UUID.randomUUID()), 404);
  }

  @Test
  void malformedIdIsABadRequestNamingTheParameter() {
    ApiClient.Response response = api().get("/api/v1/referrals/not-a-uuid");

    assertProblem(response, 400);
    assertThat(errors(response)).containsExactly("id:type");
  }

  private ApiClient api() {
    return ApiClient.localhost(port)
        .withHeader("Authorization", TestTokens.bearer(TestTokens.his("LSX-RMYY")));
  }

  private static void assertProblem(ApiClient.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(status);
    assertThat(response.body()).doesNotContain("at cn.yilianti", "trace");
  }

  private static List<String> errors(ApiClient.Response response) {
    List<String> errors = new ArrayList<>();
    for (JsonNode e : response.json().get("errors")) {
      errors.add(e.get("field").asString() + ":" + e.get("rule").asString());
    }
    return errors;
  }
}
