package cn.yilianti.system.traffic;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One referral or consultation the driver walks through its plan, one step per call. Between calls
 * it waits in the driver's queue; a step that could not be sent, or whose outcome is unknown, is
 * tried again with the same idempotency key.
 */
public final class Case implements Delayed {

  private final Route route;
  private final List<Step> plan;
  private int next;
  private @Nullable String id;
  private String idempotencyKey = UUID.randomUUID().toString();
  private int attempts;
  private boolean retrying;
  private boolean maybeApplied;
  private long dueNanos;
  private @Nullable Object body;

  Case(Route route, List<Step> plan) {
    this.route = route;
    this.plan = plan;
  }

  public Route route() {
    return route;
  }

  public Step step() {
    return plan.get(next);
  }

  public @Nullable String id() {
    return id;
  }

  String idempotencyKey() {
    return idempotencyKey;
  }

  /** The current step's body, made once so that a retry with the same key sends the same body. */
  Object body() {
    if (body == null) {
      body = step().creates() ? route.creationBody() : step().body(route);
    }
    return body;
  }

  int attempts() {
    return attempts;
  }

  boolean retrying() {
    return retrying;
  }

  /** An attempt of the current step may have taken effect (its answer was lost). */
  boolean maybeApplied() {
    return maybeApplied;
  }

  void maybeAppliedNow() {
    maybeApplied = true;
  }

  /** The step succeeded: the next one gets a new key; false when the plan is done. */
  boolean advance(@Nullable String createdId) {
    if (createdId != null) {
      id = createdId;
    }
    next++;
    attempts = 0;
    retrying = false;
    maybeApplied = false;
    body = null;
    idempotencyKey = UUID.randomUUID().toString();
    return next < plan.size();
  }

  /** The same step again later, with the same key. */
  void retry() {
    attempts++;
    retrying = true;
  }

  Case dueIn(long millis) {
    dueNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    return this;
  }

  @Override
  public long getDelay(TimeUnit unit) {
    return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
  }

  @Override
  public int compareTo(Delayed other) {
    return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
  }
}
