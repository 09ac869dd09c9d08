package cn.yilianti.indicator.volume;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TargetRepository {

  private final JdbcClient jdbc;
  private final YearlyFigures figures;

  TargetRepository(JdbcClient jdbc, YearlyFigures figures) {
    this.jdbc = jdbc;
    this.figures = figures;
  }

  void put(String hospital, int year, String indicator, Target t) {
    jdbc.sql(
            """
            insert into indicator_target (hospital, year, indicator, target, better, actual)
            values (:h, :y, :i, :t, :b, :a)
            on conflict (hospital, year, indicator) do update set target = excluded.target,
              better = excluded.better, actual = excluded.actual, updated_at = now()
            """)
        .param("h", hospital)
        .param("y", year)
        .param("i", indicator)
        .param("t", t.target())
        .param("b", t.better().name())
        .param("a", t.actual())
        .update();
  }

  /** Targets of a hospital's year with their actual values. */
  public List<TargetView> targets(String hospital, int year) {
    Map<String, BigDecimal> derived = figures.derived(hospital, year);
    return jdbc.sql(
            "select * from indicator_target where hospital = :h and year = :y order by indicator")
        .param("h", hospital)
        .param("y", year)
        .query(
            (rs, n) -> {
              String indicator = rs.getString("indicator");
              boolean isDerived = YearlyFigures.DERIVED.contains(indicator);
              BigDecimal actual = isDerived ? derived.get(indicator) : rs.getBigDecimal("actual");
              BigDecimal target = rs.getBigDecimal("target");
              Target.Better better = Target.Better.valueOf(rs.getString("better"));
              return new TargetView(
                  hospital,
                  year,
                  indicator,
                  target,
                  better,
                  actual,
                  isDerived ? "DERIVED" : "REPORTED",
                  met(actual, target, better));
            })
        .list();
  }

  /** Every (hospital, year) that has targets from {@code fromYear} on, for the gauges. */
  public List<Map.Entry<String, Integer>> hospitalYears(int fromYear) {
    return jdbc.sql("select distinct hospital, year from indicator_target where year >= :y")
        .param("y", fromYear)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
        .list();
  }

  private static @Nullable Boolean met(
      @Nullable BigDecimal actual, BigDecimal target, Target.Better better) {
    if (actual == null) {
      return null;
    }
    int c = actual.compareTo(target);
    return better == Target.Better.HIGHER ? c >= 0 : c <= 0;
  }
}
