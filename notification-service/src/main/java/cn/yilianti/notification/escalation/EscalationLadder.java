package cn.yilianti.notification.escalation;

import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.registry.CoordinatorRole;
import cn.yilianti.notification.intake.Recipients;
import cn.yilianti.notification.metrics.NotificationMetrics;
import cn.yilianti.notification.notice.NewNotification;
import cn.yilianti.notification.notice.NoticeStore;
import cn.yilianti.notification.notice.Recipient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fires due escalation timers: tells the next rung of the case's ladder that has anyone on it, then
 * re-arms the timer one step later until the last rung has been told. Timers are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so each fires on one replica; the notification's event id is
 * derived from case and rung, so a rung is never told twice.
 */
@Component
class EscalationLadder {

  private final JdbcClient jdbc;
  private final EscalationProperties properties;
  private final Recipients recipients;
  private final NoticeStore store;
  private final NotificationMetrics metrics;

  EscalationLadder(
      JdbcClient jdbc,
      EscalationProperties properties,
      Recipients recipients,
      NoticeStore store,
      NotificationMetrics metrics) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.recipients = recipients;
    this.store = store;
    this.metrics = metrics;
  }

  @Scheduled(fixedDelayString = "${notification.escalation.poll-interval:1s}")
  @Transactional
  public void fireDue() {
    jdbc.sql(
            """
            select case_id, case_type, priority, to_hospital, to_department, escalation_level
              from notice_case
             where escalation_due_at <= now() and escalation_stopped is null
             order by escalation_due_at
             limit 50
             for update skip locked
            """)
        .query(
            (rs, n) ->
                new DueCase(
                    rs.getObject("case_id", UUID.class),
                    rs.getString("case_type"),
                    Priority.valueOf(rs.getString("priority")),
                    rs.getString("to_hospital"),
                    rs.getString("to_department"),
                    rs.getInt("escalation_level")))
        .list()
        .forEach(this::climb);
  }

  private void climb(DueCase c) {
    EscalationProperties.Rule rule = properties.ruleFor(c.hospital(), c.priority());
    List<CoordinatorRole> ladder = rule.ladder();
    int level = c.level() + 1;
    List<Recipient> told = List.of();
    for (; level < ladder.size(); level++) {
      told = recipients.at(c.hospital(), c.department(), ladder.get(level), true, false);
      if (!told.isEmpty()) {
        break;
      }
    }
    if (told.isEmpty()) {
      update(c.caseId(), ladder.size() - 1, false, rule);
      return;
    }
    int rung = level;
    UUID eventId =
        UUID.nameUUIDFromBytes(
            (c.caseId() + ":escalation:" + rung).getBytes(StandardCharsets.UTF_8));
    String type = c.caseType().toLowerCase(Locale.ROOT) + ".escalated";
    Instant now = Instant.now();
    store.add(
        c.caseId(),
        told.stream().map(r -> new NewNotification(eventId, type, now, rung, r)).toList());
    metrics.escalated(c.priority(), rung);
    update(c.caseId(), rung, rung + 1 < ladder.size(), rule);
  }

  private void update(UUID caseId, int level, boolean more, EscalationProperties.Rule rule) {
    jdbc.sql(
            """
            update notice_case set escalation_level = :level,
                   escalation_due_at = case when :more
                       then now() + :ms * interval '1 millisecond' else null end
             where case_id = :id
            """)
        .param("level", level)
        .param("more", more)
        .param("ms", rule.step() == null ? 0 : rule.step().toMillis())
        .param("id", caseId)
        .update();
  }

  private record DueCase(
      UUID caseId,
      String caseType,
      Priority priority,
      String hospital,
      @Nullable String department,
      int level) {}
}
