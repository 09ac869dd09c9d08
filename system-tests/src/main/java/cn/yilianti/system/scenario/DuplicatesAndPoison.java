package cn.yilianti.system.scenario;

import cn.yilianti.events.Topics;
import cn.yilianti.test.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/**
 * Every record already on {@code referral-up} and {@code referral-down} published again, byte for
 * byte with its key and headers (what a relay replaying after a crash, or a rebalance, produces),
 * and one poison record that is not an event at all. The counts must not move; the poison record
 * must end in indicator-service's dead-letter topic.
 */
final class DuplicatesAndPoison implements Fault {

  private final byte[] poison =
      ("{\"poison\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);

  @Override
  public String inject(SystemUnderTest system) throws Exception {
    String bootstrap = system.platform().kafkaBootstrapServers();
    int replayed = 0;
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (String topic : List.of(Topics.REFERRAL_UP, Topics.REFERRAL_DOWN)) {
        for (ConsumerRecord<String, byte[]> r : TopicRecords.readAll(bootstrap, topic)) {
          producer.send(new ProducerRecord<>(topic, null, r.key(), r.value(), r.headers()));
          replayed++;
        }
      }
      producer.send(new ProducerRecord<>(Topics.REFERRAL_UP, "poison", poison)).get();
      producer.flush();
    }
    return "published again " + replayed + " records, and 1 poison record";
  }

  @Override
  public String heal(SystemUnderTest system) {
    return "";
  }

  @Override
  public boolean apiStaysUp() {
    return true;
  }

  @Override
  public @Nullable String verify(SystemUnderTest system) {
    String topic = Faults.deadLetterTopic();
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (TopicRecords.readAll(system.platform().kafkaBootstrapServers(), topic).stream()
            .anyMatch(r -> Arrays.equals(r.value(), poison))) {
          return null;
        }
      } catch (RuntimeException e) {
        // the dead-letter topic may not exist until the first dead letter
      }
      LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
    }
    return "the poison record is not in " + topic;
  }
}
