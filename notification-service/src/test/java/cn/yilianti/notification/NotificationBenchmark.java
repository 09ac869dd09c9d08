package cn.yilianti.notification;

import static cn.yilianti.notification.support.Hospitals.hospital;
import static cn.yilianti.notification.support.Hospitals.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.EventCodec;
import cn.yilianti.events.PlatformEvent;
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
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not part of the normal build (run with {@code -Pbenchmark}): webhook throughput fanned out to a
 * local receiver, and event → webhook delivered latency at a steady 100 events/s. Figures go to
 * stdout and {@code target/benchmark.txt}.
 */
class NotificationBenchmark extends IntegrationTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final List<String> report = new ArrayList<>();

  @Autowired JdbcClient jdbc;

  @Autowired
  @Qualifier("deliveryWorker")
  SmartLifecycle worker;

  @Test
  void webhookThroughputAndLatency() throws IOException {
    throughput(40, 5, 1000);
    latency(20, 100, 30);
    Files.write(Path.of("target/benchmark.txt"), report);
    report.forEach(System.out::println);
  }

  /**
   * {@code events} answers spread over {@code hospitals}, each with {@code endpoints} webhooks. The
   * worker is held while the events are consumed, so that ingest and delivery are measured apart:
   * then it is released on the whole backlog.
   */
  private void throughput(int hospitals, int endpoints, int events) {
    try (Receiver receiver = new Receiver()) {
      List<String> codes = hospitals(receiver, hospitals, endpoints, "/t/");
      int expected = events * endpoints;
      worker.stop();
      Instant start = Instant.now();
      try (KafkaProducer<String, byte[]> producer = producer()) {
        for (int i = 0; i < events; i++) {
          CloudEvent<PlatformEvent> event = answer(codes.get(i % hospitals));
          producer.send(
              new ProducerRecord<>(
                  event.data().topic(), event.subject(), EventCodec.encode(event)));
        }
      }
      await()
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> deliveries(codes) >= expected);
      Instant ingested = Instant.now();
      worker.start();
      await()
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> receiver.accepted("/t/").size() >= expected);
      List<Receiver.Request> received = receiver.accepted("/t/");
      Instant last =
          received.stream().map(Receiver.Request::at).max(Instant::compareTo).orElseThrow();
      double ingestSeconds = Duration.between(start, ingested).toMillis() / 1000.0;
      double deliverySeconds = Duration.between(ingested, last).toMillis() / 1000.0;
      report.add(
          String.format(
              "ingest: %d events -> %d delivery rows (%d endpoints on %d hospitals) in %.1f s"
                  + " = %.0f events/s, %.0f deliveries/s",
              events,
              expected,
              hospitals * endpoints,
              hospitals,
              ingestSeconds,
              events / ingestSeconds,
              expected / ingestSeconds));
      report.add(
          String.format(
              "delivery throughput: %d signed webhooks delivered in %.1f s = %.0f webhooks/s",
              received.size(), deliverySeconds, received.size() / deliverySeconds));
      assertThat(received).hasSize(expected);
    } finally {
      if (!worker.isRunning()) {
        worker.start();
      }
    }
  }

  private long deliveries(List<String> codes) {
    return jdbc.sql("select count(*) from delivery where hospital = any(:codes)")
        .param("codes", codes.toArray(String[]::new))
        .query(Long.class)
        .single();
  }

  private static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KAFKA,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            5),
        new StringSerializer(),
        new ByteArraySerializer());
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
      report.add(breakdown(codes));
    }
  }

  /** Where the time went: event → notification row committed, then row → delivered. */
  private String breakdown(List<String> codes) {
    return jdbc.sql(
            """
            select percentile_cont(0.5) within group (order by extract(epoch from
                     n.created_at - n.event_time)) * 1000 as consume_p50,
                   percentile_cont(0.99) within group (order by extract(epoch from
                     n.created_at - n.event_time)) * 1000 as consume_p99,
                   percentile_cont(0.5) within group (order by extract(epoch from
                     d.delivered_at - n.created_at)) * 1000 as deliver_p50,
                   percentile_cont(0.99) within group (order by extract(epoch from
                     d.delivered_at - n.created_at)) * 1000 as deliver_p99
              from delivery d join notification n on n.id = d.notification_id
             where d.hospital = any(:codes)
            """)
        .param("codes", codes.toArray(String[]::new))
        .query(
            (rs, n) ->
                String.format(
                    "  of which event -> notification committed: p50 %.0f ms, p99 %.0f ms;"
                        + " committed -> delivered: p50 %.0f ms, p99 %.0f ms",
                    rs.getDouble("consume_p50"),
                    rs.getDouble("consume_p99"),
                    rs.getDouble("deliver_p50"),
                    rs.getDouble("deliver_p99")))
        .single();
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

  private static CloudEvent<PlatformEvent> answer(String from) {
    ReferralRef ref = referral(from, "CQMU-2", Priority.URGENT, null);
    return event(new ReferralAccepted(ref, Instant.now(), "CARDIOLOGY", null, null));
  }

  private static long percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
  }
}
