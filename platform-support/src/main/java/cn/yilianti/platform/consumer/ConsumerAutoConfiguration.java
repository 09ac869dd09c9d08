package cn.yilianti.platform.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Registers {@link ProcessedEvents} wherever a database is configured, and for a consumer with
 * dead-letter topics ({@code platform.consumer.dead-letter-gauge.enabled=true}) the {@link
 * DeadLetterGauge} of its group ({@code spring.application.name}).
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
@ConditionalOnBean(JdbcClient.class)
public class ConsumerAutoConfiguration {

  @Bean
  ProcessedEvents processedEvents(JdbcClient jdbc) {
    return new ProcessedEvents(jdbc);
  }

  @Bean
  @ConditionalOnProperty("platform.consumer.dead-letter-gauge.enabled")
  DeadLetterGauge deadLetterGauge(
      KafkaAdmin kafkaAdmin,
      @Value("${spring.application.name}") String group,
      MeterRegistry registry) {
    return new DeadLetterGauge(kafkaAdmin.getConfigurationProperties(), group, registry);
  }
}
