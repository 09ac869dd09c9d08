package cn.yilianti.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

  @RepeatedTest(20)
  void waitsBetweenHalfAndAllOfTheDoubledDelayUpToTheCap() {
    assertThat(backoff.after(1)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(backoff.after(4)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    assertThat(backoff.after(40))
        .isBetween(Duration.ofMinutes(2).plusSeconds(30), Duration.ofMinutes(5));
  }
}
