package cn.yilianti.referral.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.platform.registry.HospitalDirectory;
import cn.yilianti.referral.OutboxRows;
import cn.yilianti.referral.ReferralServiceApplication;
import cn.yilianti.referral.TestRegistry;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.RealInfrastructure;
import cn.yilianti.test.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two replicas of the service on one database sweep for passed deadlines at the same time: every
 * overdue referral gets exactly one deadline-passed event, expires exactly once, and the counter
 * summed over both replicas equals the number of referrals.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "referral.answer-deadlines.sweep-interval=200ms",
      "referral.answer-deadlines.expire-after=3s",
      "referral.answer-deadlines.batch-size=4"
    })
@RealInfrastructure
class DeadlineSweepTwoReplicasIntegrationTest {

  private static final int REFERRALS = 40;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired HospitalDirectory directory;
  @Autowired MeterRegistry meters;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Value("${spring.datasource.url}")
  String databaseUrl;

  @Value("${spring.datasource.username}")
  String databaseUser;

  @Value("${spring.datasource.password:}")
  String databasePassword;

  @Test
  void eachDeadlineFiresOnceAndEachReferralExpiresOnceAcrossTwoReplicas() {
    TestRegistry.seed(bootstrapServers, directory);
    ApiClient his =
        ApiClient.localhost(port)
            .withHeader("Authorization", TestTokens.bearer(TestTokens.his(TestRegistry.COUNTY)));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < REFERRALS; i++) {
      ApiClient.Response response = his.post("/api/v1/referrals", urgent(i));
      assertThat(response.status()).as(response.body()).isEqualTo(201);
      ids.add(response.json().get("id").asString());
    }

    try (ConfigurableApplicationContext second = secondReplica()) {
      jdbc.sql("update referral set answer_deadline = now() - interval '1 second'").update();

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(
                          jdbc.sql("select count(*) from referral where status = 'EXPIRED'")
                              .query(Long.class)
                              .single())
                      .isEqualTo(REFERRALS));

      for (String id : ids) {
        assertThat(eventTypes(id))
            .as(id)
            .containsExactly(
                "cn.yilianti.referral.submitted",
                "cn.yilianti.referral.answer-deadline-passed",
                "cn.yilianti.referral.expired");
      }
      assertThat(
              jdbc.sql(
                      "select count(*) from referral_transition where to_status = 'EXPIRED' and actor = 'system'")
                  .query(Long.class)
                  .single())
          .isEqualTo(REFERRALS);
      double fired = passedCount(meters) + passedCount(second.getBean(MeterRegistry.class));
      assertThat(fired).isEqualTo(REFERRALS);
      assertThat(ApiClient.localhost(port).get("/actuator/prometheus").body())
          .contains("referral_answer_deadline_passed_total{")
          .contains("referral_unanswered{")
          .contains("referral_unanswered_overdue{");
    }
  }

  private ConfigurableApplicationContext secondReplica() {
    // Command-line arguments: builder "properties" are defaults that application.yml would
    // override.
    return new SpringApplicationBuilder(ReferralServiceApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + databaseUrl,
            "--spring.datasource.username=" + databaseUser,
            "--spring.datasource.password=" + databasePassword,
            "--spring.datasource.hikari.maximum-pool-size=4",
            "--spring.kafka.bootstrap-servers=" + bootstrapServers,
            "--referral.answer-deadlines.sweep-interval=200ms",
            "--referral.answer-deadlines.expire-after=3s",
            "--referral.answer-deadlines.batch-size=4");
  }

  private static double passedCount(MeterRegistry registry) {
    return registry.find("referral.answer.deadline.passed").counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private List<String> eventTypes(String id) {
    return OutboxRows.eventTypes(jdbc, id);
  }

  private static Map<String, Object> urgent(int i) {
    Map<String, Object> body = new HashMap<>();
    body.put("direction", "UP");
    body.put("priority", "URGENT");
    body.put("fromHospital", TestRegistry.COUNTY);
    body.put("toHospital", TestRegistry.CORE);
    body.put("toDepartment", "CARDIOLOGY");
    body.put("diagnosis", Map.of("code", "I20.0", "text", "不稳定型心绞痛"));
    body.put("patientKey", "pk-deadline-" + i);
    return body;
  }
}
