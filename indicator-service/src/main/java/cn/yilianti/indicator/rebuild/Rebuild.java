package cn.yilianti.indicator.rebuild;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.EventCodec;
import cn.yilianti.events.EventDecodingException;
import cn.yilianti.events.PlatformEvent;
import cn.yilianti.events.Topics;
import cn.yilianti.indicator.projection.Projector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Service;

/**
 * Replays the case topics from the beginning, with a consumer of its own (assigned partitions, no
 * group), into the {@code _next} tables up to the end offsets of the moment it started. The live
 * consumer writes the {@code _next} tables too while the rebuild runs, so events after that moment
 * are in them as well; then the tables are swapped. Unreadable records are skipped: they are on the
 * dead-letter topics already.
 */
@Service
public class Rebuild {

  private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

  private final RebuildTables tables;
  private final Projector projector;
  private final Map<String, Object> consumerConfig;

  Rebuild(
      RebuildTables tables,
      Projector projector,
      KafkaProperties kafka,
      @Value("${indicator.rebuild.max-poll-records:5000}") int maxPollRecords) {
    this.tables = tables;
    this.projector = projector;
    Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
    config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "indicator-rebuild");
    this.consumerConfig = config;
  }

  /** Starts a rebuild in the background; empty when one is running already. */
  public Optional<RebuildStatus> start() {
    Optional<Integer> building = tables.begin();
    building.ifPresent(
        b -> Thread.ofPlatform().name("indicator-rebuild").daemon().start(() -> run(b)));
    return building.map(b -> tables.status());
  }

  public RebuildStatus status() {
    return tables.status();
  }

  private void run(int building) {
    long started = System.nanoTime();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : Topics.CASE_TOPICS) {
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .forEach(partitions::add);
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
      long target = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
      long done = 0;
      tables.progress(target, done);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        List<CloudEvent<PlatformEvent>> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
            continue;
          }
          done++;
          try {
            events.add(EventCodec.decode(record.value()));
          } catch (EventDecodingException e) {
            // On the dead-letter topic already.
          }
        }
        projector.applyRebuild(events, building);
        tables.progress(target, done);
      }
      tables.swap(building);
      tables.dropReceipts(building - 1);
      long ms = Math.max(1, (System.nanoTime() - started) / 1_000_000);
      log.info(
          "Rebuilt the projection as generation {}: {} records in {} ms ({} records/s)",
          building,
          done,
          ms,
          done * 1000 / ms);
    } catch (RuntimeException e) {
      log.error("Rebuild of generation {} failed", building, e);
      tables.fail(e.toString());
    }
  }
}
