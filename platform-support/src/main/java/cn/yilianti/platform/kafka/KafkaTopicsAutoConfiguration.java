package cn.yilianti.platform.kafka;

import cn.yilianti.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the platform's topics with their partition counts, so they exist as designed whichever
 * service starts first: case topics partitioned by case id, the registry topic compacted.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaAdmin.class)
public class KafkaTopicsAutoConfiguration {

  @Bean
  KafkaAdmin.NewTopics platformTopics(
      @Value("${platform.kafka.partitions:" + Topics.DEFAULT_PARTITIONS + "}") int partitions,
      @Value("${platform.kafka.replication-factor:1}") short replicas) {
    return new KafkaAdmin.NewTopics(
        caseTopic(Topics.REFERRAL_UP, partitions, replicas),
        caseTopic(Topics.REFERRAL_DOWN, partitions, replicas),
        caseTopic(Topics.CONSULTATION, partitions, replicas),
        TopicBuilder.name(Topics.HOSPITAL_REGISTRY)
            .partitions(3)
            .replicas(replicas)
            .compact()
            .config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0")
            .build());
  }

  private static NewTopic caseTopic(String name, int partitions, short replicas) {
    return TopicBuilder.name(name)
        .partitions(partitions)
        .replicas(replicas)
        .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
        .build();
  }
}
