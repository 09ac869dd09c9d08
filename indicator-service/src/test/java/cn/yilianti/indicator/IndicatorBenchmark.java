package cn.yilianti.indicator;

import static cn.yilianti.indicator.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.PlatformEvent;
import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralRef;
import cn.yilianti.indicator.rebuild.Rebuild;
import cn.yilianti.indicator.rebuild.RebuildStatus;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.RealInfrastructure;
import cn.yilianti.test.TestInfrastructure;
import cn.yilianti.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: run with {@code -Pbenchmark} (see indicator-service/BENCHMARK.md). Events go through
 * the real in-process broker into PostgreSQL; figures are printed, the assertions only check that
 * every event was counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class IndicatorBenchmark {

  private static final int EVENTS = Integer.getInteger("benchmark.events", 200_000);
  private static final int RATE = 500;
  private static final int LATENCY_SECONDS = 40;

  @LocalServerPort int port;
  @Autowired BindingsLifecycleController bindings;
  @Autowired JdbcClient jdbc;
  @Autowired Rebuild rebuild;

  @Test
  void benchmark() throws Exception {
    String kafka = TestInfrastructure.get().kafkaBootstrapServers();

    // 1. Steady state: a backlog published while the consumer is stopped, then consumed.
    bindings.changeState("indicatorEvents-in-0", BindingsLifecycleController.State.STOPPED);
    try (BulkPublisher bulk = new BulkPublisher(kafka)) {
      for (int i = 0; i < EVENTS; i++) {
        bulk.send(event(i));
      }
      bulk.flush();
    }
    long start = System.nanoTime();
    bindings.changeState("indicatorEvents-in-0", BindingsLifecycleController.State.STARTED);
    await()
        .pollInterval(Duration.ofMillis(200))
        .atMost(Duration.ofMinutes(20))
        .until(() -> counted() >= EVENTS);
    double consumeSeconds = (System.nanoTime() - start) / 1e9;
    assertThat(counted()).isEqualTo(EVENTS);
    System.out.printf(
        "%nBENCHMARK steady-state consume: %d events in %.1f s = %.0f events/s%n",
        EVENTS, consumeSeconds, EVENTS / consumeSeconds);

    // 2. Rebuild of everything on the topics.
    RebuildStatus started = rebuild.start().orElseThrow();
    await()
        .pollInterval(Duration.ofMillis(200))
        .atMost(Duration.ofMinutes(20))
        .until(() -> !rebuild.status().status().equals("RUNNING"));
    RebuildStatus done = rebuild.status();
    assertThat(done.status()).isEqualTo("DONE");
    double rebuildSeconds = Duration.between(done.startedAt(), done.finishedAt()).toNanos() / 1e9;
    assertThat(counted()).isEqualTo(EVENTS);
    System.out.printf(
        "BENCHMARK rebuild: %d records in %.1f s = %.0f records/s%n",
        done.doneRecords(), rebuildSeconds, done.doneRecords() / rebuildSeconds);

    // 3. Event → query-visible at 500 events/s: one probe in 50 is polled over HTTP until seen.
    List<Long> probeMillis = Collections.synchronizedList(new ArrayList<>());
    ApiClient ops =
        ApiClient.localhost(port).withHeader("Authorization", TestTokens.bearer(TestTokens.ops()));
    try (BulkPublisher bulk = new BulkPublisher(kafka);
        ExecutorService pollers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> probes = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int i = 0; i < RATE * LATENCY_SECONDS; i++) {
        long due = t0 + i * 1_000_000_000L / RATE;
        while (System.nanoTime() < due) {
          Thread.onSpinWait();
        }
        if (i % 50 == 0) {
          String hospital = Fixtures.unique("PRB");
          bulk.send(
              Fixtures.submitted(
                  Fixtures.ref(hospital, "BM-T", Direction.UP, Priority.URGENT, Instant.now())));
          bulk.flush();
          long sent = System.nanoTime();
          probes.add(
              pollers.submit(
                  () -> {
                    String trace =
                        "/api/v1/indicators/hospitals/"
                            + hospital
                            + "/events?direction=UP&stage=SUBMITTED&period=ytd";
                    await()
                        .atMost(Duration.ofMinutes(2))
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(10))
                        .until(
                            () -> {
                              ApiClient.Response r = ops.get(trace);
                              return r.status() == 200 && r.json().size() == 1;
                            });
                    probeMillis.add((System.nanoTime() - sent) / 1_000_000);
                    return null;
                  }));
        } else {
          CloudEvent<PlatformEvent> e = event(EVENTS + i);
          bulk.send(e);
        }
      }
      for (Future<?> f : probes) {
        f.get();
      }
    }
    List<Long> sorted = new ArrayList<>(probeMillis);
    Collections.sort(sorted);
    long p50 = sorted.get(sorted.size() / 2);
    long p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    long max = sorted.getLast();

    System.out.printf(
        "BENCHMARK event -> query-visible at %d events/s for %d s: %d probes, p50 %d ms, p99 %d ms, max %d ms%n",
        RATE, LATENCY_SECONDS, sorted.size(), p50, p99, max);
  }

  private long counted() {
    return jdbc.sql("select count(*) from event_log where hospital like 'BM-%'")
        .query(Long.class)
        .single();
  }

  /** A mix shaped like a day's traffic: submissions, answers, consultations over 250 hospitals. */
  private static CloudEvent<PlatformEvent> event(int i) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String hospital = "BM-%03d".formatted(i % 250);
    String counterpart = "BM-T-%03d".formatted(random.nextInt(250));
    Instant t = at(LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365)));
    int kind = random.nextInt(100);
    if (kind < 10) {
      return Fixtures.consultation(hospital, counterpart, ConsultationType.ECG, t);
    }
    ReferralRef ref =
        Fixtures.ref(
            hospital,
            counterpart,
            random.nextBoolean() ? Direction.UP : Direction.DOWN,
            Priority.values()[random.nextInt(3)],
            t);
    if (kind < 70) {
      return Fixtures.submitted(ref);
    }
    if (kind < 95) {
      return Fixtures.accepted(ref, Duration.ofMinutes(random.nextInt(1, 600)));
    }
    return Fixtures.rejected(ref, "NO_BED", Duration.ofMinutes(random.nextInt(1, 600)));
  }
}
