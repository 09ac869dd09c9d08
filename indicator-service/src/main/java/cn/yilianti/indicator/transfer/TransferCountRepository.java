package cn.yilianti.indicator.transfer;

import cn.yilianti.events.referral.ReferralRef;
import cn.yilianti.events.referral.ReferralStage;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TransferCountRepository {

  private final JdbcClient jdbc;

  TransferCountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void increment(ReferralRef referral, ReferralStage stage, LocalDate day) {
    jdbc.sql(
            """
            insert into transfer_count (hospital, counterpart, direction, stage, priority, day, count)
            values (:hospital, :counterpart, :direction, :stage, :priority, :day, 1)
            on conflict (hospital, direction, stage, day, counterpart, priority)
            do update set count = transfer_count.count + 1
            """)
        .param("hospital", referral.fromHospital())
        .param("counterpart", referral.toHospital())
        .param("direction", referral.direction().name())
        .param("stage", stage.name())
        .param("priority", referral.priority().name())
        .param("day", day)
        .update();
  }

  /** Totals by direction and stage of the referrals a hospital sent. */
  List<StageCount> sentBy(String hospital) {
    return jdbc.sql(
            """
            select direction, stage, sum(count) as total from transfer_count
             where hospital = :hospital group by direction, stage
            """)
        .param("hospital", hospital)
        .query(
            (rs, n) ->
                new StageCount(
                    rs.getString("direction"), rs.getString("stage"), rs.getLong("total")))
        .list();
  }

  record StageCount(String direction, String stage, long count) {}
}
