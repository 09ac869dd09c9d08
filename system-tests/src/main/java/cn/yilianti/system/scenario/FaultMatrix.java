package cn.yilianti.system.scenario;

import cn.yilianti.local.ServiceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The scenarios of the short matrix (every build) and of the full one (on demand). */
public final class FaultMatrix {

  /** A few faults at a small load: what {@code ./mvnw verify} runs. */
  public static List<Scenario> shortMatrix(double rate) {
    Duration s4 = Duration.ofSeconds(4);
    Duration s6 = Duration.ofSeconds(6);
    return List.of(
        new Scenario("steady", "Steady load, no fault", Fault.NONE, rate, s6, Duration.ZERO, s4),
        new Scenario(
            "kafka-kill",
            "Kafka broker kill -9, restarted 6 s later",
            Faults.kafkaKill(),
            rate,
            s4,
            s6,
            s6),
        new Scenario(
            "referral-kill-outbox-backlog",
            "referral-service kill -9 between commit and publish (outbox backlog), restarted",
            Faults.referralKillWithBacklog(),
            rate,
            s4,
            Duration.ofSeconds(1),
            s6),
        new Scenario(
            "duplicates-poison",
            "Every referral event published again, plus a poison record",
            Faults.duplicatesAndPoison(),
            rate,
            s4,
            Duration.ZERO,
            s4));
  }

  /** Every fault of the issue, each under steady load. */
  public static List<Scenario> fullMatrix(
      double rate, @Nullable PrivatePostgres postgres, @Nullable WebhookReceiver receiver) {
    Duration before = Duration.ofSeconds(10);
    Duration after = Duration.ofSeconds(15);
    List<Scenario> scenarios = new ArrayList<>();
    Adder add =
        (name, description, fault, during) ->
            scenarios.add(new Scenario(name, description, fault, rate, before, during, after));
    scenarios.add(
        new Scenario(
            "warm-up",
            "A third of the load while the services' JIT compilers warm up",
            Fault.NONE,
            rate / 3,
            s(15),
            Duration.ZERO,
            s(5)));
    add.add("steady", "Steady load, no fault", Fault.NONE, Duration.ZERO);
    add.add("kafka-kill", "Kafka broker kill -9, then restart", Faults.kafkaKill(), s(20));
    add.add(
        "referral-kill-outbox-backlog",
        "referral-service kill -9 between database commit and publish (outbox backlog), then"
            + " restart",
        Faults.referralKillWithBacklog(),
        s(2));
    add.add(
        "duplicates-poison",
        "Every referral event published again, plus a poison record",
        Faults.duplicatesAndPoison(),
        Duration.ZERO);
    add.add(
        "kafka-down-api-up",
        "Kafka down while the API keeps taking referrals",
        Faults.kafkaDownApiUp(),
        s(40));
    add.add(
        "webhook-receiver-down-then-slow",
        "A hospital's webhook receiver down for a minute, then slow",
        Faults.webhookReceiverDownThenSlow(receiver),
        s(60));
    add.add(
        "postgres-restart",
        "PostgreSQL stopped and started again (private server)",
        Faults.postgresRestart(postgres),
        s(10));
    add.add(
        "indicator-scale-1-2-1",
        "indicator-service scaled 1 → 2 → 1 instances (rebalances)",
        Faults.indicatorScaling(),
        s(30));
    for (ServiceKind kind :
        List.of(ServiceKind.INDICATOR, ServiceKind.NOTIFICATION, ServiceKind.REFERRAL)) {
      add.add(
          "kill-" + kind.module(),
          kind.module() + " kill -9 mid-batch, then restart",
          Faults.serviceKill(kind),
          s(5));
    }
    add.add(
        "registry-down",
        "hospital-registry-service kill -9, down while referrals keep flowing, then restart",
        Faults.registryDown(),
        s(30));
    return scenarios;
  }

  private interface Adder {
    void add(String name, String description, Fault fault, Duration during);
  }

  private static Duration s(int seconds) {
    return Duration.ofSeconds(seconds);
  }

  private FaultMatrix() {}
}
