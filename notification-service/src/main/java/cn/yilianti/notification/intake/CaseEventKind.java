package cn.yilianti.notification.intake;

import cn.yilianti.events.consultation.ConsultationAnswerDeadlinePassed;
import cn.yilianti.events.consultation.ConsultationCancelled;
import cn.yilianti.events.consultation.ConsultationEvent;
import cn.yilianti.events.consultation.ConsultationRequested;
import cn.yilianti.events.referral.ReferralAnswerDeadlinePassed;
import cn.yilianti.events.referral.ReferralCancelled;
import cn.yilianti.events.referral.ReferralEvent;
import cn.yilianti.events.referral.ReferralSubmitted;

/** Who hears of an event: the receiving hospital, the sending one, or the escalation ladder. */
enum CaseEventKind {
  /** A new referral or consultation request: the receiving hospital's coordinators and systems. */
  NEW,
  /** An answer or a later step: the sending hospital's systems and coordinators. */
  ANSWER,
  /** The sender withdrew the case: the receiving hospital. */
  WITHDRAWN,
  /** Nobody answered in time: the escalation ladder. */
  DEADLINE_PASSED;

  static CaseEventKind of(ReferralEvent event) {
    return switch (event) {
      case ReferralSubmitted e -> NEW;
      case ReferralCancelled e -> WITHDRAWN;
      case ReferralAnswerDeadlinePassed e -> DEADLINE_PASSED;
      default -> ANSWER;
    };
  }

  static CaseEventKind of(ConsultationEvent event) {
    return switch (event) {
      case ConsultationRequested e -> NEW;
      case ConsultationCancelled e -> WITHDRAWN;
      case ConsultationAnswerDeadlinePassed e -> DEADLINE_PASSED;
      default -> ANSWER;
    };
  }
}
