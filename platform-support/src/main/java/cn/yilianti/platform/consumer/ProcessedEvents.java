package cn.yilianti.platform.consumer;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipts of processed events per consumer. Recording the receipt in the transaction of the
 * event's effect makes a redelivered event a no-op: exactly-once effect over at-least-once
 * delivery.
 */
public class ProcessedEvents {

  private final JdbcClient jdbc;

  public ProcessedEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the receipt; false when {@code consumer} had already processed the event. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean firstDelivery(String consumer, UUID eventId) {
    return jdbc.sql(
                """
                insert into processed_event (consumer, event_id) values (:consumer, :id)
                on conflict do nothing
                """)
            .param("consumer", consumer)
            .param("id", eventId)
            .update()
        == 1;
  }

  /** Records receipts for a batch; returns the ids seen for the first time. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Set<UUID> firstDeliveries(String consumer, Collection<UUID> eventIds) {
    if (eventIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql(
                """
                insert into processed_event (consumer, event_id)
                select :consumer, unnest(:ids)
                on conflict do nothing
                returning event_id
                """)
            .param("consumer", consumer)
            .param("ids", eventIds.toArray(UUID[]::new))
            .query(UUID.class)
            .list());
  }
}
