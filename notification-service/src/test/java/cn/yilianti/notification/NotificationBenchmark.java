package cn.yilianti.notification;

import static cn.yilianti.notification.support.Hospitals.hospital;
import static cn.yilianti.notification.support.Hospitals.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralAccepted;
import cn.yilianti.events.referral.ReferralRef;
import cn.yilianti.events.registry.ChannelType;
import cn.yilianti.notification.support.Hospitals;
import cn.yilianti.notification.support.IntegrationTestBase;
import cn.yilianti.notification.support.Receiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not part of the normal build (run with {@code -Pbenchmark}): webhook throughput fanned out to a
 * local receiver, and event → webhook delivered latency at a steady 100 events/s. Figures go to
 * stdout and {@code target/benchmark.txt}.
 */
class NotificationBenchmark extends IntegrationTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final List<String> report = new ArrayList<>();

  @Test
  void webhookThroughputAndLatency() throws IOException {
    throughput(40, 5, 1000);
    latency(20, 100, 30);
    Files.write(Path.of("target/benchmark.txt"), report);
    report.forEach(System.out::println);
  }

  /** {@code events} answers spread over {@code hospitals}, each with {@code endpoints} webhooks. */
  private void throughput(int hospitals, int endpoints, int events) {
    try (Receiver receiver = new Receiver()) {
      List<String> codes = hospitals(receiver, hospitals, endpoints, "/t/");
      int expected = events * endpoints;
      Instant start = Instant.now();
      for (int i = 0; i < events; i++) {
        publisher.publish(answer(codes.get(i % hospitals)));
      }
      Instant published = Instant.now();
      await()
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> receiver.accepted("/t/").size() >= expected);
      List<Receiver.Request> received = receiver.accepted("/t/");
      Instant first =
          received.stream().map(Receiver.Request::at).min(Instant::compareTo).orElseThrow();
      Instant last =
          received.stream().map(Receiver.Request::at).max(Instant::compareTo).orElseThrow();
      double seconds = Duration.between(start, last).toMillis() / 1000.0;
      double deliverySeconds = Duration.between(first, last).toMillis() / 1000.0;
      report.add(
          String.format(
              "throughput: %d events -> %d webhooks to %d endpoints; published in %.1f s;"
                  + " all delivered %.1f s after the first publish = %.0f webhooks/s end to end;"
                  + " first to last delivery %.1f s = %.0f webhooks/s",
              events,
              received.size(),
              hospitals * endpoints,
              Duration.between(start, published).toMillis() / 1000.0,
              seconds,
              received.size() / seconds,
              deliverySeconds,
              received.size() / deliverySeconds));
      assertThat(received).hasSize(expected);
    }
  }

  /** {@code rate} events per second for {@code seconds}, one webhook each. */
  private void latency(int hospitals, int rate, int seconds) {
    try (Receiver receiver = new Receiver()) {
      List<String> codes = hospitals(receiver, hospitals, 1, "/l/");
      int total = rate * seconds;
      AtomicInteger sent = new AtomicInteger();
      ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
      clock.scheduleAtFixedRate(
          () -> {
            int n = sent.getAndIncrement();
            if (n < total) {
              publisher.publish(answer(codes.get(n % hospitals)));
            }
          },
          0,
          1_000_000 / rate,
          TimeUnit.MICROSECONDS);
      try {
        await()
            .atMost(Duration.ofSeconds(seconds * 4L))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> receiver.accepted("/l/").size() >= total);
      } finally {
        clock.shutdownNow();
      }
      long[] latencies =
          receiver.accepted("/l/").stream()
              .mapToLong(
                  r ->
                      Duration.between(
                              Instant.parse(JSON.readTree(r.body()).path("timestamp").asString()),
                              r.at())
                          .toMillis())
              .sorted()
              .toArray();
      report.add(
          String.format(
              "latency at %d events/s for %d s (%d webhooks): p50 %d ms, p95 %d ms, p99 %d ms,"
                  + " max %d ms",
              rate,
              seconds,
              latencies.length,
              percentile(latencies, 50),
              percentile(latencies, 95),
              percentile(latencies, 99),
              latencies[latencies.length - 1]));
    }
  }

  private List<String> hospitals(Receiver receiver, int count, int endpoints, String prefix) {
    List<String> codes = new ArrayList<>();
    for (int h = 0; h < count; h++) {
      String code = uniqueCode("B");
      Hospitals hospital = hospital(code);
      for (int e = 0; e < endpoints; e++) {
        hospital.endpoint(ChannelType.WEBHOOK, receiver.url(prefix + code + "/" + e));
      }
      register(hospital.build());
      webhookSecret(code);
      codes.add(code);
    }
    return codes;
  }

  private static cn.yilianti.events.CloudEvent<cn.yilianti.events.PlatformEvent> answer(
      String from) {
    ReferralRef ref = referral(from, "CQMU-2", Priority.URGENT, null);
    return event(new ReferralAccepted(ref, Instant.now(), "CARDIOLOGY", null, null));
  }

  private static long percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
  }
}
