package cn.yilianti.notification.intake;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.EventCodec;
import cn.yilianti.events.PlatformEvent;
import cn.yilianti.platform.registry.HospitalDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code caseEvents} function bound to {@code referral-up}, {@code referral-down} and {@code
 * consultation}. An unreadable record throws {@link cn.yilianti.events.EventDecodingException},
 * which the binder sends to the dead-letter topic without retrying. Recipients come from the
 * registry copy, so an event waits until that copy is usable rather than reaching nobody.
 */
@Configuration(proxyBeanMethods = false)
class CaseEventsConsumer {

  private static final Duration DIRECTORY_WAIT = Duration.ofMinutes(2);

  @Bean
  Consumer<Message<byte[]>> caseEvents(CaseEventIntake intake, HospitalDirectory directory) {
    return message -> {
      CloudEvent<PlatformEvent> event = EventCodec.decode(message.getPayload());
      awaitReady(directory);
      intake.accept(event);
    };
  }

  private static void awaitReady(HospitalDirectory directory) {
    Instant until = Instant.now().plus(DIRECTORY_WAIT);
    while (!directory.isReady()) {
      if (Instant.now().isAfter(until) || Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("the hospital directory is not ready yet");
      }
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
  }
}
