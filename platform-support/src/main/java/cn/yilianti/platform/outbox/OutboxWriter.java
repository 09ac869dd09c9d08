package cn.yilianti.platform.outbox;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.CloudEventHeaders;
import cn.yilianti.events.EventCodec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
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

  /**
   * The insert of one outbox row, for a caller that writes its own rows and the event in one
   * statement (a data-modifying {@code WITH}); {@link #appendWith} binds its parameters.
   */
  public static final String INSERT =
      """
      insert into outbox_event
        (event_id, topic, record_key, key_hash, event_type, payload, headers)
      values (:outboxEventId, :outboxTopic, :outboxKey, :outboxKeyHash, :outboxType,
        :outboxPayload, cast(:outboxHeaders as jsonb))
      """;

  @Transactional(propagation = Propagation.MANDATORY)
  public void append(CloudEvent<?> event) {
    bind(jdbc.sql(INSERT), event).update();
    wakeRelayAfterCommit();
  }

  /**
   * Runs {@code statement}, which contains {@link #INSERT} (for example as the last part of a
   * {@code WITH} that writes the state change), with the outbox row of {@code event} bound to it.
   * The state change and its event are then one statement: in the caller's transaction if there is
   * one, else committed together on their own. The relay is woken after the commit.
   */
  public int appendWith(StatementSpec statement, CloudEvent<?> event) {
    int rows = bind(statement, event).update();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      wakeRelayAfterCommit();
    } else {
      wakeRelay.run();
    }
    return rows;
  }

  private static StatementSpec bind(StatementSpec statement, CloudEvent<?> event) {
    return statement
        .param("outboxEventId", event.id())
        .param("outboxTopic", event.data().topic())
        .param("outboxKey", event.subject())
        .param("outboxKeyHash", event.subject().hashCode())
        .param("outboxType", event.type())
        .param("outboxPayload", EventCodec.encode(event))
        .param("outboxHeaders", JSON.writeValueAsString(CloudEventHeaders.of(event)));
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
