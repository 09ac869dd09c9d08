package cn.yilianti.indicator.volume;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VolumeRepository {

  private final JdbcClient jdbc;

  VolumeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the period's totals: the same PUT twice leaves the same row. */
  void put(String hospital, VolumePeriod period, Volume v) {
    jdbc.sql(
            """
            insert into hospital_volume (hospital, period, year, month, outpatient_visits,
                admissions, discharges, bed_days, beds, staff_trained_upstream)
            values (:h, :p, :y, :m, :ov, :ad, :di, :bd, :beds, :staff)
            on conflict (hospital, period) do update set
              outpatient_visits = excluded.outpatient_visits, admissions = excluded.admissions,
              discharges = excluded.discharges, bed_days = excluded.bed_days,
              beds = excluded.beds, staff_trained_upstream = excluded.staff_trained_upstream,
              updated_at = now()
            """)
        .param("h", hospital)
        .param("p", period.label())
        .param("y", period.year())
        .param("m", period.month())
        .param("ov", v.outpatientVisits())
        .param("ad", v.admissions())
        .param("di", v.discharges())
        .param("bd", v.bedDays())
        .param("beds", v.beds())
        .param("staff", v.staffTrainedUpstream())
        .update();
  }

  Optional<Volume> find(String hospital, String period) {
    return jdbc.sql("select * from hospital_volume where hospital = :h and period = :p")
        .param("h", hospital)
        .param("p", period)
        .query(VolumeRepository::volume)
        .optional();
  }

  /** The year's totals: the yearly report when there is one, else the sum of the months. */
  @Nullable Volume year(String hospital, int year) {
    List<Row> rows =
        jdbc.sql("select * from hospital_volume where hospital = :h and year = :y")
            .param("h", hospital)
            .param("y", year)
            .query((rs, n) -> new Row(rs.getObject("month") == null, volume(rs, n)))
            .list();
    if (rows.isEmpty()) {
      return null;
    }
    return rows.stream()
        .filter(Row::yearly)
        .map(Row::volume)
        .findFirst()
        .orElseGet(() -> rows.stream().map(Row::volume).reduce(Volume.ZERO, Volume::plus));
  }

  private record Row(boolean yearly, Volume volume) {}

  private static Volume volume(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Volume(
        rs.getLong("outpatient_visits"),
        rs.getLong("admissions"),
        rs.getLong("discharges"),
        rs.getLong("bed_days"),
        rs.getInt("beds"),
        rs.getInt("staff_trained_upstream"));
  }
}
