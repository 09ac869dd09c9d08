package cn.yilianti.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralRef;
import cn.yilianti.events.registry.HospitalLevel;
import cn.yilianti.platform.registry.HospitalDirectory;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.RealInfrastructure;
import cn.yilianti.test.TestInfrastructure;
import cn.yilianti.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A synthetic 2020 shaped like the seed's Linshui row (50 up, 17,454 down), with duplicates and
 * events on both sides of the new year in Beijing time, and the HIS's volume report: the yearly
 * table comes out as Table 1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class YearlyTableIntegrationTest {

  @LocalServerPort int port;
  @Autowired HospitalDirectory directory;

  @Test
  void replaysALinshuiShapedYearIntoTableOne() {
    String alliance = Fixtures.unique("CQMU2");
    String linshui = Fixtures.unique("LSX");
    String tertiary = Fixtures.unique("CQMU");
    String kafka = TestInfrastructure.get().kafkaBootstrapServers();
    List<String> townships = new ArrayList<>();
    try (var registry = new cn.yilianti.test.EventPublisher(kafka)) {
      registry.publish(
          Fixtures.hospital(
              tertiary, HospitalLevel.TERTIARY_A, null, "500000", "500103", alliance));
      registry.publish(
          Fixtures.hospital(
              linshui, HospitalLevel.SECONDARY_A, null, "510000", "511623", alliance));
      for (int i = 0; i < 5; i++) {
        String t = Fixtures.unique("TWN");
        townships.add(t);
        registry.publish(
            Fixtures.hospital(t, HospitalLevel.PRIMARY, linshui, "510000", "511623", alliance));
      }
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> directory.find(townships.getLast()).isPresent());

    Instant newYear2020 = LocalDate.of(2020, 1, 1).atStartOfDay(Fixtures.ZONE).toInstant();
    Instant newYear2021 = LocalDate.of(2021, 1, 1).atStartOfDay(Fixtures.ZONE).toInstant();
    try (BulkPublisher bulk = new BulkPublisher(kafka)) {
      for (int i = 0; i < 50; i++) {
        bulk.send(Fixtures.submitted(ref(linshui, tertiary, Direction.UP, at(newYear2020, i, 50))));
      }
      List<ReferralRef> downs = new ArrayList<>();
      for (int i = 0; i < 17_454; i++) {
        ReferralRef ref =
            ref(
                linshui,
                townships.get(i % townships.size()),
                Direction.DOWN,
                at(newYear2020, i, 17_454));
        downs.add(ref);
        var event = Fixtures.submitted(ref);
        bulk.send(event);
        if (i % 100 == 0) {
          bulk.send(event);
        }
      }
      // Just outside 2020 in Beijing time, though inside it in UTC, and vice versa.
      bulk.send(
          Fixtures.submitted(ref(linshui, tertiary, Direction.UP, newYear2021.plusSeconds(60))));
      bulk.send(
          Fixtures.submitted(ref(linshui, tertiary, Direction.UP, newYear2020.minusSeconds(60))));
      bulk.flush();
    }
    ApiClient his = api(TestTokens.his(linshui, alliance));
    Map<String, Object> volume =
        Map.of(
            "outpatientVisits", 425_542,
            "admissions", 42_612,
            "discharges", 42_616,
            "bedDays", 257_827,
            "beds", 680,
            "staffTrainedUpstream", 49);
    assertThat(
            his.put("/api/v1/indicators/hospitals/" + linshui + "/volumes/2020", volume).status())
        .isEqualTo(200);
    assertThat(
            his.put("/api/v1/indicators/hospitals/" + linshui + "/volumes/2020", volume).status())
        .isEqualTo(200);

    ApiClient manager = api(TestTokens.manager(alliance));
    String yearly = "/api/v1/indicators/hospitals/" + linshui + "/yearly?from=2020&to=2020";
    await()
        .atMost(Duration.ofSeconds(180))
        .untilAsserted(
            () ->
                assertThat(manager.get(yearly).json().at("/0/downwardReferrals").asLong())
                    .isEqualTo(17_454));
    JsonNode row = manager.get(yearly).json().get(0);
    assertThat(row.at("/outpatientVisits").asLong()).isEqualTo(425_542);
    assertThat(row.at("/inpatientVisits").asLong()).isEqualTo(42_612);
    assertThat(row.at("/averageLengthOfStay").decimalValue()).isEqualByComparingTo("6.05");
    assertThat(row.at("/bedTurnover").decimalValue()).isEqualByComparingTo("62.67");
    assertThat(row.at("/upwardReferrals").asLong()).isEqualTo(50);
    assertThat(row.at("/downwardReferrals").asLong()).isEqualTo(17_454);
    assertThat(row.at("/staffTrainedUpstream").asInt()).isEqualTo(49);
    assertThat(row.at("/outTransferRate").decimalValue()).isEqualByComparingTo("0.000117");

    String csv = manager.get(yearly, "Accept", "text/csv").body();
    assertThat(csv.lines().toList().get(1))
        .isEqualTo(linshui + ",2020,425542,42612,6.05,62.67,50,17454,49,50,0.000117");
    String allianceCsv =
        manager
            .get(
                "/api/v1/indicators/alliances/" + alliance + "/yearly?year=2020",
                "Accept",
                "text/csv")
            .body();
    assertThat(allianceCsv.lines()).anyMatch(l -> l.startsWith(linshui + ",2020,425542,"));

    JsonNode target =
        manager
            .put(
                "/api/v1/indicators/hospitals/" + linshui + "/targets/2020/out_transfer_rate",
                Map.of("target", 0.0001, "better", "LOWER"))
            .json();
    assertThat(target.at("/actual").decimalValue()).isEqualByComparingTo("0.000117");
    assertThat(target.at("/met").asBoolean()).isFalse();
    JsonNode reported =
        manager
            .put(
                "/api/v1/indicators/hospitals/" + linshui + "/targets/2020/day_surgery_share",
                Map.of("target", 0.10, "better", "HIGHER", "actual", 0.12))
            .json();
    assertThat(reported.at("/source").asString()).isEqualTo("REPORTED");
    assertThat(reported.at("/met").asBoolean()).isTrue();
  }

  @Test
  void sumsMonthlyVolumesAndRejectsBadOnes() {
    String hospital = Fixtures.unique("VOL");
    ApiClient ops = api(TestTokens.ops());
    Map<String, Object> month =
        Map.of(
            "outpatientVisits", 1000,
            "admissions", 100,
            "discharges", 100,
            "bedDays", 600,
            "beds", 50,
            "staffTrainedUpstream", 2);
    ops.put("/api/v1/indicators/hospitals/" + hospital + "/volumes/2021-01", month);
    ops.put("/api/v1/indicators/hospitals/" + hospital + "/volumes/2021-02", month);
    JsonNode row =
        ops.get("/api/v1/indicators/hospitals/" + hospital + "/yearly?from=2021&to=2021")
            .json()
            .get(0);
    assertThat(row.at("/outpatientVisits").asLong()).isEqualTo(2000);
    assertThat(row.at("/averageLengthOfStay").decimalValue()).isEqualByComparingTo("6.00");
    assertThat(row.at("/bedTurnover").decimalValue()).isEqualByComparingTo("4.00");

    ApiClient.Response negative =
        ops.put(
            "/api/v1/indicators/hospitals/" + hospital + "/volumes/2021-03",
            Map.of(
                "outpatientVisits", -1,
                "admissions", 1,
                "discharges", 1,
                "bedDays", 1,
                "beds", 1,
                "staffTrainedUpstream", 0));
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.json().at("/errors/0/field").asString()).isEqualTo("outpatientVisits");
    ApiClient.Response badPeriod =
        ops.put("/api/v1/indicators/hospitals/" + hospital + "/volumes/2021-13", month);
    assertThat(badPeriod.json().at("/errors/0/field").asString()).isEqualTo("period");
    assertThat(
            api(TestTokens.his("SOMEONE-ELSE"))
                .put("/api/v1/indicators/hospitals/" + hospital + "/volumes/2021-04", month)
                .status())
        .isEqualTo(403);
  }

  private static ReferralRef ref(String from, String to, Direction direction, Instant at) {
    return Fixtures.ref(from, to, direction, Priority.ROUTINE, at);
  }

  /** The i-th of n instants spread over the year starting at {@code start}. */
  private static Instant at(Instant start, int i, int n) {
    long seconds = Duration.ofDays(366).toSeconds() - 3600;
    return start.plusSeconds(seconds * i / n);
  }

  private ApiClient api(String token) {
    return ApiClient.localhost(port).withHeader("Authorization", TestTokens.bearer(token));
  }
}
