package cn.yilianti.system.truth;

import cn.yilianti.local.postgres.PostgresServer;
import cn.yilianti.system.traffic.Cell;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * indicator-service's counts per hospital, direction (or CONSULTATION), stage and day, read from
 * its projection tables: the per-day cells behind the API's totals, and the consultations the API
 * does not show.
 */
public final class IndicatorDatabase {

  private final PostgresServer server;
  private final String database;

  public IndicatorDatabase(PostgresServer server, String database) {
    this.server = server;
    this.database = database;
  }

  public Map<Cell, Long> cells() {
    Map<Cell, Long> cells = new TreeMap<>();
    read(
        "select hospital, direction, stage, day, sum(count) from transfer_count group by 1, 2, 3, 4",
        cells);
    try {
      read(
          "select hospital, 'CONSULTATION', stage, day, sum(count) from consultation_count"
              + " group by 1, 2, 3, 4",
          cells);
    } catch (IllegalStateException e) {
      // an indicator-service without consultation counts
    }
    return cells;
  }

  private void read(String sql, Map<Cell, Long> cells) {
    ReferralDatabase.Databases.query(
        server,
        database,
        sql,
        rs -> {
          long count = rs.getLong(5);
          if (count != 0) {
            cells.merge(
                new Cell(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class)),
                count,
                Long::sum);
          }
        });
  }
}
