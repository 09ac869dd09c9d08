package cn.yilianti.referral.feed;

import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralStage;
import cn.yilianti.referral.access.ReferralAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads audit rows in (transaction, sequence) order, and only rows of transactions older than every
 * transaction still in flight ({@code pg_snapshot_xmin}): a transaction that commits late has an id
 * at or above that horizon, so it always lands after any cursor already handed out and is never
 * skipped. A referral's own changes keep their order (each locks the referral row first). A
 * long-running transaction anywhere on the server holds the feed back; it never loses a row.
 */
@Repository
class ChangesRepository {

  private final JdbcClient jdbc;

  ChangesRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  ChangesPage after(FeedCursor cursor, ReferralAccess.Filter visible, int limit) {
    JdbcClient.StatementSpec query =
        jdbc.sql(
                """
                select t.seq, t.tx_id::text as tx, t.referral_id, r.referral_number, r.his_business_id,
                  r.direction, r.priority, r.from_hospital, r.to_hospital, t.from_status, t.to_status,
                  t.at, t.actor_hospital, t.reason_code, t.version
                from referral_transition t join referral r on r.id = t.referral_id
                where t.tx_id < pg_snapshot_xmin(pg_current_snapshot())
                  and (t.tx_id, t.seq) > (cast(:tx as xid8), :seq)
                  and %s
                order by t.tx_id, t.seq
                limit :limit
                """
                    .formatted(visible.sql()))
            .param("tx", Long.toString(cursor.txId()))
            .param("seq", cursor.seq())
            .param("limit", limit);
    for (var p : visible.params().entrySet()) {
      query = query.param(p.getKey(), p.getValue());
    }
    List<Change> changes = new ArrayList<>();
    FeedCursor[] last = {cursor};
    query
        .query(
            (rs, row) -> {
              last[0] = new FeedCursor(Long.parseLong(rs.getString("tx")), rs.getLong("seq"));
              String from = rs.getString("from_status");
              return new Change(
                  rs.getObject("referral_id", UUID.class),
                  rs.getString("referral_number"),
                  rs.getString("his_business_id"),
                  Direction.valueOf(rs.getString("direction")),
                  Priority.valueOf(rs.getString("priority")),
                  rs.getString("from_hospital"),
                  rs.getString("to_hospital"),
                  from == null ? null : ReferralStage.valueOf(from),
                  ReferralStage.valueOf(rs.getString("to_status")),
                  rs.getTimestamp("at").toInstant(),
                  rs.getString("actor_hospital"),
                  rs.getString("reason_code"),
                  rs.getInt("version"));
            })
        .list()
        .forEach(changes::add);
    return new ChangesPage(changes, last[0].format());
  }
}
