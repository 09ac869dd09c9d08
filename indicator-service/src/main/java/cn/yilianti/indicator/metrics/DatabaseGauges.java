package cn.yilianti.indicator.metrics;

import cn.yilianti.indicator.hierarchy.Hierarchy;
import cn.yilianti.indicator.volume.TargetRepository;
import cn.yilianti.indicator.volume.TargetView;
import cn.yilianti.indicator.volume.YearRow;
import cn.yilianti.indicator.volume.YearlyFigures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Totals read from the database, the same on every replica (dashboards take {@code max} across
 * replicas), refreshed periodically: referrals sent per year (this year and the three before),
 * out-transfer rate, targets and actuals.
 */
@Component
class DatabaseGauges {

  private static final List<String> DIRECTIONS = List.of("UP", "DOWN");

  private final JdbcClient jdbc;
  private final Hierarchy hierarchy;
  private final YearlyFigures figures;
  private final TargetRepository targets;
  private final ZoneId zone;
  private final MultiGauge yearly;
  private final MultiGauge outTransferRate;
  private final MultiGauge target;
  private final MultiGauge actual;

  DatabaseGauges(
      JdbcClient jdbc,
      Hierarchy hierarchy,
      YearlyFigures figures,
      TargetRepository targets,
      MeterRegistry registry,
      @Value("${indicator.zone:Asia/Shanghai}") ZoneId zone) {
    this.jdbc = jdbc;
    this.hierarchy = hierarchy;
    this.figures = figures;
    this.targets = targets;
    this.zone = zone;
    yearly =
        MultiGauge.builder("indicator.yearly.transfers")
            .description("Referrals sent (stage SUBMITTED) in the calendar year, Asia/Shanghai")
            .register(registry);
    outTransferRate =
        MultiGauge.builder("indicator.out.transfer.rate")
            .description("Upward referrals leaving the county per outpatient visit, of the year")
            .register(registry);
    target =
        MultiGauge.builder("indicator.target")
            .description("Target of a monitored indicator")
            .register(registry);
    actual =
        MultiGauge.builder("indicator.actual")
            .description("Actual value of a monitored indicator")
            .register(registry);
  }

  @Scheduled(
      initialDelayString = "${indicator.gauges.initial-delay:5s}",
      fixedDelayString = "${indicator.gauges.refresh:30s}")
  void refresh() {
    int thisYear = LocalDate.now(zone).getYear();
    int firstYear = thisYear - 3;
    refreshYearly(firstYear, thisYear);
    refreshRates(firstYear, thisYear);
    refreshTargets(firstYear);
  }

  private void refreshYearly(int firstYear, int thisYear) {
    Map<List<Object>, Long> sums = new HashMap<>();
    Set<String> hospitals = new TreeSet<>();
    jdbc.sql(
            """
            select hospital, direction, extract(year from day)::int y, sum(count) n
              from transfer_count where stage = 'SUBMITTED' and day >= :from
             group by hospital, direction, y
            """)
        .param("from", LocalDate.of(firstYear, 1, 1))
        .query(
            rs -> {
              hospitals.add(rs.getString(1));
              sums.put(List.of(rs.getString(1), rs.getString(2), rs.getInt(3)), rs.getLong(4));
            });
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (String h : hospitals) {
      String alliance = alliance(h);
      for (String d : DIRECTIONS) {
        for (int y = firstYear; y <= thisYear; y++) {
          long n = sums.getOrDefault(List.of(h, d, y), 0L);
          rows.add(
              MultiGauge.Row.of(
                  Tags.of("alliance", alliance, "hospital", h, "direction", d)
                      .and("year", String.valueOf(y)),
                  n));
        }
      }
    }
    yearly.register(rows, true);
  }

  private void refreshRates(int firstYear, int thisYear) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    jdbc.sql("select distinct hospital, year from hospital_volume where year >= :y and year <= :t")
        .param("y", firstYear)
        .param("t", thisYear)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
        .list()
        .forEach(
            e -> {
              YearRow row = figures.row(e.getKey(), e.getValue());
              if (row.outTransferRate() != null) {
                rows.add(
                    MultiGauge.Row.of(
                        Tags.of("alliance", alliance(e.getKey()), "hospital", e.getKey())
                            .and("year", String.valueOf(e.getValue())),
                        row.outTransferRate().doubleValue()));
              }
            });
    outTransferRate.register(rows, true);
  }

  private void refreshTargets(int firstYear) {
    List<MultiGauge.Row<?>> targetRows = new ArrayList<>();
    List<MultiGauge.Row<?>> actualRows = new ArrayList<>();
    for (Map.Entry<String, Integer> hy : targets.hospitalYears(firstYear)) {
      for (TargetView t : targets.targets(hy.getKey(), hy.getValue())) {
        Tags tags =
            Tags.of("alliance", alliance(t.hospital()), "hospital", t.hospital())
                .and("indicator", t.indicator(), "year", String.valueOf(t.year()));
        targetRows.add(MultiGauge.Row.of(tags, t.target().doubleValue()));
        if (t.actual() != null) {
          actualRows.add(MultiGauge.Row.of(tags, t.actual().doubleValue()));
        }
      }
    }
    target.register(targetRows, true);
    actual.register(actualRows, true);
  }

  private String alliance(String hospital) {
    Set<String> alliances = hierarchy.alliances(hospital);
    return alliances.isEmpty() ? Hierarchy.UNKNOWN : alliances.iterator().next();
  }
}
