package cn.yilianti.notification.notice;

import cn.yilianti.events.registry.ChannelType;
import cn.yilianti.events.registry.Contact;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes cases, notifications and their deliveries. The unique keys (event x recipient, then
 * notification x channel x address) make a redelivered event or a second firing a no-op; nothing
 * here calls a channel.
 */
@Repository
public class NoticeStore {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  NoticeStore(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void upsertCase(CaseNotice c) {
    jdbc.sql(
            """
            insert into notice_case (case_id, case_type, case_number, priority, from_hospital,
                from_department, to_hospital, to_department, answer_deadline, patient_key)
            values (:id, :type, :number, :priority, :from, :fromDept, :to, :toDept, :deadline, :pk)
            on conflict (case_id) do update set
                priority = excluded.priority,
                to_department = excluded.to_department,
                answer_deadline = excluded.answer_deadline,
                patient_key = coalesce(notice_case.patient_key, excluded.patient_key)
            """)
        .param("id", c.caseId())
        .param("type", c.caseType().name())
        .param("number", c.caseNumber())
        .param("priority", c.priority().name())
        .param("from", c.fromHospital())
        .param("fromDept", c.fromDepartment())
        .param("to", c.toHospital())
        .param("toDept", c.toDepartment())
        .param("deadline", java.sql.Timestamp.from(c.answerDeadline()))
        .param("pk", c.patientKey())
        .update();
  }

  /** Writes the notifications not written before and their deliveries; returns the new ids. */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<UUID> add(UUID caseId, List<NewNotification> notifications) {
    List<UUID> created = new ArrayList<>();
    for (NewNotification n : notifications) {
      insert(caseId, n)
          .ifPresent(
              id -> {
                created.add(id);
                addDeliveries(id, n);
              });
    }
    if (!created.isEmpty()) {
      events.publishEvent(new NotificationsCreated(created));
    }
    return created;
  }

  /**
   * Marks the case's open notifications as seen by {@code by} (a coordinator, or the answer that
   * made them moot); returns how many were open.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int closeAcknowledgements(UUID caseId, String by) {
    return jdbc.sql(
            """
            update notification set acknowledged_at = now(), acknowledged_by = :by
             where case_id = :case and needs_ack and acknowledged_at is null
            """)
        .param("by", by)
        .param("case", caseId)
        .update();
  }

  private Optional<UUID> insert(UUID caseId, NewNotification n) {
    Recipient r = n.recipient();
    return jdbc.sql(
            """
            insert into notification (id, case_id, event_id, event_type, event_time, hospital,
                recipient, recipient_name, role, department, escalation_level, needs_ack)
            values (:id, :case, :event, :type, :time, :hospital, :recipient, :name, :role, :dept,
                :level, :ack)
            on conflict (event_id, recipient) do nothing
            returning id
            """)
        .param("id", UUID.randomUUID())
        .param("case", caseId)
        .param("event", n.eventId())
        .param("type", n.eventType())
        .param("time", java.sql.Timestamp.from(n.eventTime()))
        .param("hospital", r.hospital())
        .param("recipient", r.key())
        .param("name", r.name())
        .param("role", r.role())
        .param("dept", r.department())
        .param("level", n.escalationLevel())
        .param("ack", r.needsAck())
        .query(UUID.class)
        .optional();
  }

  /** One delivery per contact, in one statement; a hospital system's webhooks get in line. */
  private void addDeliveries(UUID notificationId, NewNotification n) {
    List<Contact> contacts = n.recipient().contacts();
    if (contacts.isEmpty()) {
      return;
    }
    Recipient r = n.recipient();
    jdbc.sql(
            """
            insert into delivery (message_id, notification_id, event_id, recipient, hospital,
                channel, address, ordering_key, status)
            select gen_random_uuid(), :notification, :event, :recipient, :hospital, c.channel,
                   c.address,
                   case when c.channel = :webhook
                        then 'webhook|' || :hospital || '|' || c.address end,
                   'PENDING'
              from unnest(:channels, :addresses) with ordinality as c(channel, address, n)
             order by c.n
            on conflict (notification_id, channel, address) do nothing
            """)
        .param("notification", notificationId)
        .param("event", n.eventId())
        .param("recipient", r.key())
        .param("hospital", r.hospital())
        .param("webhook", ChannelType.WEBHOOK.name())
        .param("channels", contacts.stream().map(c -> c.channel().name()).toArray(String[]::new))
        .param("addresses", contacts.stream().map(Contact::address).toArray(String[]::new))
        .update();
  }
}
