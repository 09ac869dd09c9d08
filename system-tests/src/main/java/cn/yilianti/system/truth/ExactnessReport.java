package cn.yilianti.system.truth;

import java.time.Duration;
import java.util.List;

/**
 * The end of a scenario, compared three ways: the indicator API against referral-service's
 * database, the database against the driver's ledger, and the referral rows against their outbox
 * events.
 *
 * @param committed case events referral-service committed (outbox rows)
 * @param published of those, acknowledged by the broker
 * @param counted the sum of indicator-service's counts (referrals and consultations, all days)
 * @param expected the sum referral-service's outbox says they should be
 * @param lost counts missing somewhere (must be 0)
 * @param doubled counts present twice somewhere (must be 0)
 * @param uncertain driver steps whose outcome it never learnt (time-outs without idempotency)
 * @param differences every differing cell, the first one first
 * @param converged from the end of the load until the counts matched (or the check gave up)
 */
public record ExactnessReport(
    long committed,
    long published,
    long counted,
    long expected,
    long lost,
    long doubled,
    long uncertain,
    List<String> differences,
    Duration converged) {

  public boolean exact() {
    return differences.isEmpty() && lost == 0 && doubled == 0;
  }

  public String firstDifference() {
    return differences.isEmpty() ? "none" : differences.getFirst();
  }
}
