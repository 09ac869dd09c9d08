package cn.yilianti.referral.consultation;

import cn.yilianti.events.consultation.ConsultationCancelled;
import cn.yilianti.events.consultation.ConsultationCompleted;
import cn.yilianti.events.consultation.ConsultationDeclined;
import cn.yilianti.events.consultation.ConsultationEvent;
import cn.yilianti.events.consultation.ConsultationRef;
import cn.yilianti.events.consultation.ConsultationScheduled;
import java.util.Objects;

/** The event a transition publishes, from the consultation as it is after the transition. */
final class ConsultationEvents {

  static ConsultationEvent of(Consultation after, ConsultationRef ref) {
    return switch (after.status()) {
      case SCHEDULED ->
          new ConsultationScheduled(
              ref,
              Objects.requireNonNull(after.scheduledAt()),
              Objects.requireNonNull(after.expert()));
      case COMPLETED ->
          new ConsultationCompleted(
              ref,
              after.reportUrl() != null
                  ? after.reportUrl()
                  : ConsultationService.location(after.id()));
      case DECLINED -> new ConsultationDeclined(ref, Objects.requireNonNull(after.reasonCode()));
      case CANCELLED -> new ConsultationCancelled(ref, Objects.requireNonNull(after.reasonCode()));
      case REQUESTED -> throw new IllegalArgumentException("not a transition: " + after.status());
    };
  }

  private ConsultationEvents() {}
}
