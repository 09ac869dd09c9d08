package cn.yilianti.indicator.query;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/indicators/hospitals")
class HospitalIndicatorsController {

  private final JdbcClient jdbc;

  HospitalIndicatorsController(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Referrals the hospital sent up and down, by stage, since counting began. */
  @GetMapping("/{code}")
  HospitalIndicators hospital(@PathVariable String code) {
    Map<String, Long> up = new TreeMap<>();
    Map<String, Long> down = new TreeMap<>();
    jdbc.sql(
            "select direction, stage, sum(count) as total from transfer_count where hospital = ?"
                + " group by direction, stage")
        .param(code)
        .query(
            rs -> {
              ("UP".equals(rs.getString(1)) ? up : down).put(rs.getString(2), rs.getLong(3));
            });
    return new HospitalIndicators(code, up, down);
  }

  record HospitalIndicators(
      String hospital, Map<String, Long> upward, Map<String, Long> downward) {}
}
