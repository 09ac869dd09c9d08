package cn.yilianti.notification.intake;

import cn.yilianti.events.EventCodec;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code caseEvents} function bound to {@code referral-up}, {@code referral-down} and {@code
 * consultation}. An unreadable record throws {@link cn.yilianti.events.EventDecodingException},
 * which the binder sends to the dead-letter topic without retrying.
 */
@Configuration(proxyBeanMethods = false)
class CaseEventsConsumer {

  @Bean
  Consumer<Message<byte[]>> caseEvents(CaseEventIntake intake) {
    return message -> intake.accept(EventCodec.decode(message.getPayload()));
  }
}
