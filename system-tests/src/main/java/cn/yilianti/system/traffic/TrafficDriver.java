package cn.yilianti.system.traffic;

import cn.yilianti.system.harness.RateDriver;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives the platform like its users: each call either starts a new case from the mix or takes the
 * next due step of an earlier one (accept, arrive, complete ... after a short pause, as a
 * coordinator would). Steps that could not be sent are retried as a HIS retries; with idempotency
 * keys, so are steps whose outcome was lost, until the answer is known. Everything lands in the
 * {@link Ledger}.
 */
public final class TrafficDriver implements RateDriver.Request {

  private static final int MAX_ATTEMPTS = 400;
  private static final ZoneId ALLIANCE_ZONE = ZoneId.of("Asia/Shanghai");

  private final Target target;
  private final TrafficMix mix;
  private final Ledger ledger = new Ledger();
  private final Http http = new Http(Duration.ofSeconds(30));
  private final DelayQueue<Case> queue = new DelayQueue<>();
  private final LongAdder abandoned = new LongAdder();
  private volatile Capabilities capabilities =
      new Capabilities(false, false, false, java.util.List.of());
  private volatile boolean submissionsOnly;

  public TrafficDriver(Target target, TrafficMix mix) {
    this.target = target;
    this.mix = mix;
  }

  /** Learns what the platform supports (a few real calls, in the ledger). */
  public Capabilities probe() {
    capabilities = Capabilities.probe(this);
    return capabilities;
  }

  public Capabilities capabilities() {
    return capabilities;
  }

  /** Only new submissions, no lifecycle steps (the benchmark's load). */
  public TrafficDriver submissionsOnly() {
    submissionsOnly = true;
    return this;
  }

  public Ledger ledger() {
    return ledger;
  }

  public TrafficMix mix() {
    return mix;
  }

  /** Steps given up after {@value #MAX_ATTEMPTS} attempts that never reached the platform. */
  public long abandoned() {
    return abandoned.sum();
  }

  /** One call: the next due step of an earlier case, else a new case; true when answered. */
  @Override
  public boolean send() {
    Case next = queue.poll();
    if (next == null) {
      Capabilities caps = capabilities;
      next =
          mix.next(
              ThreadLocalRandom.current(),
              r -> !r.consultation() || (caps.consultations() && !submissionsOnly),
              caps.transitions() && !submissionsOnly);
    }
    Http.Answer answer = call(next);
    handle(next, answer);
    // Availability: the API answered (a 4xx is a business answer, in the ledger by status).
    return answer.outcome() == Http.Outcome.DONE || answer.outcome() == Http.Outcome.REFUSED;
  }

  /**
   * Stops starting lifecycle steps and finishes only the retries, so every call the driver made
   * ends with a known outcome (or, without idempotency keys, an uncertain one).
   */
  public void drain(Duration atMost) {
    queue.removeIf(c -> !c.retrying());
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!queue.isEmpty() && System.nanoTime() < deadline) {
      try {
        Case next = queue.poll(500, TimeUnit.MILLISECONDS);
        if (next != null) {
          handle(next, call(next));
          queue.removeIf(c -> !c.retrying());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    queue.forEach(c -> giveUp(c));
    queue.clear();
  }

  Http.Answer call(Case c) {
    Route route = c.route();
    Step step = c.step();
    String collection =
        route.consultation()
            ? target.referralUrl() + "/api/v1/consultations"
            : target.referralUrl() + "/api/v1/referrals";
    String token;
    try {
      token = target.token(route, step);
    } catch (RuntimeException e) {
      return new Http.Answer(Http.Outcome.NOT_SENT, 0, "no token: " + e.getMessage());
    }
    return http.post(
        step.path(collection, String.valueOf(c.id())), token, c.idempotencyKey(), c.body());
  }

  /** Records a call and, when it succeeded, the cell it raised. */
  void record(Case c, Http.Answer answer) {
    ledger.call(c.step(), answer);
    if (answer.outcome() == Http.Outcome.DONE) {
      ledger.confirmed(c.route().cell(c.step(), today()), c.step().creates());
    }
  }

  private void handle(Case c, Http.Answer answer) {
    record(c, answer);
    switch (answer.outcome()) {
      case DONE -> {
        String id = c.step().creates() ? answer.json().path("id").asString(null) : null;
        if (c.advance(id)) {
          queue.add(c.dueIn(200 + ThreadLocalRandom.current().nextInt(800)));
        }
      }
      case REFUSED -> {
        if (answer.status() == 409 && c.retrying() && capabilities.idempotency()) {
          // the first attempt with this key is still in flight on the server
          retryOrGiveUp(c);
        } else if (c.maybeApplied()) {
          ledger.uncertain(c.route().cell(c.step(), today()));
        }
      }
      case NOT_SENT -> retryOrGiveUp(c);
      case UNCERTAIN -> {
        c.maybeAppliedNow();
        if (capabilities.idempotency()) {
          retryOrGiveUp(c);
        } else {
          ledger.uncertain(c.route().cell(c.step(), today()));
        }
      }
    }
  }

  private void retryOrGiveUp(Case c) {
    if (c.attempts() >= MAX_ATTEMPTS) {
      giveUp(c);
      return;
    }
    c.retry();
    queue.add(c.dueIn(Math.min(2000, 250L * (c.attempts() + 1))));
  }

  private void giveUp(Case c) {
    if (c.maybeApplied()) {
      ledger.uncertain(c.route().cell(c.step(), today()));
    } else {
      abandoned.increment();
    }
  }

  private static LocalDate today() {
    return LocalDate.now(ALLIANCE_ZONE);
  }
}
