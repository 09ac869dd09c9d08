package cn.yilianti.referral.referral;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralAnswerDeadlinePassed;
import cn.yilianti.platform.outbox.OutboxWriter;
import cn.yilianti.referral.deadline.OverdueReferrals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral table's side of the deadline sweep: unanswered referrals past their deadline, for
 * the sweep. Rows are claimed with {@code FOR UPDATE SKIP LOCKED} and flagged in the same
 * transaction as their event, so however many replicas sweep at once, each deadline fires once and
 * each referral expires once.
 */
@Service
class OverdueReferralsStore implements OverdueReferrals {

  private final JdbcClient jdbc;
  private final ReferralLifecycle lifecycle;
  private final OutboxWriter outbox;
  private final ReferralMapper mapper;
  private final ReferralProperties properties;
  private final Clock clock = Clock.systemUTC();

  OverdueReferralsStore(
      JdbcClient jdbc,
      ReferralLifecycle lifecycle,
      OutboxWriter outbox,
      ReferralMapper mapper,
      ReferralProperties properties) {
    this.jdbc = jdbc;
    this.lifecycle = lifecycle;
    this.outbox = outbox;
    this.mapper = mapper;
    this.properties = properties;
  }

  @Override
  @Transactional
  public List<Labels> passDeadlines(int limit) {
    List<Referral> passed =
        jdbc.sql(
                """
                update referral set deadline_passed = true
                where id in (select id from referral
                  where status = 'SUBMITTED' and not deadline_passed and answer_deadline <= now()
                  order by answer_deadline limit :limit for update skip locked)
                returning *
                """)
            .param("limit", limit)
            .query(ReferralRepository::map)
            .list();
    Instant now = clock.instant();
    for (Referral r : passed) {
      outbox.append(
          CloudEvent.of(
              properties.source(), new ReferralAnswerDeadlinePassed(mapper.toRef(r)), now));
    }
    return passed.stream().map(r -> new Labels(r.alliance(), r.direction(), r.priority())).toList();
  }

  @Override
  @Transactional
  public int expire(Duration grace, int limit) {
    List<UUID> due =
        jdbc.sql(
                """
                select id from referral
                where status = 'SUBMITTED' and answer_deadline + cast(:grace as interval) <= now()
                order by answer_deadline limit :limit for update skip locked
                """)
            .param("grace", grace.toSeconds() + " seconds")
            .param("limit", limit)
            .query(UUID.class)
            .list();
    int expired = 0;
    for (UUID id : due) {
      if (lifecycle.expire(id)) {
        expired++;
      }
    }
    return expired;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Backlog> backlog() {
    return jdbc.sql(
            """
            select alliance, direction, priority, count(*) as unanswered,
              count(*) filter (where answer_deadline <= now()) as overdue
            from referral where status = 'SUBMITTED' group by alliance, direction, priority
            """)
        .query(
            (rs, row) ->
                new Backlog(
                    new Labels(
                        rs.getString("alliance"),
                        Direction.valueOf(rs.getString("direction")),
                        Priority.valueOf(rs.getString("priority"))),
                    rs.getLong("unanswered"),
                    rs.getLong("overdue")))
        .list();
  }
}
