package cn.yilianti.notification.intake;

import cn.yilianti.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Poison records go to {@code <topic>.<group>.dlt}, one dead-letter topic per input topic. */
@Configuration(proxyBeanMethods = false)
class DeadLetterRouting {

  @Bean
  DlqDestinationResolver dlqDestinationResolver(@Value("${spring.application.name}") String group) {
    return (record, exception) -> Topics.deadLetter(record.topic(), group);
  }
}
