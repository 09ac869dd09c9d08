package cn.yilianti.platform.consumer;

import cn.yilianti.events.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * {@code dead_letter_topic_records}: records now in each of this service's dead-letter topics (end
 * minus start offset, summed over partitions), read with the admin client.
 */
public class DeadLetterGauge implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterGauge.class);

  private final Admin admin;
  private final Map<String, AtomicLong> records = new HashMap<>();

  public DeadLetterGauge(Map<String, Object> adminConfig, String group, MeterRegistry registry) {
    Map<String, Object> config = new HashMap<>(adminConfig);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    this.admin = Admin.create(config);
    for (String topic : Topics.CASE_TOPICS) {
      String deadLetter = Topics.deadLetter(topic, group);
      AtomicLong value = new AtomicLong();
      records.put(deadLetter, value);
      Gauge.builder("dead.letter.topic.records", value, AtomicLong::get)
          .description("Records now in the dead-letter topic")
          .tag("topic", deadLetter)
          .register(registry);
    }
  }

  @Scheduled(fixedDelayString = "${platform.consumer.dead-letter-refresh:30s}")
  public void refresh() {
    records.forEach(
        (topic, value) -> {
          try {
            value.set(count(topic));
          } catch (UnknownTopicOrPartitionException e) {
            value.set(0);
          } catch (Exception e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
              value.set(0);
            } else {
              log.debug("Could not count {}: {}", topic, e.toString());
            }
          }
        });
  }

  private long count(String topic) throws Exception {
    TopicDescription description =
        admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic);
    Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    description
        .partitions()
        .forEach(
            p -> {
              TopicPartition tp = new TopicPartition(topic, p.partition());
              earliest.put(tp, OffsetSpec.earliest());
              latest.put(tp, OffsetSpec.latest());
            });
    var start = admin.listOffsets(earliest).all().get(5, TimeUnit.SECONDS);
    var end = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
    return end.entrySet().stream()
        .mapToLong(e -> e.getValue().offset() - start.get(e.getKey()).offset())
        .sum();
  }

  @Override
  public void destroy() {
    admin.close();
  }
}
