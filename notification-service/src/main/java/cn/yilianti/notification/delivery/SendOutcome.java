package cn.yilianti.notification.delivery;

import java.time.Duration;

/** What came of one try to send a message through the protections of its endpoint. */
sealed interface SendOutcome {

  record Sent(long latencyMs) implements SendOutcome {}

  /** The receiver failed or could not be reached: worth retrying. */
  record Failed(long latencyMs, String error) implements SendOutcome {}

  /** The endpoint configuration can never work: park at once. */
  record Invalid(long latencyMs, String error) implements SendOutcome {}

  /** Nothing was sent (circuit open, bulkhead full, rate limited): not an attempt. */
  record Deferred(String reason, Duration retryIn) implements SendOutcome {}
}
