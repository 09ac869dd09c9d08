package cn.yilianti.indicator.rebuild;

import cn.yilianti.indicator.projection.ProjectionTables;
import java.sql.Timestamp;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The rebuild's bookkeeping and the table swap. */
@Repository
class RebuildTables {

  private final JdbcClient jdbc;

  RebuildTables(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Creates empty {@code _next} tables and marks the rebuild running; empty when one runs. */
  @Transactional
  Optional<Integer> begin() {
    RebuildStatus state = lockedStatus();
    if ("RUNNING".equals(state.status())) {
      return Optional.empty();
    }
    int building = state.generation() + 1;
    for (String table : ProjectionTables.NAMES) {
      jdbc.sql("drop table if exists " + table + "_next").update();
      jdbc.sql("create table " + table + "_next (like " + table + " including all)").update();
    }
    jdbc.sql(
            """
            update rebuild_state set building = :b, status = 'RUNNING', started_at = now(),
              finished_at = null, target_records = 0, done_records = 0, message = null
             where id = 1
            """)
        .param("b", building)
        .update();
    return Optional.of(building);
  }

  void progress(long target, long done) {
    jdbc.sql("update rebuild_state set target_records = :t, done_records = :d where id = 1")
        .param("t", target)
        .param("d", done)
        .update();
  }

  /**
   * Swaps the rebuilt tables in. The row lock waits for live batches in flight (they hold the row
   * {@code FOR SHARE}), so none is split across the swap.
   */
  @Transactional
  void swap(int building) {
    lockedStatus();
    for (String table : ProjectionTables.NAMES) {
      jdbc.sql("alter table " + table + " rename to " + table + "_old").update();
      jdbc.sql("alter table " + table + "_next rename to " + table).update();
      jdbc.sql("drop table " + table + "_old").update();
    }
    jdbc.sql(
            """
            update rebuild_state set generation = :b, building = null, status = 'DONE',
              finished_at = now() where id = 1
            """)
        .param("b", building)
        .update();
  }

  /** Forgets the receipts of a generation no table holds any more. */
  void dropReceipts(int generation) {
    jdbc.sql("delete from processed_event where consumer = :c")
        .param("c", ProjectionTables.consumer(generation))
        .update();
  }

  @Transactional
  void fail(String message) {
    jdbc.sql(
            """
            update rebuild_state set building = null, status = 'FAILED', finished_at = now(),
              message = :m where id = 1
            """)
        .param("m", message)
        .update();
    for (String table : ProjectionTables.NAMES) {
      jdbc.sql("drop table if exists " + table + "_next").update();
    }
  }

  RebuildStatus status() {
    return jdbc.sql("select * from rebuild_state where id = 1")
        .query((org.springframework.jdbc.core.RowMapper<RebuildStatus>) RebuildTables::status)
        .single();
  }

  private RebuildStatus lockedStatus() {
    return jdbc.sql("select * from rebuild_state where id = 1 for update")
        .query((org.springframework.jdbc.core.RowMapper<RebuildStatus>) RebuildTables::status)
        .single();
  }

  private static RebuildStatus status(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new RebuildStatus(
        rs.getString("status"),
        rs.getInt("generation"),
        (Integer) rs.getObject("building"),
        rs.getLong("target_records"),
        rs.getLong("done_records"),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("finished_at")),
        rs.getString("message"));
  }

  private static java.time.@Nullable Instant instant(@Nullable Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
