package cn.yilianti.system.harness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** What happened each second of a run: requests, failures, latency, freshness, and fault marks. */
public final class Timeline {

  private static final long MAX_MILLIS = Duration.ofMinutes(10).toMillis();

  private final Instant start = Instant.now();
  private final Map<Long, Bucket> seconds = new ConcurrentHashMap<>();
  private final List<Mark> marks = new CopyOnWriteArrayList<>();
  private final Histogram latency = new ConcurrentHistogram(MAX_MILLIS, 3);
  private final Histogram freshness = new ConcurrentHistogram(MAX_MILLIS, 3);

  /** A fault or phase boundary, drawn on the plots. */
  public record Mark(double atSecond, String label) {}

  /** One second of the run. */
  public record Second(
      long second,
      long ok,
      long failed,
      double p50Millis,
      double p99Millis,
      double freshnessP99Millis) {}

  public Instant start() {
    return start;
  }

  public void request(Instant intended, Duration latencyTaken, boolean ok) {
    Bucket bucket = bucket(intended);
    (ok ? bucket.ok : bucket.failed).increment();
    long millis = Math.min(MAX_MILLIS, Math.max(0, latencyTaken.toMillis()));
    bucket.latency.recordValue(millis);
    if (ok) {
      latency.recordValue(millis);
    }
  }

  public void freshness(Instant visibleAt, Duration taken) {
    long millis = Math.min(MAX_MILLIS, Math.max(0, taken.toMillis()));
    bucket(visibleAt).freshness.recordValue(millis);
    freshness.recordValue(millis);
  }

  public void mark(String label) {
    marks.add(new Mark(Duration.between(start, Instant.now()).toMillis() / 1000.0, label));
  }

  public List<Mark> marks() {
    return List.copyOf(marks);
  }

  public Histogram latency() {
    return latency;
  }

  public Histogram freshness() {
    return freshness;
  }

  public List<Second> seconds() {
    List<Second> result = new ArrayList<>();
    seconds.keySet().stream()
        .sorted()
        .forEach(
            s -> {
              Bucket b = seconds.get(s);
              result.add(
                  new Second(
                      s,
                      b.ok.sum(),
                      b.failed.sum(),
                      b.latency.getValueAtPercentile(50),
                      b.latency.getValueAtPercentile(99),
                      b.freshness.getValueAtPercentile(99)));
            });
    return result;
  }

  private Bucket bucket(Instant at) {
    long second = Math.max(0, Duration.between(start, at).toSeconds());
    return seconds.computeIfAbsent(second, s -> new Bucket());
  }

  private static final class Bucket {
    final LongAdder ok = new LongAdder();
    final LongAdder failed = new LongAdder();
    final Histogram latency = new ConcurrentHistogram(MAX_MILLIS, 2);
    final Histogram freshness = new ConcurrentHistogram(MAX_MILLIS, 2);
  }
}
