package cn.yilianti.notification.delivery;

import java.time.Duration;

/** What came of one try to send a message through the protections of its endpoint. */
sealed interface SendOutcome {

  /**
   * Delivered; {@code afterTrouble} when this was the trial call of an open circuit, so the
   * endpoint works again and deliveries held or waiting out their backoff can go now.
   */
  record Sent(long latencyMs, boolean afterTrouble) implements SendOutcome {}

  /** The receiver failed or could not be reached: worth retrying. */
  record Failed(long latencyMs, String error) implements SendOutcome {}

  /** The endpoint configuration can never work: park at once. */
  record Invalid(long latencyMs, String error) implements SendOutcome {}

  /**
   * The endpoint's circuit is open: nothing was sent, and every delivery waiting for the endpoint
   * waits until the circuit lets a trial call through.
   */
  record CircuitOpen(Duration retryIn) implements SendOutcome {}

  /** Nothing was sent (bulkhead full, rate limited): not an attempt. */
  record Deferred(String reason, Duration retryIn) implements SendOutcome {}
}
