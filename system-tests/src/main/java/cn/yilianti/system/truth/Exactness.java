package cn.yilianti.system.truth;

import cn.yilianti.system.traffic.Cell;
import cn.yilianti.system.traffic.Ledger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;

/**
 * The exactness check that ends every scenario. It waits until the outbox is drained and the
 * indicator counts stop differing from the database (or time runs out), then compares every cell:
 * indicator API vs referral-service's outbox (per hospital, direction, stage), indicator-service's
 * per-day cells (referrals and consultations) vs the outbox, outbox vs referral rows (per day), and
 * outbox vs what the driver knows it did (per day).
 */
public final class Exactness {

  private final ReferralDatabase database;
  private final IndicatorReadout indicators;
  private final IndicatorDatabase indicatorCells;
  private final Set<String> hospitals;

  public Exactness(
      ReferralDatabase database,
      IndicatorReadout indicators,
      IndicatorDatabase indicatorCells,
      Collection<String> hospitals) {
    this.database = database;
    this.indicators = indicators;
    this.indicatorCells = indicatorCells;
    this.hospitals = new TreeSet<>(hospitals);
  }

  /**
   * @param before the outbox cells committed before the driver started (other load, e.g. a
   *     benchmark), which its ledger cannot know
   */
  public ExactnessReport check(Ledger ledger, Map<Cell, Long> before, Duration atMost) {
    Instant start = Instant.now();
    Instant deadline = start.plus(atMost);
    ReferralDatabase.Events events;
    Map<Cell, Long> expected;
    Map<Cell, Long> counted;
    Map<Cell, Long> perDay;
    while (true) {
      boolean drained = database.backlog() == 0;
      events = database.events();
      expected = totals(events.cells());
      counted = indicators.totals(hospitalsOf(expected));
      perDay = indicatorCells.cells();
      boolean exact = expected.equals(counted) && perDay.equals(events.cells());
      if ((drained && exact) || Instant.now().isAfter(deadline)) {
        break;
      }
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
    }
    Duration converged = Duration.between(start, Instant.now());
    List<String> differences = new ArrayList<>();
    long[] lostAndDoubled = new long[2];
    compare("indicator API vs referral outbox", expected, counted, differences, lostAndDoubled);
    compare(
        "indicator cells (per day) vs referral outbox",
        events.cells(),
        perDay,
        differences,
        new long[2]);
    compare(
        "referral outbox vs referral rows",
        database.submittedReferrals(),
        submissions(events.cells()),
        differences,
        lostAndDoubled);
    Map<Cell, Long> uncertain = ledger.uncertain();
    for (Map.Entry<Cell, Long> e : merged(ledger.confirmed(), events.cells()).entrySet()) {
      Cell cell = e.getKey();
      if ("EXPIRED".equals(cell.stage())) {
        continue; // the service's own deadline sweep, not a driver step
      }
      long confirmed = ledger.confirmed().getOrDefault(cell, 0L);
      long committed = events.cells().getOrDefault(cell, 0L) - before.getOrDefault(cell, 0L);
      long maybe = uncertain.getOrDefault(cell, 0L);
      if (committed < confirmed) {
        lostAndDoubled[0] += confirmed - committed;
        differences.add(
            "driver vs referral outbox: %s confirmed %d, committed %d"
                .formatted(cell, confirmed, committed));
      } else if (committed > confirmed + maybe) {
        lostAndDoubled[1] += committed - confirmed - maybe;
        differences.add(
            "driver vs referral outbox: %s confirmed %d (+%d uncertain), committed %d"
                .formatted(cell, confirmed, maybe, committed));
      }
    }
    return new ExactnessReport(
        events.count(),
        events.published(),
        sum(perDay),
        sum(events.cells()),
        lostAndDoubled[0],
        lostAndDoubled[1],
        ledger.uncertainSteps(),
        List.copyOf(differences),
        converged);
  }

  /** Referral cells (the indicator does not count consultations) summed over days. */
  private static Map<Cell, Long> totals(Map<Cell, Long> cells) {
    Map<Cell, Long> totals = new TreeMap<>();
    cells.forEach(
        (cell, n) -> {
          if (!"CONSULTATION".equals(cell.direction())) {
            totals.merge(cell.total(), n, Long::sum);
          }
        });
    return totals;
  }

  private static Map<Cell, Long> submissions(Map<Cell, Long> cells) {
    Map<Cell, Long> result = new TreeMap<>();
    cells.forEach(
        (cell, n) -> {
          if ("SUBMITTED".equals(cell.stage()) && !"CONSULTATION".equals(cell.direction())) {
            result.put(cell, n);
          }
        });
    return result;
  }

  private Set<String> hospitalsOf(Map<Cell, Long> cells) {
    Set<String> all = new TreeSet<>(hospitals);
    cells.keySet().forEach(c -> all.add(c.hospital()));
    return all;
  }

  /** Adds each differing cell; a count below truth is lost, above it doubled. */
  private static void compare(
      String what,
      Map<Cell, Long> truth,
      Map<Cell, Long> seen,
      List<String> differences,
      long[] lostAndDoubled) {
    for (Cell cell : merged(truth, seen).keySet()) {
      long t = truth.getOrDefault(cell, 0L);
      long s = seen.getOrDefault(cell, 0L);
      if (t != s) {
        lostAndDoubled[t > s ? 0 : 1] += Math.abs(t - s);
        differences.add("%s: %s expected %d, found %d".formatted(what, cell, t, s));
      }
    }
  }

  private static Map<Cell, Long> merged(Map<Cell, Long> a, Map<Cell, Long> b) {
    Map<Cell, Long> all = new TreeMap<>(a);
    b.forEach(all::putIfAbsent);
    return all;
  }

  private static long sum(Map<Cell, Long> cells) {
    return cells.values().stream().mapToLong(Long::longValue).sum();
  }
}
