package cn.yilianti.test;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.CloudEventHeaders;
import cn.yilianti.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/** Publishes events (or raw bytes, for poison tests) as the producing service would. */
public final class EventPublisher implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;

  public EventPublisher(String bootstrapServers) {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  /** Sends with the production key and headers and waits for the broker's acknowledgement. */
  public void publish(CloudEvent<?> event) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(event.data().topic(), event.subject(), EventCodec.encode(event));
    CloudEventHeaders.of(event)
        .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
    send(record);
  }

  public void publishRaw(String topic, String key, byte @Nullable [] value) {
    send(new ProducerRecord<>(topic, key, value));
  }

  private void send(ProducerRecord<String, byte[]> record) {
    try {
      producer.send(record).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
