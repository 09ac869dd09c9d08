package cn.yilianti.referral.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Sends POST requests open-loop (at a fixed rate, latency measured from the intended send time, so
 * a stall counts against every request it delays) or closed-loop (N clients back to back).
 */
final class LoadDriver {

  /** What one step measured; failures split into 4xx, 5xx and I/O errors or time-outs. */
  record Step(
      String name,
      double offered,
      double achieved,
      int ok,
      int failed,
      int dropped,
      Histogram hist,
      String failures) {}

  private final AtomicInteger clientErrors = new AtomicInteger();
  private final AtomicInteger serverErrors = new AtomicInteger();
  private final AtomicInteger ioErrors = new AtomicInteger();

  private static final int MAX_IN_FLIGHT = 4_000;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI uri;
  private final String token;
  private final Supplier<String> body;

  LoadDriver(URI uri, String token, Supplier<String> body) {
    this.uri = uri;
    this.token = token;
    this.body = body;
  }

  Step openLoop(int perSecond, Duration duration) throws InterruptedException {
    Recorder hist = new Recorder(3);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    int dropped = 0;
    Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    long total = perSecond * duration.toSeconds();
    long interval = 1_000_000_000L / perSecond;
    long start = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long intended = start + i * interval;
      long wait = intended - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      if (!inFlight.tryAcquire()) {
        dropped++;
        continue;
      }
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  send(intended, hist, ok, failed);
                } finally {
                  inFlight.release();
                }
              });
    }
    inFlight.acquire(MAX_IN_FLIGHT);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Step(
        "open " + perSecond + "/s",
        perSecond,
        ok.get() / seconds,
        ok.get(),
        failed.get(),
        dropped,
        hist.getIntervalHistogram(),
        failures());
  }

  Step closedLoop(int clients, Duration duration) throws InterruptedException {
    Recorder hist = new Recorder(3);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    Thread[] threads = new Thread[clients];
    for (int c = 0; c < clients; c++) {
      threads[c] =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (System.nanoTime() < end) {
                      send(System.nanoTime(), hist, ok, failed);
                    }
                  });
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Step(
        "closed " + clients + " clients",
        0,
        ok.get() / seconds,
        ok.get(),
        failed.get(),
        0,
        hist.getIntervalHistogram(),
        failures());
  }

  /** Failures since the last call, by kind. */
  private String failures() {
    return "4xx %d, 5xx %d, i/o %d"
        .formatted(clientErrors.getAndSet(0), serverErrors.getAndSet(0), ioErrors.getAndSet(0));
  }

  private void send(long intended, Recorder hist, AtomicInteger ok, AtomicInteger failed) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.get()))
            .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      hist.recordValue(Math.max(1, (System.nanoTime() - intended) / 1_000));
      int status = response.statusCode();
      if (status == 201) {
        ok.incrementAndGet();
      } else {
        failed.incrementAndGet();
        (status >= 500 ? serverErrors : clientErrors).incrementAndGet();
      }
    } catch (java.io.IOException e) {
      failed.incrementAndGet();
      ioErrors.incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed.incrementAndGet();
    }
  }
}
