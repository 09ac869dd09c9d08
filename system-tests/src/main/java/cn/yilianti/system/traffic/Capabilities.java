package cn.yilianti.system.traffic;

import java.util.ArrayList;
import java.util.List;

/**
 * What the platform under test supports, learnt by trying it once with real calls (recorded in the
 * ledger like any other): lifecycle transitions, consultations, idempotency keys. What is missing
 * is skipped with its reason, never faked.
 */
public record Capabilities(
    boolean transitions, boolean consultations, boolean idempotency, List<String> notes) {

  public static Capabilities probe(TrafficDriver driver) {
    List<String> notes = new ArrayList<>();
    Route up =
        driver.mix().routes().stream()
            .filter(r -> "UP".equals(r.direction()) && r.answerable())
            .findFirst()
            .orElseThrow();
    Case probe = new Case(up, List.of(Step.SUBMIT, Step.ACCEPT));
    Http.Answer first = driver.call(probe);
    if (first.outcome() != Http.Outcome.DONE) {
      throw new IllegalStateException("The platform refuses a plain referral: " + first);
    }
    driver.record(probe, first);
    String id = first.json().path("id").asString();
    Http.Answer again = driver.call(probe);
    boolean idempotency =
        again.outcome() == Http.Outcome.DONE && id.equals(again.json().path("id").asString(""));
    if (!idempotency) {
      driver.record(probe, again);
    }
    if (!idempotency) {
      notes.add(
          "Idempotency-Key not honoured (a repeated submission answered "
              + again.status()
              + "): an unanswered submission stays uncertain instead of being retried");
    }
    probe.advance(id);
    Http.Answer accepted = driver.call(probe);
    boolean transitions = accepted.outcome() == Http.Outcome.DONE;
    if (!transitions) {
      notes.add(
          "Lifecycle transitions not available (accept answered "
              + accepted.status()
              + "): every case stops at SUBMITTED");
    }
    driver.record(probe, accepted);
    Route consultation =
        driver.mix().routes().stream().filter(Route::consultation).findFirst().orElseThrow();
    Case consult = new Case(consultation, List.of(Step.REQUEST_CONSULTATION));
    Http.Answer requested = driver.call(consult);
    boolean consultations = requested.outcome() == Http.Outcome.DONE;
    if (!consultations) {
      notes.add(
          "Consultations not available (POST /api/v1/consultations answered "
              + requested.status()
              + " "
              + requested.sample()
              + "): no consultation traffic");
    }
    driver.record(consult, requested);
    return new Capabilities(transitions, consultations, idempotency, List.copyOf(notes));
  }
}
