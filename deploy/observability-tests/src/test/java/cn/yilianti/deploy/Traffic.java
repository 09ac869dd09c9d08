package cn.yilianti.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.Topics;
import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.local.ServiceKind;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.EventPublisher;
import cn.yilianti.test.PlatformProcesses;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * What the proof drives through the platform before it asks Prometheus, with real tokens: referrals
 * up and down at every priority they may have, acceptances by the receiving coordinator, a remote
 * consultation, bad requests, reads, and one poison event the consumers must dead-letter.
 */
final class Traffic {

  static final String COUNTY_HOSPITAL = "LSX-RMYY";
  static final String TERTIARY_HOSPITAL = "CQMU-2";
  static final int REFERRALS_PER_DIRECTION_AND_PRIORITY = 2;

  static void drive(PlatformProcesses platform) {
    ApiClient coordinator =
        platform.api(ServiceKind.REFERRAL, platform.credentials().user("cqmu2-coordinator"));
    int upward = 0;
    int downward = 0;
    for (Direction direction : Direction.values()) {
      for (Priority priority : Priority.values()) {
        if (direction == Direction.DOWN && priority == Priority.GREEN_CHANNEL) {
          continue; // the green channel is for upward referrals only
        }
        for (int i = 0; i < REFERRALS_PER_DIRECTION_AND_PRIORITY; i++) {
          String sender = direction == Direction.UP ? COUNTY_HOSPITAL : TERTIARY_HOSPITAL;
          ApiClient.Response submitted =
              platform
                  .api(ServiceKind.REFERRAL, platform.credentials().his(sender))
                  .post("/api/v1/referrals", referral(direction, priority));
          assertThat(submitted.status())
              .as("referral submission answered %s", submitted.body())
              .isEqualTo(201);
          if (direction == Direction.UP) {
            upward++;
            // The receiving coordinator answers the first of each pair: time to accept.
            if (i == 0) {
              String id = submitted.json().get("id").asString();
              ApiClient.Response accepted =
                  coordinator.post(
                      "/api/v1/referrals/" + id + "/accept", Map.of("department", "CARDIOLOGY"));
              assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            }
          } else {
            downward++;
          }
        }
      }
    }
    ApiClient.Response consultation =
        platform
            .api(ServiceKind.REFERRAL, platform.credentials().his(COUNTY_HOSPITAL))
            .post("/api/v1/consultations", consultation());
    assertThat(consultation.status()).as(consultation.body()).isEqualTo(201);
    // The county HIS reports this year's totals and its manager a target: the seed-indicator
    // gauges (out-transfer rate, target, actual) have something to show.
    ApiClient countyIndicators =
        platform.api(ServiceKind.INDICATOR, platform.credentials().his(COUNTY_HOSPITAL));
    String year = String.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
    ApiClient.Response volumes =
        countyIndicators.put(
            "/api/v1/indicators/hospitals/" + COUNTY_HOSPITAL + "/volumes/" + year,
            Map.of(
                "outpatientVisits", 425_542,
                "admissions", 42_612,
                "discharges", 42_300,
                "bedDays", 257_800,
                "beds", 690,
                "staffTrainedUpstream", 12));
    assertThat(volumes.status()).as(volumes.body()).isEqualTo(200);
    ApiClient.Response target =
        countyIndicators.put(
            "/api/v1/indicators/hospitals/"
                + COUNTY_HOSPITAL
                + "/targets/"
                + year
                + "/out_transfer_rate",
            Map.of("target", 0.0002, "better", "LOWER"));
    assertThat(target.status()).as(target.body()).isEqualTo(200);
    ApiClient referrals =
        platform.api(ServiceKind.REFERRAL, platform.credentials().his(COUNTY_HOSPITAL));
    assertThat(referrals.post("/api/v1/referrals", Map.of()).status()).isEqualTo(400);
    assertThat(referrals.get("/api/v1/referrals/" + UUID.randomUUID()).status()).isEqualTo(404);
    try (EventPublisher publisher = new EventPublisher(platform.kafkaBootstrapServers())) {
      publisher.publishRaw(
          Topics.REFERRAL_UP,
          "poison-" + UUID.randomUUID(),
          "not a CloudEvent".getBytes(StandardCharsets.UTF_8));
    }
    ApiClient indicators = platform.api(ServiceKind.INDICATOR, platform.credentials().user("ops"));
    int expectedUp = upward;
    int expectedDown = downward;
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(submitted(indicators, COUNTY_HOSPITAL, "upward")).isEqualTo(expectedUp);
              assertThat(submitted(indicators, TERTIARY_HOSPITAL, "downward"))
                  .isEqualTo(expectedDown);
            });
  }

  private static Map<String, Object> consultation() {
    return Map.of(
        "type", "MDT",
        "priority", "URGENT",
        "fromHospital", COUNTY_HOSPITAL,
        "fromDepartment", "RESPIRATORY",
        "toHospital", TERTIARY_HOSPITAL,
        "toDepartment", "ONCOLOGY",
        "diagnosis", Map.of("code", "C34.1", "text", "lung mass"),
        "question", "surgery or chemoradiotherapy?",
        "patientKey", "pk-" + UUID.randomUUID());
  }

  private static long submitted(ApiClient indicators, String hospital, String direction) {
    return indicators
        .get("/api/v1/indicators/hospitals/" + hospital)
        .json()
        .at("/" + direction + "/SUBMITTED")
        .asLong(0);
  }

  private static Map<String, Object> referral(Direction direction, Priority priority) {
    boolean up = direction == Direction.UP;
    return Map.of(
        "direction",
        direction.name(),
        "priority",
        priority.name(),
        "fromHospital",
        up ? COUNTY_HOSPITAL : TERTIARY_HOSPITAL,
        "fromDepartment",
        "CARDIOLOGY",
        "toHospital",
        up ? TERTIARY_HOSPITAL : COUNTY_HOSPITAL,
        "toDepartment",
        "CARDIOLOGY",
        "diagnosis",
        Map.of("code", "I21.4", "text", "acute myocardial infarction"),
        "patientKey",
        "pk-" + UUID.randomUUID());
  }

  private Traffic() {}
}
