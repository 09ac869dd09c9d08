package cn.yilianti.indicator.transfer;

import cn.yilianti.events.EventCodec;
import cn.yilianti.events.referral.ReferralEvent;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code referralEvents} function bound to {@code referral-up} and {@code referral-down}. An
 * unreadable record throws {@link cn.yilianti.events.EventDecodingException}, which the binder
 * sends to the dead-letter topic without retrying.
 */
@Configuration(proxyBeanMethods = false)
class ReferralEventsConsumer {

  @Bean
  Consumer<Message<byte[]>> referralEvents(TransferCounter counter) {
    return message -> counter.count(EventCodec.decode(message.getPayload(), ReferralEvent.class));
  }
}
