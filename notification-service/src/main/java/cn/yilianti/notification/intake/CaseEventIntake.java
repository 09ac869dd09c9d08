package cn.yilianti.notification.intake;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.PlatformEvent;
import cn.yilianti.events.consultation.ConsultationEvent;
import cn.yilianti.events.consultation.ConsultationRequested;
import cn.yilianti.events.referral.ReferralEvent;
import cn.yilianti.events.referral.ReferralSubmitted;
import cn.yilianti.events.registry.CoordinatorRole;
import cn.yilianti.notification.escalation.EscalationProperties;
import cn.yilianti.notification.escalation.EscalationTimers;
import cn.yilianti.notification.notice.CaseNotice;
import cn.yilianti.notification.notice.NewNotification;
import cn.yilianti.notification.notice.NoticeStore;
import cn.yilianti.notification.notice.Recipient;
import cn.yilianti.platform.consumer.ProcessedEvents;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns one case event into notification and delivery rows, once: the receipt, the rows and the
 * escalation timer commit together. Channels are called later, by the delivery worker.
 */
@Service
class CaseEventIntake {

  static final String CONSUMER = "notification-intake";
  private static final Logger log = LoggerFactory.getLogger(CaseEventIntake.class);

  private final ProcessedEvents processed;
  private final CaseNoticeMapper mapper;
  private final Recipients recipients;
  private final NoticeStore store;
  private final EscalationTimers timers;
  private final EscalationProperties escalation;

  CaseEventIntake(
      ProcessedEvents processed,
      CaseNoticeMapper mapper,
      Recipients recipients,
      NoticeStore store,
      EscalationTimers timers,
      EscalationProperties escalation) {
    this.processed = processed;
    this.mapper = mapper;
    this.recipients = recipients;
    this.store = store;
    this.timers = timers;
    this.escalation = escalation;
  }

  @Transactional
  void accept(CloudEvent<PlatformEvent> event) {
    switch (event.data()) {
      case ReferralEvent r -> {
        if (processed.firstDelivery(CONSUMER, event.id())) {
          String patientKey = r instanceof ReferralSubmitted s ? s.patientKey() : null;
          handle(event, mapper.referral(r.referral(), patientKey), CaseEventKind.of(r));
        }
      }
      case ConsultationEvent c -> {
        if (processed.firstDelivery(CONSUMER, event.id())) {
          String patientKey = c instanceof ConsultationRequested q ? q.patientKey() : null;
          handle(event, mapper.consultation(c.consultation(), patientKey), CaseEventKind.of(c));
        }
      }
      default -> log.debug("Ignoring {} {}", event.type(), event.id());
    }
  }

  private void handle(CloudEvent<PlatformEvent> event, CaseNotice notice, CaseEventKind kind) {
    store.upsertCase(notice);
    List<Recipient> told =
        switch (kind) {
          case NEW, WITHDRAWN ->
              recipients.at(
                  notice.toHospital(),
                  notice.toDepartment(),
                  CoordinatorRole.COORDINATOR,
                  kind == CaseEventKind.NEW,
                  true);
          case ANSWER ->
              recipients.at(
                  notice.fromHospital(),
                  notice.fromDepartment(),
                  CoordinatorRole.COORDINATOR,
                  false,
                  true);
          case DEADLINE_PASSED -> List.of();
        };
    if (told.isEmpty() && kind != CaseEventKind.DEADLINE_PASSED) {
      log.warn(
          "No recipient in the registry for {} {} of case {}",
          eventType(event),
          event.id(),
          notice.caseNumber());
    }
    String type = eventType(event);
    store.add(
        notice.caseId(),
        told.stream().map(r -> new NewNotification(event.id(), type, event.time(), 0, r)).toList());
    switch (kind) {
      case NEW -> {
        Duration within =
            escalation.ruleFor(notice.toHospital(), notice.priority()).acknowledgeWithin();
        if (within != null) {
          timers.arm(notice.caseId(), within);
        }
      }
      case DEADLINE_PASSED -> timers.fireNow(notice.caseId());
      case ANSWER, WITHDRAWN -> {
        timers.stop(notice.caseId(), type);
        store.closeAcknowledgements(notice.caseId(), type);
      }
    }
  }

  /** {@code cn.yilianti.referral.accepted.v1} → {@code referral.accepted}. */
  static String eventType(CloudEvent<?> event) {
    String type = event.type().replaceFirst("^cn\\.yilianti\\.", "");
    return type.replaceFirst("\\.v\\d+$", "");
  }
}
