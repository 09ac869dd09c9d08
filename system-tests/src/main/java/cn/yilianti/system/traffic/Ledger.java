package cn.yilianti.system.traffic;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the driver did, as the ground truth of its side: every call by outcome, and per indicator
 * cell the steps it knows succeeded ({@code confirmed}) and those whose outcome it could not learn
 * ({@code uncertain}: a time-out or a dropped connection after the request was sent).
 */
public final class Ledger {

  private final Map<Cell, LongAdder> confirmed = new ConcurrentHashMap<>();
  private final Map<Cell, LongAdder> uncertain = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  private final Map<String, String> refusalSamples = new ConcurrentHashMap<>();
  private final LongAdder calls = new LongAdder();
  private final LongAdder created = new LongAdder();

  void call(Step step, Http.Answer answer) {
    calls.increment();
    outcomes.computeIfAbsent(step + " " + answer.describe(), k -> new LongAdder()).increment();
    if (answer.outcome() == Http.Outcome.REFUSED) {
      refusalSamples.putIfAbsent(step + " " + answer.status(), answer.sample());
    }
  }

  void confirmed(Cell cell, boolean creation) {
    confirmed.computeIfAbsent(cell, c -> new LongAdder()).increment();
    if (creation) {
      created.increment();
    }
  }

  void uncertain(Cell cell) {
    uncertain.computeIfAbsent(cell, c -> new LongAdder()).increment();
  }

  public long calls() {
    return calls.sum();
  }

  /** Referrals and consultations the API confirmed it created. */
  public long created() {
    return created.sum();
  }

  public Map<Cell, Long> confirmed() {
    return snapshot(confirmed);
  }

  public Map<Cell, Long> uncertain() {
    return snapshot(uncertain);
  }

  public long confirmedSteps() {
    return confirmed.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public long uncertainSteps() {
    return uncertain.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Calls per step and outcome, e.g. {@code SUBMIT 201 -> 1234}. */
  public Map<String, Long> outcomes() {
    Map<String, Long> result = new TreeMap<>();
    outcomes.forEach((k, v) -> result.put(k, v.sum()));
    return result;
  }

  /** One answer body per refused step and status, to explain 4xx answers in the report. */
  public Map<String, String> refusalSamples() {
    return new TreeMap<>(refusalSamples);
  }

  public long outcome(Http.Outcome outcome) {
    return outcomes.entrySet().stream()
        .filter(e -> e.getKey().contains("(" + outcome.name().toLowerCase() + ")"))
        .mapToLong(e -> e.getValue().sum())
        .sum();
  }

  private static Map<Cell, Long> snapshot(Map<Cell, LongAdder> counts) {
    Map<Cell, Long> result = new TreeMap<>();
    counts.forEach((k, v) -> result.put(k, v.sum()));
    return result;
  }
}
