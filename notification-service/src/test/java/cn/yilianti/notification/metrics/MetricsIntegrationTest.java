package cn.yilianti.notification.metrics;

import static cn.yilianti.notification.support.Hospitals.email;
import static cn.yilianti.notification.support.Hospitals.hospital;
import static cn.yilianti.notification.support.Hospitals.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.registry.ChannelType;
import cn.yilianti.events.registry.CoordinatorRole;
import cn.yilianti.notification.support.IntegrationTestBase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsIntegrationTest extends IntegrationTestBase {

  @Test
  void exportsTheNotificationMetricsOfTheContract() {
    String to = uniqueCode("TO");
    register(
        hospital(to)
            .coordinator("m", CoordinatorRole.COORDINATOR, null, email("m@to.test"))
            .endpoint(ChannelType.WEBHOOK, "not a url")
            .build());
    publisher.publish(submitted(referral(uniqueCode("FROM"), to, Priority.GREEN_CHANNEL, null)));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              String metrics = ops().get("/actuator/prometheus").body();
              assertThat(metrics)
                  .containsPattern(
                      "notification_deliveries_total\\{[^}]*channel=\"EMAIL\",outcome=\"SENT\"} [1-9]")
                  .containsPattern(
                      "notification_deliveries_total\\{[^}]*channel=\"WEBHOOK\",outcome=\"FAILED\"} [1-9]")
                  .containsPattern("notification_parked\\{[^}]*channel=\"WEBHOOK\"} [1-9]")
                  .containsPattern(
                      "notification_delivery_latency_seconds_bucket\\{[^}]*channel=\"EMAIL\"")
                  .containsPattern(
                      "notification_unacknowledged\\{[^}]*priority=\"GREEN_CHANNEL\"} [1-9]")
                  .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"email\"")
                  .containsPattern(
                      "dead_letter_topic_records\\{[^}]*topic=\"referral-up.notification-service.dlt\"")
                  .doesNotContain("resilience4j_circuitbreaker_calls");
            });
  }
}
