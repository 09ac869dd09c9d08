package cn.yilianti.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.Topics;
import cn.yilianti.referral.TestRegistry;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Patient name, ID-card number and phone: encrypted in the database, masked in responses, absent
 * from events and logs (even at DEBUG), in full only for the receiving hospital.
 */
@ExtendWith(OutputCaptureExtension.class)
class PatientProtectionIntegrationTest extends ReferralIntegrationTest {

  private static final String NAME = "张三丰";
  private static final String ID_CARD = "510105199001011234";
  private static final String PHONE = "13812345678";

  @Autowired LoggingSystem logging;

  @AfterEach
  void quietAgain() {
    logging.setLogLevel("org.springframework.web", null);
    logging.setLogLevel("cn.yilianti", LogLevel.INFO);
  }

  @Test
  void identityIsEncryptedAtRestMaskedInResponsesAndNeverInEventsOrLogs(CapturedOutput output) {
    logging.setLogLevel("org.springframework.web", LogLevel.DEBUG);
    logging.setLogLevel("cn.yilianti", LogLevel.DEBUG);
    Map<String, Object> body = ReferralRequests.upward();
    body.put("patient", Map.of("name", NAME, "idCardNumber", ID_CARD, "phone", PHONE));

    ApiClient.Response response = his(TestRegistry.COUNTY).post("/api/v1/referrals", body);

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(response.json().at("/patient/name").asString()).isEqualTo("张**");
    assertThat(response.json().at("/patient/idCardNumber").asString())
        .isEqualTo("5101**********1234");
    assertThat(response.json().at("/patient/phone").asString()).isEqualTo("138****5678");
    String id = response.json().get("id").asString();
    assertThat(his(TestRegistry.COUNTY).get("/api/v1/referrals/" + id).body())
        .doesNotContain(ID_CARD, PHONE, NAME);

    String row =
        jdbc.sql("select row_to_json(r)::text from referral r where id = cast(:id as uuid)")
            .param("id", id)
            .query(String.class)
            .single();
    byte[] sealed =
        jdbc.sql("select patient_identity from referral where id = cast(:id as uuid)")
            .param("id", id)
            .query(byte[].class)
            .single();
    assertThat(row).doesNotContain(ID_CARD, PHONE, NAME).contains("\"patient_key_id\":\"dev-1\"");
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
        .doesNotContain(ID_CARD, PHONE)
        .doesNotContain(
            new String(NAME.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));

    ApiClient.Response bad = his(TestRegistry.COUNTY).post("/api/v1/referrals", withBadPhone());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).doesNotContain(ID_CARD);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TopicRecords.readAll(bootstrapServers, Topics.REFERRAL_UP).stream()
                    .anyMatch(r -> id.equals(r.key())));
    List<String> payloads =
        TopicRecords.readAll(bootstrapServers, Topics.REFERRAL_UP).stream()
            .map(r -> new String(r.value(), StandardCharsets.UTF_8))
            .toList();
    assertThat(payloads)
        .noneMatch(p -> p.contains(ID_CARD) || p.contains(PHONE) || p.contains(NAME));
    assertThat(output.getAll()).contains("submitted");
    assertThat(output.getAll()).doesNotContain(ID_CARD).doesNotContain(PHONE).doesNotContain(NAME);
  }

  @Test
  void receivingHospitalReadsTheFullIdentityAndNobodyElse() {
    Map<String, Object> body = ReferralRequests.upward();
    body.put("patient", Map.of("name", NAME, "idCardNumber", ID_CARD, "phone", PHONE));
    String id = submit(his(TestRegistry.COUNTY), body);

    ApiClient.Response full =
        coordinator(TestRegistry.CORE).get("/api/v1/referrals/" + id + "/patient");
    assertThat(full.status()).as(full.body()).isEqualTo(200);
    assertThat(full.json().get("idCardNumber").asString()).isEqualTo(ID_CARD);
    assertThat(full.json().get("name").asString()).isEqualTo(NAME);

    assertThat(his(TestRegistry.COUNTY).get("/api/v1/referrals/" + id + "/patient").status())
        .isEqualTo(403);
    assertThat(his(TestRegistry.OTHER_COUNTY).get("/api/v1/referrals/" + id + "/patient").status())
        .isEqualTo(404);
  }

  private static Map<String, Object> withBadPhone() {
    Map<String, Object> body = ReferralRequests.upward();
    body.put("patient", Map.of("name", NAME, "idCardNumber", ID_CARD, "phone", "call me"));
    return body;
  }
}
