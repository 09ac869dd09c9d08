package cn.yilianti.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.local.ServiceKind;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.PlatformProcesses;
import cn.yilianti.test.TestTokens;
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
    String hospital = uniqueHospital();

    ApiClient.Response submitted = submitUpwardReferral(hospital);

    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(upwardSubmitted(hospital)).isEqualTo(1));
  }

  @Test
  void referralTakenWhileKafkaIsDownIsCountedOnceKafkaIsBack() {
    String hospital = uniqueHospital();
    platform.platform().kafka().kill();
    try {
      ApiClient.Response submitted = submitUpwardReferral(hospital);
      assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
      assertThat(upwardSubmitted(hospital)).isZero();
    } finally {
      platform.platform().kafka().start(Duration.ofSeconds(90));
    }
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> assertThat(upwardSubmitted(hospital)).isEqualTo(1));
  }

  private static ApiClient.Response submitUpwardReferral(String hospital) {
    return platform
        .api(ServiceKind.REFERRAL, TestTokens.his(hospital))
        .post(
            "/api/v1/referrals",
            Map.of(
                "direction",
                "UP",
                "priority",
                "URGENT",
                "fromHospital",
                hospital,
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

  private static String uniqueHospital() {
    return "H-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
