package cn.yilianti.indicator;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.CloudEventHeaders;
import cn.yilianti.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes many events asynchronously in broker batches, as the outbox relay does under load. */
public final class BulkPublisher implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;

  public BulkPublisher(String bootstrapServers) {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                10,
                ProducerConfig.BATCH_SIZE_CONFIG,
                262_144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4"),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  public void send(CloudEvent<?> event) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(event.data().topic(), event.subject(), EventCodec.encode(event));
    CloudEventHeaders.of(event)
        .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
    producer.send(
        record,
        (metadata, error) -> {
          if (error != null) {
            throw new IllegalStateException(error);
          }
        });
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
