package cn.yilianti.system.harness;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Open-loop load: requests start on a fixed schedule whatever the answers, and latency counts from
 * the scheduled start, so a stalled service shows as latency instead of silently lowering the rate
 * (no coordinated omission). In-flight requests are capped; a request that finds the cap reached is
 * counted as failed.
 */
public final class RateDriver {

  /** One request; true when it succeeded. */
  @FunctionalInterface
  public interface Request {
    boolean send() throws Exception;
  }

  private final Timeline timeline;
  private final int maxInFlight;
  private final LongAdder sent = new LongAdder();

  public RateDriver(Timeline timeline, int maxInFlight) {
    this.timeline = timeline;
    this.maxInFlight = maxInFlight;
  }

  public long sent() {
    return sent.sum();
  }

  /** Runs {@code request} at {@code perSecond} for {@code duration} or until {@code stop}. */
  public void run(double perSecond, Duration duration, Request request, BooleanSupplier stop) {
    Semaphore inFlight = new Semaphore(maxInFlight);
    long intervalNanos = (long) (1_000_000_000L / perSecond);
    long begin = System.nanoTime();
    Instant beginWall = Instant.now();
    long end = begin + duration.toNanos();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (long i = 0; ; i++) {
        long due = begin + i * intervalNanos;
        if (due >= end || stop.getAsBoolean()) {
          break;
        }
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        Instant intended = beginWall.plusNanos(due - begin);
        sent.increment();
        if (!inFlight.tryAcquire()) {
          timeline.request(intended, Duration.between(intended, Instant.now()), false);
          continue;
        }
        executor.execute(
            () -> {
              boolean ok;
              try {
                ok = request.send();
              } catch (Exception e) {
                ok = false;
              } finally {
                inFlight.release();
              }
              timeline.request(intended, Duration.between(intended, Instant.now()), ok);
            });
      }
      executor.shutdown();
      awaitQuietly(executor);
    }
  }

  private static void awaitQuietly(ExecutorService executor) {
    try {
      executor.awaitTermination(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
