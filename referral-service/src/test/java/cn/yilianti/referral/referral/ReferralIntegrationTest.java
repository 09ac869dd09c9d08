package cn.yilianti.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.platform.registry.HospitalDirectory;
import cn.yilianti.referral.TestRegistry;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.RealInfrastructure;
import cn.yilianti.test.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One application context on real PostgreSQL and Kafka, shared by the referral API tests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
abstract class ReferralIntegrationTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired HospitalDirectory directory;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @BeforeEach
  void registryLoaded() {
    TestRegistry.seed(bootstrapServers, directory);
  }

  ApiClient as(String token) {
    return ApiClient.localhost(port).withHeader("Authorization", TestTokens.bearer(token));
  }

  ApiClient his(String hospital) {
    return as(TestTokens.his(hospital));
  }

  ApiClient coordinator(String hospital) {
    return as(TestTokens.coordinator(hospital, null));
  }

  /** Submits and returns the new referral's id, asserting 201. */
  String submit(ApiClient client, Map<String, Object> body) {
    ApiClient.Response response = client.post("/api/v1/referrals", body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("id").asString();
  }

  String upward() {
    return submit(his(TestRegistry.COUNTY), ReferralRequests.upward());
  }
}
