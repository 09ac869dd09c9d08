package cn.yilianti.indicator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.Topics;
import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralRef;
import cn.yilianti.indicator.Fixtures;
import cn.yilianti.platform.consumer.DeadLetterGauge;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.EventPublisher;
import cn.yilianti.test.RealInfrastructure;
import cn.yilianti.test.TestInfrastructure;
import cn.yilianti.test.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class MetricsIntegrationTest {

  @LocalServerPort int port;
  @Autowired DatabaseGauges databaseGauges;
  @Autowired DeadLetterGauge deadLetterGauge;

  @Test
  void exportsTheBusinessMetricsOfTheContract() {
    String hospital = Fixtures.unique("MET");
    Instant now = Instant.now();
    ReferralRef ref = Fixtures.ref(hospital, "CQMU-2", Direction.UP, Priority.GREEN_CHANNEL, now);
    try (EventPublisher publisher =
        new EventPublisher(TestInfrastructure.get().kafkaBootstrapServers())) {
      var submitted = Fixtures.submitted(ref);
      publisher.publish(submitted);
      publisher.publish(submitted);
      publisher.publish(Fixtures.accepted(ref, Duration.ofMinutes(12)));
      publisher.publish(Fixtures.consultation(hospital, "CQMU-2", ConsultationType.ECG, now));
      publisher.publishRaw(
          Topics.CONSULTATION, "poison", "not an event".getBytes(StandardCharsets.UTF_8));
    }
    ApiClient ops =
        ApiClient.localhost(port).withHeader("Authorization", TestTokens.bearer(TestTokens.ops()));
    ops.put(
        "/api/v1/indicators/hospitals/"
            + hospital
            + "/volumes/"
            + java.time.Year.now(Fixtures.ZONE),
        Map.of(
            "outpatientVisits", 1000,
            "admissions", 10,
            "discharges", 10,
            "bedDays", 60,
            "beds", 5,
            "staffTrainedUpstream", 1));
    ops.put(
        "/api/v1/indicators/hospitals/"
            + hospital
            + "/targets/"
            + java.time.Year.now(Fixtures.ZONE)
            + "/out_transfer_rate",
        Map.of("target", 0.01, "better", "LOWER"));

    String h = "hospital=\"" + hospital + "\"";
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              databaseGauges.refresh();
              deadLetterGauge.refresh();
              String metrics = ApiClient.localhost(port).get("/actuator/prometheus").body();
              assertThat(line(metrics, "indicator_transfers_total{", h, "stage=\"SUBMITTED\""))
                  .endsWith(" 1.0");
              assertThat(line(metrics, "indicator_transfers_total{", h, "stage=\"ACCEPTED\""))
                  .endsWith(" 1.0");
              assertThat(line(metrics, "indicator_consultations_total{", h, "type=\"ECG\""))
                  .endsWith(" 1.0");
              assertThat(
                      line(
                          metrics,
                          "indicator_time_to_accept_seconds_count{",
                          "priority=\"GREEN_CHANNEL\""))
                  .isNotEmpty();
              assertThat(line(metrics, "indicator_event_freshness_seconds_count{", "referral-up"))
                  .isNotEmpty();
              assertThat(
                      line(
                          metrics,
                          "indicator_yearly_transfers{",
                          h,
                          "direction=\"UP\"",
                          "year=\"" + java.time.Year.now(Fixtures.ZONE) + "\""))
                  .endsWith(" 1.0");
              assertThat(line(metrics, "indicator_out_transfer_rate{", h)).endsWith(" 0.001");
              assertThat(line(metrics, "indicator_target{", h, "out_transfer_rate"))
                  .endsWith(" 0.01");
              assertThat(line(metrics, "indicator_actual{", h, "out_transfer_rate"))
                  .endsWith(" 0.001");
              String dlt =
                  line(metrics, "dead_letter_topic_records{", "consultation.indicator-service.dlt");
              assertThat(Double.parseDouble(dlt.substring(dlt.lastIndexOf(' ') + 1))).isPositive();
            });
  }

  private static String line(String metrics, String... parts) {
    return metrics
        .lines()
        .filter(l -> java.util.Arrays.stream(parts).allMatch(l::contains))
        .findFirst()
        .orElse("");
  }
}
