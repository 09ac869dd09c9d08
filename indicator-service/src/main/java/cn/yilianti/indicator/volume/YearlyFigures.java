package cn.yilianti.indicator.volume;

import cn.yilianti.events.registry.HospitalStateChanged;
import cn.yilianti.indicator.hierarchy.Hierarchy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A hospital's yearly figures and the indicators derived from them. */
@Service
public class YearlyFigures {

  /** Indicators the platform derives; any other indicator's actual is reported. */
  public static final List<String> DERIVED =
      List.of(
          "upward_referrals",
          "downward_referrals",
          "out_transfer_rate",
          "average_length_of_stay",
          "bed_turnover");

  private final JdbcClient jdbc;
  private final VolumeRepository volumes;
  private final Hierarchy hierarchy;

  YearlyFigures(JdbcClient jdbc, VolumeRepository volumes, Hierarchy hierarchy) {
    this.jdbc = jdbc;
    this.volumes = volumes;
    this.hierarchy = hierarchy;
  }

  public YearRow row(String hospital, int year) {
    long up = 0;
    long down = 0;
    long leaving = 0;
    Optional<String> county = hierarchy.hospital(hospital).map(h -> h.region().countyCode());
    for (Sent s : sent(hospital, year)) {
      if (s.direction().equals("UP")) {
        up += s.count();
        Optional<String> theirs =
            hierarchy
                .hospital(s.counterpart())
                .map(HospitalStateChanged::region)
                .map(r -> r.countyCode());
        if (county.isEmpty() || theirs.isEmpty() || !county.equals(theirs)) {
          leaving += s.count();
        }
      } else {
        down += s.count();
      }
    }
    Volume v = volumes.year(hospital, year);
    return new YearRow(
        hospital,
        year,
        v == null ? null : v.outpatientVisits(),
        v == null ? null : v.admissions(),
        v == null ? null : divide(v.bedDays(), v.discharges(), 2),
        v == null ? null : divide(v.discharges(), v.beds(), 2),
        up,
        down,
        v == null ? null : v.staffTrainedUpstream(),
        leaving,
        v == null ? null : divide(leaving, v.outpatientVisits(), 6));
  }

  /** The derived indicators of a year, by name (absent when there is nothing to divide by). */
  public Map<String, BigDecimal> derived(String hospital, int year) {
    YearRow row = row(hospital, year);
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    values.put("upward_referrals", BigDecimal.valueOf(row.upwardReferrals()));
    values.put("downward_referrals", BigDecimal.valueOf(row.downwardReferrals()));
    putIfPresent(values, "out_transfer_rate", row.outTransferRate());
    putIfPresent(values, "average_length_of_stay", row.averageLengthOfStay());
    putIfPresent(values, "bed_turnover", row.bedTurnover());
    return values;
  }

  private record Sent(String direction, String counterpart, long count) {}

  private List<Sent> sent(String hospital, int year) {
    return jdbc.sql(
            """
            select direction, counterpart, sum(count) n from transfer_count
             where hospital = :h and stage = 'SUBMITTED' and day between :from and :to
             group by direction, counterpart
            """)
        .param("h", hospital)
        .param("from", LocalDate.of(year, 1, 1))
        .param("to", LocalDate.of(year, 12, 31))
        .query((rs, n) -> new Sent(rs.getString(1), rs.getString(2), rs.getLong(3)))
        .list();
  }

  private static void putIfPresent(
      Map<String, BigDecimal> values, String name, @Nullable BigDecimal value) {
    if (value != null) {
      values.put(name, value);
    }
  }

  static @Nullable BigDecimal divide(long numerator, long denominator, int scale) {
    return denominator == 0
        ? null
        : BigDecimal.valueOf(numerator)
            .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
  }
}
