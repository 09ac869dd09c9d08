package cn.yilianti.referral.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.platform.outbox.OutboxRelay;
import cn.yilianti.referral.fixtures.AllianceFixture;
import cn.yilianti.referral.fixtures.RunningService;
import cn.yilianti.test.TestInfrastructure;
import cn.yilianti.test.TestTokens;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Submissions per second and latency of POST /api/v1/referrals (with its outbox row) against the
 * local PostgreSQL, open-loop at stepped rates and closed-loop at maximum, then the outbox relay's
 * rate from a backlog to the in-process broker. Not part of the build: run it with {@code ./mvnw -B
 * -pl referral-service -am verify -Pbenchmark -Dtest=ReferralBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. The driver shares the JVM and the machine with the
 * service, so the figures are a floor.
 */
class ReferralBenchmark {

  private static final List<Integer> RATES =
      Arrays.stream(System.getProperty("bench.rates", "250,500,1000,1500,2000").split(","))
          .map(String::trim)
          .map(Integer::valueOf)
          .toList();
  private static final Duration STEP = Duration.ofSeconds(Long.getLong("bench.step-seconds", 15));
  private static final int CLIENTS = Integer.getInteger("bench.clients", 32);
  private static final int BACKLOG = Integer.getInteger("bench.backlog", 50_000);

  @Test
  void submissionsAndRelay() throws Exception {
    try (RunningService service =
        RunningService.start(
            "logging.level.root=WARN", "spring.datasource.hikari.maximum-pool-size=20")) {
      LoadDriver driver =
          new LoadDriver(
              URI.create("http://127.0.0.1:" + service.port() + "/api/v1/referrals"),
              TestTokens.his(AllianceFixture.COUNTY),
              ReferralBenchmark::referral);
      List<LoadDriver.Step> steps = new ArrayList<>();
      driver.openLoop(RATES.getFirst(), Duration.ofSeconds(10)); // warm-up, not reported
      for (int rate : RATES) {
        steps.add(driver.openLoop(rate, STEP));
        System.out.println(line(steps.getLast()));
      }
      steps.add(driver.closedLoop(CLIENTS, STEP));
      System.out.println(line(steps.getLast()));

      JdbcClient jdbc = service.context().getBean(JdbcClient.class);
      await().atMost(Duration.ofMinutes(5)).until(() -> backlog(jdbc) == 0);
      double relayRate = relay(service.context().getBean(OutboxRelay.class), jdbc);
      String report = report(steps, relayRate);
      System.out.println(report);
      Path out = Path.of("target", "benchmark-result.md");
      Files.writeString(out, report);
      assertThat(steps).allMatch(s -> s.ok() > 0);
    }
  }

  /** Stops the relay, writes a backlog of copies of a real event row, restarts it and times it. */
  private static double relay(OutboxRelay relay, JdbcClient jdbc) {
    relay.stop();
    jdbc.sql(
            """
            insert into outbox_event (event_id, topic, record_key, key_hash, event_type, payload,
                                      headers)
            select gen_random_uuid(), e.topic, k.key, hashtext(k.key), e.event_type, e.payload,
                   e.headers
              from (select gen_random_uuid()::text as key from generate_series(1, :n)) k,
                   (select * from outbox_event order by id desc limit 1) e
            """)
        .param("n", BACKLOG)
        .update();
    assertThat(backlog(jdbc)).isEqualTo(BACKLOG);
    long start = System.nanoTime();
    relay.start();
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> backlog(jdbc) == 0);
    return BACKLOG / ((System.nanoTime() - start) / 1e9);
  }

  private static int backlog(JdbcClient jdbc) {
    return jdbc.sql("select count(*) from outbox_event where published_at is null")
        .query(Integer.class)
        .single();
  }

  private static String referral() {
    return """
        {"direction":"UP","priority":"URGENT","fromHospital":"LSX-RMYY","fromDepartment":"CARDIOLOGY",
         "toHospital":"CQMU-2","toDepartment":"CARDIOLOGY",
         "diagnosis":{"code":"I21.4","text":"急性非ST段抬高型心肌梗死"},"patientKey":"pk-%s"}
        """
        .formatted(UUID.randomUUID());
  }

  private static String line(LoadDriver.Step s) {
    Histogram h = s.hist();
    return "| %s | %.0f | %d | %d (%s) | %d | %.1f | %.1f | %.1f |"
        .formatted(
            s.name(),
            s.achieved(),
            s.ok(),
            s.failed(),
            s.failures(),
            s.dropped(),
            h.getValueAtPercentile(50) / 1000.0,
            h.getValueAtPercentile(99) / 1000.0,
            h.getMaxValue() / 1000.0);
  }

  private static String report(List<LoadDriver.Step> steps, double relayRate) {
    StringBuilder md = new StringBuilder();
    md.append("Run at ")
        .append(Instant.now())
        .append(" on ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" CPUs; ")
        .append(TestInfrastructure.get().mode())
        .append("\n\n| step | submissions/s | ok | failed | dropped | p50 ms | p99 ms | max ms |\n")
        .append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (LoadDriver.Step s : steps) {
      md.append(line(s)).append('\n');
    }
    md.append(
        "\nOutbox relay: %,d events from a backlog in %.0f events/s%n"
            .formatted(BACKLOG, relayRate));
    return md.toString();
  }
}
