package cn.yilianti.referral.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.Topics;
import cn.yilianti.platform.registry.HospitalDirectory;
import cn.yilianti.referral.fixtures.AllianceFixture;
import cn.yilianti.referral.fixtures.ConsultationBodies;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.RealInfrastructure;
import cn.yilianti.test.TestInfrastructure;
import cn.yilianti.test.TestTokens;
import cn.yilianti.test.TopicRecords;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class IdempotencyIntegrationTest {

  private static final String CONSULTATIONS = "/api/v1/consultations";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired HospitalDirectory directory;
  @Autowired IdempotencyConfiguration.IdempotencyCleanup cleanup;

  @BeforeEach
  void alliances() {
    AllianceFixture.ensure(directory, TestInfrastructure.get().kafkaBootstrapServers());
  }

  @Test
  void replaysSameKeyAndBodyWithTheFirstAnswerAndPublishesNoSecondEvent() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = ConsultationBodies.mdt();

    ApiClient.Response first = his().post(CONSULTATIONS, body, "Idempotency-Key", key);
    ApiClient.Response again = his().post(CONSULTATIONS, body, "Idempotency-Key", key);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(again.header("Content-Type")).startsWith("application/json");
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(first.header("Idempotent-Replayed")).isNull();

    String id = first.json().get("id").asString();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(publishedRows(id)).isEqualTo(1));
    assertThat(
            TopicRecords.readAll(
                    TestInfrastructure.get().kafkaBootstrapServers(), Topics.CONSULTATION)
                .stream()
                .filter(r -> id.equals(r.key())))
        .hasSize(1);
    assertThat(jdbc.sql("select count(*) from outbox_event").query(Integer.class).single())
        .isEqualTo(outboxRowsBefore + 1);
  }

  @Test
  void referralSubmissionsAreIdempotentToo() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> referral = referral();

    ApiClient.Response first = his().post("/api/v1/referrals", referral, "Idempotency-Key", key);
    ApiClient.Response again = his().post("/api/v1/referrals", referral, "Idempotency-Key", key);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
    assertThat(
            jdbc.sql("select count(*) from referral where patient_key = :pk")
                .param("pk", referral.get("patientKey"))
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void sameKeyWithAnotherBodyIs422AndCreatesNothing() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = ConsultationBodies.mdt();
    assertThat(his().post(CONSULTATIONS, body, "Idempotency-Key", key).status()).isEqualTo(201);
    int before = consultations();

    body.put("question", "另一个问题");
    ApiClient.Response reused = his().post(CONSULTATIONS, body, "Idempotency-Key", key);

    assertThat(reused.status()).as(reused.body()).isEqualTo(422);
    assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(reused.json().at("/errors/0/field").asString()).isEqualTo("Idempotency-Key");
    assertThat(consultations()).isEqualTo(before);
  }

  @Test
  void concurrentDuplicateWhileTheFirstIsInFlightIs409() throws Exception {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = ConsultationBodies.mdt();
    CompletableFuture<ApiClient.Response> first;
    // Hold the consultation table so the first request stays in flight until we let it go.
    try (Connection lock = lockConsultations()) {
      first =
          CompletableFuture.supplyAsync(
              () -> his().post(CONSULTATIONS, body, "Idempotency-Key", key));
      await().atMost(Duration.ofSeconds(30)).until(() -> openClaims(key) == 1);

      ApiClient.Response duplicate = his().post(CONSULTATIONS, body, "Idempotency-Key", key);

      assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(409);
      assertThat(duplicate.json().at("/errors/0/rule").asString()).isEqualTo("in-flight");
      lock.commit();
    }
    ApiClient.Response answered = first.get();
    assertThat(answered.status()).as(answered.body()).isEqualTo(201);
    ApiClient.Response replay = his().post(CONSULTATIONS, body, "Idempotency-Key", key);
    assertThat(replay.json().get("id").asString()).isEqualTo(answered.json().get("id").asString());
  }

  @Test
  void aClaimAbandonedLongerThanTheInFlightTimeoutIsTakenOverByTheRetry() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = ConsultationBodies.mdt();
    assertThat(his().post(CONSULTATIONS, body, "Idempotency-Key", key).status()).isEqualTo(201);
    // As if the replica had stopped before answering, two minutes ago.
    jdbc.sql(
            "update idempotency_key set status = null, body = null,"
                + " created_at = now() - interval '2 minutes' where idempotency_key = :key")
        .param("key", key)
        .update();

    ApiClient.Response retry = his().post(CONSULTATIONS, body, "Idempotency-Key", key);

    assertThat(retry.status()).as(retry.body()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void aRequestWhoseClaimWasTakenOverMeanwhileRollsBackSoTheEffectHappensOnce() throws Exception {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = ConsultationBodies.mdt();
    int before = consultations();
    CompletableFuture<ApiClient.Response> first;
    CompletableFuture<ApiClient.Response> retry;
    // Both requests wait on the consultation table; the first one's claim is taken over meanwhile,
    // as a retry would after the in-flight timeout when the first looked abandoned.
    try (Connection lock = lockConsultations()) {
      first =
          CompletableFuture.supplyAsync(
              () -> his().post(CONSULTATIONS, body, "Idempotency-Key", key));
      await().atMost(Duration.ofSeconds(30)).until(() -> openClaims(key) == 1);
      jdbc.sql(
              "update idempotency_key set created_at = now() - interval '2 minutes'"
                  + " where idempotency_key = :key")
          .param("key", key)
          .update();
      retry =
          CompletableFuture.supplyAsync(
              () -> his().post(CONSULTATIONS, body, "Idempotency-Key", key));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.sql(
                              "select count(*) from idempotency_key where idempotency_key = :key"
                                  + " and created_at > now() - interval '1 minute'")
                          .param("key", key)
                          .query(Integer.class)
                          .single()
                      == 1);
      lock.commit();
    }

    ApiClient.Response firstAnswer = first.get();
    ApiClient.Response retryAnswer = retry.get();
    assertThat(firstAnswer.status()).as(firstAnswer.body()).isEqualTo(409);
    assertThat(firstAnswer.json().at("/errors/0/rule").asString()).isEqualTo("in-flight");
    assertThat(firstAnswer.header("Location")).isNull();
    assertThat(retryAnswer.status()).as(retryAnswer.body()).isEqualTo(201);
    assertThat(consultations()).isEqualTo(before + 1);
    ApiClient.Response replay = his().post(CONSULTATIONS, body, "Idempotency-Key", key);
    assertThat(replay.json().get("id").asString())
        .isEqualTo(retryAnswer.json().get("id").asString());
  }

  /** A transaction holding the consultation table: requests that insert into it wait. */
  private Connection lockConsultations() throws SQLException {
    Connection lock = dataSource.getConnection();
    lock.setAutoCommit(false);
    try (Statement statement = lock.createStatement()) {
      statement.execute("lock table consultation in exclusive mode");
    }
    return lock;
  }

  private int openClaims(String key) {
    return jdbc.sql(
            "select count(*) from idempotency_key where idempotency_key = :key and status is null")
        .param("key", key)
        .query(Integer.class)
        .single();
  }

  @Test
  void keysAreScopedPerClient() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = ConsultationBodies.mdt();
    ApiClient secondHis =
        ApiClient.localhost(port)
            .withHeader(
                "Authorization",
                TestTokens.bearer(
                    TestTokens.token(
                        "his-LSX-RMYY-ward-system",
                        AllianceFixture.COUNTY,
                        null,
                        List.of("HIS_CLIENT"),
                        List.of())));

    ApiClient.Response mine = his().post(CONSULTATIONS, body, "Idempotency-Key", key);
    ApiClient.Response theirs = secondHis.post(CONSULTATIONS, body, "Idempotency-Key", key);

    assertThat(mine.status()).isEqualTo(201);
    assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);
    assertThat(theirs.header("Idempotent-Replayed")).isNull();
    assertThat(theirs.json().get("id").asString()).isNotEqualTo(mine.json().get("id").asString());
  }

  @Test
  void malformedKeyIs400NamingTheHeader() {
    ApiClient.Response response =
        his().post(CONSULTATIONS, ConsultationBodies.mdt(), "Idempotency-Key", "k".repeat(300));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("Idempotency-Key");
  }

  @Test
  void keysOlderThanTheRetentionAreDeleted() {
    String old = UUID.randomUUID().toString();
    String fresh = UUID.randomUUID().toString();
    his().post(CONSULTATIONS, ConsultationBodies.mdt(), "Idempotency-Key", old);
    his().post(CONSULTATIONS, ConsultationBodies.mdt(), "Idempotency-Key", fresh);
    jdbc.sql(
            "update idempotency_key set created_at = now() - interval '25 hours'"
                + " where idempotency_key = :key")
        .param("key", old)
        .update();

    assertThat(cleanup.cleanup()).isGreaterThanOrEqualTo(1);

    assertThat(keys(old)).isZero();
    assertThat(keys(fresh)).isOne();
  }

  private int outboxRowsBefore;

  @BeforeEach
  void countOutbox() {
    outboxRowsBefore = jdbc.sql("select count(*) from outbox_event").query(Integer.class).single();
  }

  private ApiClient his() {
    return ApiClient.localhost(port)
        .withHeader("Authorization", TestTokens.bearer(TestTokens.his(AllianceFixture.COUNTY)));
  }

  private int publishedRows(String id) {
    return jdbc.sql(
            "select count(*) from outbox_event where record_key = :id and published_at is not null")
        .param("id", id)
        .query(Integer.class)
        .single();
  }

  private int consultations() {
    return jdbc.sql("select count(*) from consultation").query(Integer.class).single();
  }

  private int keys(String key) {
    return jdbc.sql("select count(*) from idempotency_key where idempotency_key = :key")
        .param("key", key)
        .query(Integer.class)
        .single();
  }

  private static Map<String, Object> referral() {
    Map<String, Object> body = new HashMap<>();
    body.put("direction", "UP");
    body.put("priority", "URGENT");
    body.put("fromHospital", AllianceFixture.COUNTY);
    body.put("fromDepartment", "CARDIOLOGY");
    body.put("toHospital", AllianceFixture.TERTIARY);
    body.put("toDepartment", "CARDIOLOGY");
    body.put("diagnosis", Map.of("code", "I21.4", "text", "急性非ST段抬高型心肌梗死"));
    body.put("patientKey", "pk-" + UUID.randomUUID());
    return body;
  }
}
