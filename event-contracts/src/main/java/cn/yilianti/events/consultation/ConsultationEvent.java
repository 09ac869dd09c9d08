package cn.yilianti.events.consultation;

import cn.yilianti.events.PlatformEvent;
import cn.yilianti.events.Topics;
import org.jspecify.annotations.Nullable;

/** An event of one consultation; keyed by the consultation id. */
public sealed interface ConsultationEvent extends PlatformEvent
    permits ConsultationRequested,
        ConsultationScheduled,
        ConsultationCompleted,
        ConsultationDeclined,
        ConsultationCancelled,
        ConsultationAnswerDeadlinePassed {

  ConsultationRef consultation();

  /** The stage the consultation entered, or null when the event does not change the stage. */
  default @Nullable ConsultationStage stage() {
    return switch (this) {
      case ConsultationRequested e -> ConsultationStage.REQUESTED;
      case ConsultationScheduled e -> ConsultationStage.SCHEDULED;
      case ConsultationCompleted e -> ConsultationStage.COMPLETED;
      case ConsultationDeclined e -> ConsultationStage.DECLINED;
      case ConsultationCancelled e -> ConsultationStage.CANCELLED;
      case ConsultationAnswerDeadlinePassed e -> null;
    };
  }

  @Override
  default String key() {
    return consultation().consultationId().toString();
  }

  @Override
  default String topic() {
    return Topics.CONSULTATION;
  }
}
