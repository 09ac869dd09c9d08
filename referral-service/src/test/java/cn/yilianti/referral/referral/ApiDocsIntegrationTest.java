package cn.yilianti.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.test.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document lists every referral endpoint and asks for no caller parameter. */
class ApiDocsIntegrationTest extends ReferralIntegrationTest {

  @Test
  void openApiDocumentListsTheLifecycleWithoutTheCallerAsAParameter() {
    ApiClient.Response docs = ApiClient.localhost(port).get("/v3/api-docs");

    assertThat(docs.status()).isEqualTo(200);
    JsonNode paths = docs.json().get("paths");
    assertThat(paths.has("/api/v1/referrals/{id}/accept")).isTrue();
    assertThat(paths.has("/api/v1/referrals/{id}/no-show")).isTrue();
    assertThat(paths.has("/api/v1/referrals/changes")).isTrue();
    assertThat(docs.json().get("openapi").asString()).startsWith("3.1");
    assertThat(docs.body()).doesNotContain("\"name\":\"caller\"");
  }
}
