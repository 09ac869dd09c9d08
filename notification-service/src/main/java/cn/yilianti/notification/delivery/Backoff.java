package cn.yilianti.notification.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: the n-th retry waits between half and all of base x 2^(n-1). */
record Backoff(Duration initial, Duration max) {

  Duration after(int attempts) {
    long cap = max.toMillis();
    long exponential = initial.toMillis() << Math.min(Math.max(attempts - 1, 0), 30);
    long ceiling = Math.min(cap, exponential <= 0 ? cap : exponential);
    long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    return Duration.ofMillis(jittered);
  }
}
