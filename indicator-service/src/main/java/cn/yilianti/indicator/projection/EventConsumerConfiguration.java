package cn.yilianti.indicator.projection;

import cn.yilianti.events.EventDecodingException;
import cn.yilianti.events.Topics;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The {@code indicatorEvents} function, bound in batch mode to {@code referral-up}, {@code
 * referral-down} and {@code consultation}. Poison records go to {@code <topic>.<group>.dlt}: an
 * unreadable one at once (retrying cannot help), one that fails to count after bounded retries.
 */
@Configuration(proxyBeanMethods = false)
class EventConsumerConfiguration {

  @Bean
  Consumer<Message<List<byte[]>>> indicatorEvents(EventBatchHandler handler) {
    return message -> handler.handle(message.getPayload());
  }

  @Bean
  ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> deadLetterErrorHandler(
      KafkaProperties kafka,
      @Value("${spring.application.name}") String group,
      @Value("${indicator.consumer.retries:4}") long retries,
      @Value("${indicator.consumer.retry-interval:500ms}") java.time.Duration interval) {
    KafkaTemplate<byte[], byte[]> template =
        new KafkaTemplate<>(
            new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(),
                new ByteArraySerializer(),
                new ByteArraySerializer()));
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            template,
            (record, exception) ->
                new TopicPartition(Topics.deadLetter(record.topic(), group), -1));
    DefaultErrorHandler handler =
        new DefaultErrorHandler(recoverer, new FixedBackOff(interval.toMillis(), retries));
    handler.addNotRetryableExceptions(EventDecodingException.class);
    return (container, destination, consumerGroup) -> container.setCommonErrorHandler(handler);
  }

  @Bean
  KafkaAdmin.NewTopics deadLetterTopics(@Value("${spring.application.name}") String group) {
    return new KafkaAdmin.NewTopics(
        Topics.CASE_TOPICS.stream()
            .map(topic -> TopicBuilder.name(Topics.deadLetter(topic, group)).partitions(1).build())
            .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
  }
}
