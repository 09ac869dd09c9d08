package cn.yilianti.referral.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.platform.registry.HospitalDirectory;
import cn.yilianti.referral.fixtures.AllianceFixture;
import cn.yilianti.referral.fixtures.ConsultationBodies;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.RealInfrastructure;
import cn.yilianti.test.TestInfrastructure;
import cn.yilianti.test.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The service on a real port, PostgreSQL and Kafka, with both alliances in its directory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
abstract class ConsultationIntegrationTestBase {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired HospitalDirectory directory;

  @BeforeEach
  void alliances() {
    AllianceFixture.ensure(directory, TestInfrastructure.get().kafkaBootstrapServers());
  }

  ApiClient as(String token) {
    return ApiClient.localhost(port).withHeader("Authorization", TestTokens.bearer(token));
  }

  ApiClient countyHis() {
    return as(TestTokens.his(AllianceFixture.COUNTY));
  }

  ApiClient tertiaryCoordinator() {
    return as(TestTokens.coordinator(AllianceFixture.TERTIARY, "ONCOLOGY"));
  }

  /** An MDT request from the county hospital to the tertiary hospital; returns its id. */
  String requested() {
    return requested(ConsultationBodies.mdt());
  }

  String requested(Map<String, Object> body) {
    ApiClient.Response response = countyHis().post("/api/v1/consultations", body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("id").asString();
  }

  String scheduled() {
    String id = requested();
    ApiClient.Response response =
        tertiaryCoordinator()
            .post(
                "/api/v1/consultations/" + id + "/schedule",
                Map.of("scheduledAt", "2099-01-05T02:00:00Z", "expert", "expert-17"));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return id;
  }

  int count(String sql, String id) {
    return jdbc.sql(sql).param("id", id).query(Integer.class).single();
  }

  static void assertProblem(ApiClient.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(status);
  }
}
