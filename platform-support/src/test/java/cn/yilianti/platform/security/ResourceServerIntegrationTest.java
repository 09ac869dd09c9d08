package cn.yilianti.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.test.ApiClient;
import cn.yilianti.test.RealInfrastructure;
import cn.yilianti.test.TestTokens;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class ResourceServerIntegrationTest {

  @LocalServerPort int port;

  @Test
  void callerComesFromTheTokenClaims() {
    ApiClient.Response response =
        api(TestTokens.coordinator("CQMU-2", "CARDIOLOGY", "CQMU2-1P8")).get("/api/v1/whoami");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("hospital").asString()).isEqualTo("CQMU-2");
    assertThat(response.json().get("department").asString()).isEqualTo("CARDIOLOGY");
    assertThat(response.json().get("roles").get(0).asString()).isEqualTo("COORDINATOR");
    assertThat(response.json().get("alliances").get(0).asString()).isEqualTo("CQMU2-1P8");
  }

  @Test
  void missingExpiredForeignAndTamperedTokensAreRefusedWith401Problems() {
    JWTClaimsSet expired =
        new JWTClaimsSet.Builder()
            .issuer(TestTokens.ISSUER)
            .subject("his-X")
            .expirationTime(Date.from(Instant.now().minusSeconds(600)))
            .build();
    JWTClaimsSet foreignIssuer =
        new JWTClaimsSet.Builder()
            .issuer("https://elsewhere.invalid")
            .subject("his-X")
            .expirationTime(Date.from(Instant.now().plusSeconds(600)))
            .build();
    String valid = TestTokens.his("LSX-RMYY");
    String tampered = valid.substring(0, valid.length() - 4) + "AAAA";

    for (ApiClient client :
        List.of(
            ApiClient.localhost(port),
            api(TestTokens.sign(expired)),
            api(TestTokens.sign(foreignIssuer)),
            api(tampered))) {
      ApiClient.Response response = client.get("/api/v1/whoami");
      assertThat(response.status()).as(response.body()).isEqualTo(401);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }
  }

  @Test
  void roleChecksAnswer403ProblemsToOtherRoles() {
    ApiClient.Response denied = api(TestTokens.his("LSX-RMYY")).get("/api/v1/managers-only");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.header("Content-Type")).startsWith("application/problem+json");

    assertThat(api(TestTokens.manager("CQMU2-1P8")).get("/api/v1/managers-only").status())
        .isEqualTo(200);
  }

  @Test
  void probesMetricsAndApiDocsNeedNoToken() {
    ApiClient anonymous = ApiClient.localhost(port);
    assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
    assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(200);
    assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
  }

  private ApiClient api(String token) {
    return ApiClient.localhost(port).withHeader("Authorization", TestTokens.bearer(token));
  }
}
