package cn.yilianti.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes outbox rows to Kafka in id order and marks a row published only after the broker
 * acknowledged it. Rows are split into shards by key hash; a replica relays a shard only while it
 * holds that shard's PostgreSQL advisory lock, so with N replicas every key is still published by
 * one relay at a time, in order, and never twice by racing replicas.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int LOCK_NAMESPACE = 0x0B0C;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final KafkaTemplate<String, byte[]> kafka;
  private final KafkaAdmin admin;
  private final OutboxProperties properties;
  private final OutboxMetrics metrics;
  private final Semaphore wake = new Semaphore(0);
  private volatile boolean running;
  private volatile boolean topicsReady;
  private @Nullable Thread thread;
  private Instant nextCleanup = Instant.EPOCH;

  public OutboxRelay(
      JdbcClient jdbc,
      TransactionTemplate tx,
      KafkaTemplate<String, byte[]> kafka,
      KafkaAdmin admin,
      OutboxProperties properties,
      OutboxMetrics metrics) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.kafka = kafka;
    this.admin = admin;
    this.properties = properties;
    this.metrics = metrics;
  }

  /** Called after a transaction that wrote outbox rows commits. */
  public void wakeUp() {
    wake.release();
  }

  @Override
  public synchronized void start() {
    running = true;
    thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
  }

  @Override
  public void stop() {
    running = false;
    wake.release();
    Thread t = thread;
    if (t != null) {
      try {
        t.join(Duration.ofSeconds(20));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void loop() {
    Duration backoff = Duration.ZERO;
    while (running) {
      try {
        metrics.refresh();
        int published = relayAllShards();
        cleanupIfDue();
        backoff = Duration.ZERO;
        if (published == 0) {
          awaitWork(properties.pollInterval());
        }
      } catch (RuntimeException e) {
        backoff = backoff.isZero() ? Duration.ofMillis(500) : min(backoff.multipliedBy(2));
        log.warn("Outbox relay failed, retrying in {} ms: {}", backoff.toMillis(), e.toString());
        awaitWork(backoff);
      }
    }
  }

  /** Relays every shard this replica can lock until they are drained; returns rows published. */
  int relayAllShards() {
    if (!topicsReady) {
      topicsReady = createTopics();
    }
    int total = 0;
    for (int shard = 0; shard < properties.shards(); shard++) {
      Batch batch;
      do {
        batch = relayBatch(shard);
        total += batch.published();
        if (batch.failure() != null) {
          throw new IllegalStateException(batch.failure());
        }
      } while (batch.published() == properties.batchSize() && running);
    }
    return total;
  }

  /** Rows published by one batch, and why the rest were not (null when all were). */
  private record Batch(int published, @Nullable String failure) {}

  private Batch relayBatch(int shard) {
    Batch batch =
        tx.execute(
            status -> {
              // The lock in a statement of its own: the rows are then read with a snapshot taken
              // after it was granted, so they include the previous holder's committed
              // published_at (taking it inside the select would read with the older snapshot and
              // publish those rows twice; OutboxRelayIntegrationTest caught it).
              boolean locked =
                  jdbc.sql("select pg_try_advisory_xact_lock(:ns, :shard)")
                      .param("ns", LOCK_NAMESPACE)
                      .param("shard", shard)
                      .query(Boolean.class)
                      .single();
              if (!locked) {
                return new Batch(0, null);
              }
              List<Row> rows =
                  jdbc.sql(
                          """
                          select id, topic, record_key, payload, headers, created_at
                            from outbox_event
                           where published_at is null and mod(abs(key_hash), :shards) = :shard
                           order by id
                           limit :limit
                          """)
                      .param("shards", properties.shards())
                      .param("shard", shard)
                      .param("limit", properties.batchSize())
                      .query(
                          (rs, n) ->
                              new Row(
                                  rs.getLong("id"),
                                  rs.getString("topic"),
                                  rs.getString("record_key"),
                                  rs.getBytes("payload"),
                                  rs.getString("headers"),
                                  rs.getTimestamp("created_at").toInstant()))
                      .list();
              return rows.isEmpty() ? new Batch(0, null) : publish(rows);
            });
    return batch == null ? new Batch(0, null) : batch;
  }

  /**
   * Sends the rows, waits for the acknowledgements and marks the acknowledged ones. A row after a
   * failed row of the same key stays unpublished too, so a retry cannot reorder that key. Failures
   * are recorded on the rows (attempts, last error) in the same transaction.
   */
  private Batch publish(List<Row> rows) {
    List<CompletableFuture<SendResult<String, byte[]>>> sent = new ArrayList<>();
    RuntimeException sendFailure = null;
    for (Row row : rows) {
      try {
        sent.add(kafka.send(row.toRecord()));
      } catch (RuntimeException e) {
        sendFailure = e;
        break;
      }
    }
    Set<String> failedKeys = new HashSet<>();
    List<Long> acknowledged = new ArrayList<>();
    String error = null;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      boolean ok = false;
      if (i < sent.size() && !failedKeys.contains(row.key())) {
        try {
          sent.get(i).get(60, TimeUnit.SECONDS);
          ok = true;
        } catch (ExecutionException | TimeoutException e) {
          error = String.valueOf(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          error = "interrupted";
        }
      }
      if (ok) {
        acknowledged.add(row.id());
        metrics.published(row.topic(), row.createdAt());
      } else {
        failedKeys.add(row.key());
      }
    }
    if (!acknowledged.isEmpty()) {
      jdbc.sql("update outbox_event set published_at = now() where id = any(:ids)")
          .param("ids", acknowledged.toArray(Long[]::new))
          .update();
    }
    int failed = rows.size() - acknowledged.size();
    if (failed > 0) {
      String reason = sendFailure != null ? sendFailure.toString() : error;
      metrics.failed(failed);
      jdbc.sql(
              """
              update outbox_event set attempts = attempts + 1, last_error = :error
               where id = any(:ids)
              """)
          .param("error", truncate(reason))
          .param(
              "ids",
              rows.stream()
                  .map(Row::id)
                  .filter(id -> !acknowledged.contains(id))
                  .toArray(Long[]::new))
          .update();
      return new Batch(acknowledged.size(), failed + " outbox rows not acknowledged: " + reason);
    }
    return new Batch(acknowledged.size(), null);
  }

  /**
   * Creates the declared topics (with their partitions and compaction) before the first send, so a
   * broker's auto-creation never makes them with defaults. A failure (broker down) does not stop
   * the relay: it tries again before the next round.
   */
  private boolean createTopics() {
    try {
      return admin.initialize();
    } catch (RuntimeException e) {
      log.warn("Topics not created yet, will retry: {}", e.toString());
      return false;
    }
  }

  private void cleanupIfDue() {
    if (Instant.now().isBefore(nextCleanup)) {
      return;
    }
    nextCleanup = Instant.now().plus(Duration.ofMinutes(10));
    int deleted =
        jdbc.sql(
                """
                delete from outbox_event where id in (
                  select id from outbox_event
                   where published_at < now() - make_interval(secs => :seconds)
                   limit 10000)
                """)
            .param("seconds", properties.retention().toSeconds())
            .update();
    if (deleted > 0) {
      log.info("Deleted {} published outbox rows older than {}", deleted, properties.retention());
    }
  }

  private void awaitWork(Duration timeout) {
    try {
      if (wake.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        wake.drainPermits();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private static Duration min(Duration d) {
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private static @Nullable String truncate(@Nullable String s) {
    return s == null || s.length() <= 500 ? s : s.substring(0, 500);
  }

  private record Row(
      long id,
      String topic,
      String key,
      byte @Nullable [] payload,
      String headers,
      Instant createdAt) {

    ProducerRecord<String, byte[]> toRecord() {
      ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, payload);
      JSON.readValue(headers, HEADERS)
          .forEach(
              (name, value) ->
                  record
                      .headers()
                      .add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
      return record;
    }
  }
}
