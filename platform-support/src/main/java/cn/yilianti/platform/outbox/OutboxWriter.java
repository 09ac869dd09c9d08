package cn.yilianti.platform.outbox;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.CloudEventHeaders;
import cn.yilianti.events.EventCodec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to the outbox inside the caller's transaction, so an event exists if and only if
 * its state change committed. After the commit the local relay is woken at once.
 */
public class OutboxWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Object WAKE_REGISTERED = new Object();

  private final JdbcClient jdbc;
  private final Runnable wakeRelay;

  public OutboxWriter(JdbcClient jdbc, Runnable wakeRelay) {
    this.jdbc = jdbc;
    this.wakeRelay = wakeRelay;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void append(CloudEvent<?> event) {
    jdbc.sql(
            """
            insert into outbox_event
              (event_id, topic, record_key, key_hash, event_type, payload, headers)
            values (:id, :topic, :key, :hash, :type, :payload, cast(:headers as jsonb))
            """)
        .param("id", event.id())
        .param("topic", event.data().topic())
        .param("key", event.subject())
        .param("hash", event.subject().hashCode())
        .param("type", event.type())
        .param("payload", EventCodec.encode(event))
        .param("headers", JSON.writeValueAsString(CloudEventHeaders.of(event)))
        .update();
    wakeRelayAfterCommit();
  }

  /** Appends a tombstone (null value) for a key on a compacted topic. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void appendTombstone(String topic, String key, java.util.UUID id) {
    jdbc.sql(
            """
            insert into outbox_event
              (event_id, topic, record_key, key_hash, event_type, payload, headers)
            values (:id, :topic, :key, :hash, 'tombstone', null, '{}'::jsonb)
            """)
        .param("id", id)
        .param("topic", topic)
        .param("key", key)
        .param("hash", key.hashCode())
        .update();
    wakeRelayAfterCommit();
  }

  private void wakeRelayAfterCommit() {
    if (TransactionSynchronizationManager.hasResource(WAKE_REGISTERED)) {
      return;
    }
    TransactionSynchronizationManager.bindResource(WAKE_REGISTERED, Boolean.TRUE);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(WAKE_REGISTERED);
            if (status == STATUS_COMMITTED) {
              wakeRelay.run();
            }
          }
        });
  }
}
