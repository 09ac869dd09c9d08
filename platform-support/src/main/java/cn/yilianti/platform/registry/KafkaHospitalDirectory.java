package cn.yilianti.platform.registry;

import cn.yilianti.events.EventCodec;
import cn.yilianti.events.EventDecodingException;
import cn.yilianti.events.Topics;
import cn.yilianti.events.registry.HospitalStateChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the whole compacted topic from the beginning at every start (a few hundred records), keeps
 * the latest state per hospital in memory and mirrors it into the local snapshot table. At start
 * the snapshot is loaded first, so the directory is usable at once even when the registry and Kafka
 * are down; a tombstone removes a hospital; an older revision never replaces a newer one.
 */
public class KafkaHospitalDirectory implements HospitalDirectory, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(KafkaHospitalDirectory.class);

  private final Map<String, Object> consumerConfig;
  private final DirectorySnapshot snapshot;
  private final Map<String, HospitalStateChanged> hospitals = new ConcurrentHashMap<>();
  private volatile boolean ready;
  private volatile boolean running;
  private volatile Instant lastUpdate = Instant.EPOCH;
  private @Nullable Thread thread;

  public KafkaHospitalDirectory(Map<String, Object> kafkaProperties, DirectorySnapshot snapshot) {
    Map<String, Object> config = new HashMap<>(kafkaProperties);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "hospital-directory");
    this.consumerConfig = config;
    this.snapshot = snapshot;
  }

  @Override
  public Optional<HospitalStateChanged> find(String code) {
    return Optional.ofNullable(hospitals.get(code));
  }

  @Override
  public Collection<HospitalStateChanged> all() {
    return List.copyOf(hospitals.values());
  }

  @Override
  public boolean isReady() {
    return ready;
  }

  public int size() {
    return hospitals.size();
  }

  public Instant lastUpdate() {
    return lastUpdate;
  }

  @Override
  public void start() {
    snapshot.load().forEach(h -> hospitals.put(h.code(), h));
    if (!hospitals.isEmpty()) {
      ready = true;
      log.info("Hospital directory loaded {} hospitals from the local snapshot", hospitals.size());
    }
    running = true;
    thread = Thread.ofPlatform().name("hospital-directory").daemon().start(this::consume);
  }

  @Override
  public void stop() {
    running = false;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      try {
        t.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void consume() {
    while (running) {
      try (KafkaConsumer<String, byte[]> consumer =
          new KafkaConsumer<>(
              consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
        List<TopicPartition> partitions =
            consumer.partitionsFor(Topics.HOSPITAL_REGISTRY, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        if (partitions.isEmpty()) {
          pause();
          continue;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (running) {
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            apply(record);
          }
          if (!ready && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
            ready = true;
            log.info("Hospital directory caught up: {} hospitals", hospitals.size());
          }
        }
      } catch (org.apache.kafka.common.errors.InterruptException e) {
        return;
      } catch (RuntimeException e) {
        if (running) {
          log.warn("Hospital directory lost the topic, reconnecting: {}", e.toString());
          pause();
        }
      }
    }
  }

  void apply(ConsumerRecord<String, byte[]> record) {
    String code = record.key();
    if (code == null) {
      return;
    }
    if (record.value() == null) {
      if (hospitals.remove(code) != null) {
        snapshot.remove(code);
      }
      lastUpdate = Instant.now();
      return;
    }
    HospitalStateChanged state;
    try {
      state = EventCodec.decode(record.value(), HospitalStateChanged.class).data();
    } catch (EventDecodingException e) {
      log.error(
          "Unreadable hospital-registry record for {} at offset {}: {}",
          code,
          record.offset(),
          e.getMessage());
      return;
    }
    HospitalStateChanged current = hospitals.get(code);
    if (current == null || current.revision() <= state.revision()) {
      hospitals.put(code, state);
      if (current == null || current.revision() < state.revision()) {
        snapshot.save(state, record.value());
      }
      lastUpdate = Instant.now();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
