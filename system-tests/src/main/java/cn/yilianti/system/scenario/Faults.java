package cn.yilianti.system.scenario;

import cn.yilianti.events.Topics;
import cn.yilianti.local.ServiceKind;
import cn.yilianti.local.process.ChildProcess;
import cn.yilianti.system.truth.ReferralDatabase;
import cn.yilianti.test.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/** The fault matrix: each fault as a pair of actions on the running platform. */
public final class Faults {

  private static final Duration KAFKA_START = Duration.ofSeconds(90);

  /** {@code kill -9} of the broker, then a restart on the same data. */
  public static Fault kafkaKill() {
    return kafka(false, "broker killed (SIGKILL)");
  }

  /** {@code kill -9} of one service mid-batch, then a restart. */
  public static Fault serviceKill(ServiceKind kind) {
    return simple(
        kind != ServiceKind.REFERRAL,
        s -> {
          s.platform().platform().killService(kind);
          return kind.module() + " killed (SIGKILL)";
        },
        s -> {
          s.platform().platform().startService(kind);
          return kind.module() + " restarted";
        });
  }

  /**
   * referral-service killed between database commit and publish: the kill waits until the outbox
   * holds committed rows the relay has not yet sent, so those rows' events exist only in the
   * database when the process dies.
   */
  public static Fault referralKillWithBacklog() {
    return simple(
        false,
        s -> {
          ReferralDatabase db = s.referralDatabase();
          Instant giveUp = Instant.now().plusSeconds(20);
          long backlog = db.backlog();
          while (backlog == 0 && Instant.now().isBefore(giveUp)) {
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
            backlog = db.backlog();
          }
          s.platform().platform().killService(ServiceKind.REFERRAL);
          long after = db.backlog();
          return "referral-service killed (SIGKILL) with %d unpublished outbox rows seen just before, %d right after"
              .formatted(backlog, after);
        },
        s -> {
          s.platform().platform().startService(ServiceKind.REFERRAL);
          return "referral-service restarted";
        });
  }

  /** A second indicator-service instance joins the consumer group, then one leaves again. */
  public static Fault indicatorScaling() {
    return new Fault() {
      private @Nullable ChildProcess replica;

      @Override
      public String inject(SystemUnderTest s) {
        int port = TestInfrastructure.freePort();
        replica = s.platform().platform().startReplica(ServiceKind.INDICATOR, port);
        return "indicator-service scaled 1 → 2 (second instance on port " + port + ")";
      }

      @Override
      public String heal(SystemUnderTest s) {
        if (replica != null) {
          replica.stop(Duration.ofSeconds(40));
        }
        return "indicator-service scaled 2 → 1 (second instance stopped)";
      }

      @Override
      public boolean apiStaysUp() {
        return true;
      }
    };
  }

  /** Every event already on the referral topics published again, plus one poison record. */
  public static Fault duplicatesAndPoison() {
    return new DuplicatesAndPoison();
  }

  /** The broker down for the whole fault window while the API keeps taking referrals. */
  public static Fault kafkaDownApiUp() {
    return kafka(true, "broker down (SIGKILL); the API must keep answering");
  }

  private static Fault kafka(boolean apiStaysUp, String note) {
    return simple(
        apiStaysUp,
        s -> {
          s.platform().platform().kafka().kill();
          return note;
        },
        s -> {
          s.platform().platform().kafka().start(KAFKA_START);
          return "broker restarted on the same data";
        });
  }

  /** The registry down while referrals keep flowing (tokens and directory already held). */
  public static Fault registryDown() {
    return serviceKill(ServiceKind.REGISTRY);
  }

  /** PostgreSQL stopped and started again, only on a private server this run owns. */
  public static Fault postgresRestart(@Nullable PrivatePostgres postgres) {
    return skippable(
        simple(
            false,
            s -> {
              java.util.Objects.requireNonNull(postgres).stop();
              return "PostgreSQL stopped (fast shutdown)";
            },
            s -> {
              java.util.Objects.requireNonNull(postgres).start();
              return "PostgreSQL started again on the same data";
            }),
        postgres == null
            ? "runs only on a private embedded PostgreSQL (the machine's shared server is never"
                + " restarted)"
            : null);
  }

  /** A hospital's webhook receiver down for the fault window, then slow. */
  public static Fault webhookReceiverDownThenSlow(@Nullable WebhookReceiver receiver) {
    return new WebhookOutage(receiver);
  }

  /** A fault whose inject and heal are plain actions. */
  interface Action {
    String run(SystemUnderTest system) throws Exception;
  }

  static Fault simple(boolean apiStaysUp, Action inject, Action heal) {
    return new ActionFault(apiStaysUp, null, inject, heal);
  }

  /** {@code fault}, skipped with {@code reason} when the reason is not null. */
  static Fault skippable(Fault fault, @Nullable String reason) {
    ActionFault f = (ActionFault) fault;
    return new ActionFault(f.apiStaysUp(), reason, f.inject(), f.heal());
  }

  private record ActionFault(boolean apiStaysUp, @Nullable String skip, Action inject, Action heal)
      implements Fault {

    @Override
    public String inject(SystemUnderTest s) throws Exception {
      return inject.run(s);
    }

    @Override
    public String heal(SystemUnderTest s) throws Exception {
      return heal.run(s);
    }

    @Override
    public @Nullable String skipReason(
        SystemUnderTest s, cn.yilianti.system.traffic.Capabilities c) {
      return skip;
    }
  }

  static String deadLetterTopic() {
    return Topics.deadLetter(Topics.REFERRAL_UP, ServiceKind.INDICATOR.module());
  }

  private Faults() {}
}
