package cn.yilianti.referral.referral;

import cn.yilianti.events.referral.ReferralStage;
import cn.yilianti.platform.security.Caller;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit trail: one row per status change, written in the transaction of the change. */
@Repository
class HistoryRepository {

  /** The actor of changes nobody made by hand (the answer-deadline sweep). */
  static final String SYSTEM = "system";

  private final JdbcClient jdbc;

  HistoryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(
      Referral referral,
      @Nullable Caller caller,
      @Nullable ReferralStage from,
      @Nullable String reasonCode,
      @Nullable String comment,
      Instant at) {
    jdbc.sql(
            """
            insert into referral_transition
              (referral_id, actor, actor_hospital, at, from_status, to_status, reason_code, comment, version)
            values (:id, :actor, :hospital, :at, :from, :to, :reason, :comment, :version)
            """)
        .param("id", referral.id())
        .param("actor", caller == null ? SYSTEM : caller.subject())
        .param("hospital", caller == null ? null : caller.hospital())
        .param("at", Timestamp.from(at))
        .param("from", from == null ? null : from.name())
        .param("to", referral.status().name())
        .param("reason", reasonCode)
        .param("comment", comment)
        .param("version", referral.version())
        .update();
  }

  List<HistoryEntry> of(UUID referralId) {
    return jdbc.sql(
            """
            select actor, actor_hospital, at, from_status, to_status, reason_code, comment, version
            from referral_transition where referral_id = :id order by seq
            """)
        .param("id", referralId)
        .query(
            (rs, row) ->
                new HistoryEntry(
                    rs.getString("actor"),
                    rs.getString("actor_hospital"),
                    rs.getTimestamp("at").toInstant(),
                    stage(rs.getString("from_status")),
                    ReferralStage.valueOf(rs.getString("to_status")),
                    rs.getString("reason_code"),
                    rs.getString("comment"),
                    rs.getInt("version")))
        .list();
  }

  private static @Nullable ReferralStage stage(@Nullable String name) {
    return name == null ? null : ReferralStage.valueOf(name);
  }

  /** One audit row: who, for which hospital, when, from which stage to which, and why. */
  record HistoryEntry(
      String actor,
      @Nullable String actorHospital,
      Instant at,
      @Nullable ReferralStage from,
      ReferralStage to,
      @Nullable String reasonCode,
      @Nullable String comment,
      int version) {}
}
