package cn.yilianti.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.local.ServiceKind;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.PlatformProcesses;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A county hospital's HIS submits an upward referral to referral-service; indicator-service counts
 * it, through the real broker and the services' own databases, each service in its own process.
 */
class FirstReferralEndToEndTest {

  /** 邻水县人民医院, a seeded county hospital with a demo HIS client; it refers up to CQMU-2. */
  private static final String COUNTY = "LSX-RMYY";

  private static PlatformProcesses platform;

  @BeforeAll
  static void start() {
    platform = PlatformProcesses.start("st_", List.of());
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void upwardReferralRaisesTheSendingHospitalsUpwardCount() {
    long before = upwardSubmitted(COUNTY);

    ApiClient.Response submitted = submitUpwardReferral();

    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(upwardSubmitted(COUNTY)).isEqualTo(before + 1));
  }

  @Test
  void referralTakenWhileKafkaIsDownIsCountedOnceKafkaIsBack() {
    long before = upwardSubmitted(COUNTY);
    String token = platform.credentials().his(COUNTY);
    platform.platform().kafka().kill();
    try {
      ApiClient.Response submitted = submitUpwardReferral(token);
      assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
      assertThat(upwardSubmitted(COUNTY)).isEqualTo(before);
    } finally {
      platform.platform().kafka().start(Duration.ofSeconds(90));
    }
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> assertThat(upwardSubmitted(COUNTY)).isEqualTo(before + 1));
  }

  private static ApiClient.Response submitUpwardReferral() {
    return submitUpwardReferral(platform.credentials().his(COUNTY));
  }

  private static ApiClient.Response submitUpwardReferral(String token) {
    return platform
        .api(ServiceKind.REFERRAL, token)
        .post(
            "/api/v1/referrals",
            Map.of(
                "direction",
                "UP",
                "priority",
                "URGENT",
                "fromHospital",
                COUNTY,
                "toHospital",
                "CQMU-2",
                "diagnosis",
                Map.of("code", "I21.4", "text", "acute myocardial infarction"),
                "patientKey",
                "pk-" + UUID.randomUUID()));
  }

  private static long upwardSubmitted(String hospital) {
    return platform
        .api(ServiceKind.INDICATOR)
        .get("/api/v1/indicators/hospitals/" + hospital)
        .json()
        .at("/upward/SUBMITTED")
        .asLong(0);
  }
}
