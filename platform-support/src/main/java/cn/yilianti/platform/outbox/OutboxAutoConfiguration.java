package cn.yilianti.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox writer and its relay, in services that set {@code platform.outbox.enabled=true}. */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"
    })
@ConditionalOnProperty(name = "platform.outbox.enabled", havingValue = "true")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

  @Bean
  OutboxWriter outboxWriter(JdbcClient jdbc, ObjectProvider<OutboxRelay> relay) {
    return new OutboxWriter(jdbc, () -> relay.ifAvailable(OutboxRelay::wakeUp));
  }

  @Bean
  OutboxMetrics outboxMetrics(JdbcClient jdbc, MeterRegistry registry) {
    return new OutboxMetrics(jdbc, registry);
  }

  /**
   * A producer of its own: idempotent, acks from all in-sync replicas, and short blocking times so
   * a broker outage fails a batch quickly instead of stalling the relay.
   */
  @Bean(destroyMethod = "destroy")
  DefaultKafkaProducerFactory<String, byte[]> outboxProducerFactory(KafkaProperties kafka) {
    Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 131072);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
    return new DefaultKafkaProducerFactory<>(
        config, new StringSerializer(), new ByteArraySerializer());
  }

  @Bean
  OutboxRelay outboxRelay(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      ProducerFactory<String, byte[]> outboxProducerFactory,
      KafkaAdmin admin,
      OutboxProperties properties,
      OutboxMetrics metrics) {
    return new OutboxRelay(
        jdbc,
        new TransactionTemplate(transactionManager),
        new KafkaTemplate<>(outboxProducerFactory),
        admin,
        properties,
        metrics);
  }
}
