package cn.yilianti.indicator.metrics;

import cn.yilianti.events.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code dead_letter_topic_records}: records now in each of this service's dead-letter topics (end
 * minus start offset, from the admin client); the same on every replica, so take {@code max}.
 */
@Component
class DeadLetterGauge implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterGauge.class);

  private final Admin admin;
  private final List<String> topics;
  private final Map<String, Long> records = new ConcurrentHashMap<>();

  DeadLetterGauge(
      KafkaProperties kafka,
      MeterRegistry registry,
      @Value("${spring.application.name}") String group) {
    this.admin = Admin.create(kafka.buildAdminProperties());
    this.topics = Topics.CASE_TOPICS.stream().map(t -> Topics.deadLetter(t, group)).toList();
    for (String topic : topics) {
      records.put(topic, 0L);
      Gauge.builder("dead.letter.topic.records", records, r -> r.getOrDefault(topic, 0L))
          .description("Records now in the dead-letter topic (end minus start offset)")
          .tag("topic", topic)
          .register(registry);
    }
  }

  @Scheduled(
      initialDelayString = "${indicator.gauges.initial-delay:5s}",
      fixedDelayString = "${indicator.gauges.refresh:30s}")
  void refresh() {
    try {
      var description = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
      for (String topic : topics) {
        var info = description.get(topic);
        if (info == null) {
          continue;
        }
        Map<TopicPartition, OffsetSpec> earliest = new java.util.HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        info.partitions()
            .forEach(
                p -> {
                  earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                  latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                });
        long start = sum(admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS));
        long end = sum(admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS));
        records.put(topic, end - start);
      }
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      log.warn("Could not read the dead-letter topic offsets: {}", e.toString());
    }
  }

  private static long sum(
      Map<
              TopicPartition,
              ? extends org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo>
          offsets) {
    return offsets.values().stream().mapToLong(o -> o.offset()).sum();
  }

  @Override
  public void destroy() {
    admin.close(Duration.ofSeconds(5));
  }
}
