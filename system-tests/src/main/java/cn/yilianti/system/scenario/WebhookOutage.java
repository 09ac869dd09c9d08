package cn.yilianti.system.scenario;

import cn.yilianti.local.ServiceKind;
import cn.yilianti.system.traffic.Capabilities;
import cn.yilianti.system.truth.ReferralDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * A hospital's webhook receiver down for the fault window (its port closed), then slow (3 s per
 * answer) for the rest of the load; afterwards every webhook delivery addressed to it must end
 * sent, none parked or lost.
 */
final class WebhookOutage implements Fault {

  private static final Duration SLOW = Duration.ofSeconds(3);

  private final @Nullable WebhookReceiver receiver;

  WebhookOutage(@Nullable WebhookReceiver receiver) {
    this.receiver = receiver;
  }

  @Override
  public String inject(SystemUnderTest system) {
    Objects.requireNonNull(receiver).down();
    return "webhook receiver down (port closed)";
  }

  @Override
  public String heal(SystemUnderTest system) {
    Objects.requireNonNull(receiver).slow(SLOW);
    receiver.up();
    return "webhook receiver back, answering after " + SLOW.toSeconds() + " s";
  }

  @Override
  public boolean apiStaysUp() {
    return true;
  }

  @Override
  public @Nullable String skipReason(SystemUnderTest system, Capabilities capabilities) {
    return receiver == null
        ? "no local webhook receiver in this run (the seed's endpoints are demo addresses)"
        : null;
  }

  @Override
  public @Nullable String verify(SystemUnderTest system) {
    WebhookReceiver r = Objects.requireNonNull(receiver);
    r.slow(Duration.ZERO);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    long open = unsent(system);
    while (open > 0 && Instant.now().isBefore(deadline)) {
      LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
      open = unsent(system);
    }
    Progress.say(
        "webhook receiver: %d requests, %d messages, %d received more than once; %d not sent"
            .formatted(r.requests(), r.messages(), r.receivedAgain(), open));
    return open == 0 ? null : open + " webhook deliveries to the receiver not sent";
  }

  private static long unsent(SystemUnderTest system) {
    long[] count = new long[1];
    ReferralDatabase.Databases.query(
        system.postgres(),
        system.database(ServiceKind.NOTIFICATION),
        "select count(*) from delivery where channel = 'WEBHOOK'"
            + " and address like 'http://127.0.0.1:%' and status <> 'SENT'",
        rs -> count[0] = rs.getLong(1));
    return count[0];
  }
}
