package cn.yilianti.referral;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the outbox holds for one referral, read straight from its table. */
public final class OutboxRows {

  /** Event types of the key's rows in outbox order, without the version suffix. */
  public static List<String> eventTypes(JdbcClient jdbc, String key) {
    return jdbc
        .sql("select event_type from outbox_event where record_key = :key order by id")
        .param("key", key)
        .query(String.class)
        .list()
        .stream()
        .map(t -> t.replaceAll("\\.v\\d+$", ""))
        .toList();
  }

  private OutboxRows() {}
}
