package cn.yilianti.events;

import cn.yilianti.events.consultation.ConsultationAnswerDeadlinePassed;
import cn.yilianti.events.consultation.ConsultationCancelled;
import cn.yilianti.events.consultation.ConsultationCompleted;
import cn.yilianti.events.consultation.ConsultationDeclined;
import cn.yilianti.events.consultation.ConsultationRequested;
import cn.yilianti.events.consultation.ConsultationScheduled;
import cn.yilianti.events.referral.ReferralAccepted;
import cn.yilianti.events.referral.ReferralAnswerDeadlinePassed;
import cn.yilianti.events.referral.ReferralArrived;
import cn.yilianti.events.referral.ReferralCancelled;
import cn.yilianti.events.referral.ReferralCompleted;
import cn.yilianti.events.referral.ReferralExpired;
import cn.yilianti.events.referral.ReferralNoShow;
import cn.yilianti.events.referral.ReferralRejected;
import cn.yilianti.events.referral.ReferralSubmitted;
import cn.yilianti.events.registry.HospitalStateChanged;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type the platform publishes, with its CloudEvents type name and version. */
public final class EventCatalog {

  private static final String REFERRAL = "cn.yilianti.referral.";
  private static final String CONSULTATION = "cn.yilianti.consultation.";

  public static final List<EventType> TYPES =
      List.of(
          new EventType(REFERRAL + "submitted", 1, ReferralSubmitted.class),
          new EventType(REFERRAL + "accepted", 1, ReferralAccepted.class),
          new EventType(REFERRAL + "rejected", 1, ReferralRejected.class),
          new EventType(REFERRAL + "cancelled", 1, ReferralCancelled.class),
          new EventType(REFERRAL + "arrived", 1, ReferralArrived.class),
          new EventType(REFERRAL + "completed", 1, ReferralCompleted.class),
          new EventType(REFERRAL + "no-show", 1, ReferralNoShow.class),
          new EventType(REFERRAL + "expired", 1, ReferralExpired.class),
          new EventType(REFERRAL + "answer-deadline-passed", 1, ReferralAnswerDeadlinePassed.class),
          new EventType(CONSULTATION + "requested", 1, ConsultationRequested.class),
          new EventType(CONSULTATION + "scheduled", 1, ConsultationScheduled.class),
          new EventType(CONSULTATION + "completed", 1, ConsultationCompleted.class),
          new EventType(CONSULTATION + "declined", 1, ConsultationDeclined.class),
          new EventType(CONSULTATION + "cancelled", 1, ConsultationCancelled.class),
          new EventType(
              CONSULTATION + "answer-deadline-passed", 1, ConsultationAnswerDeadlinePassed.class),
          new EventType(
              "cn.yilianti.registry.hospital-state-changed", 1, HospitalStateChanged.class));

  private static final Map<String, EventType> BY_NAME =
      TYPES.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));
  private static final Map<Class<?>, EventType> BY_CLASS =
      TYPES.stream().collect(Collectors.toUnmodifiableMap(EventType::payload, Function.identity()));

  public static EventType typeOf(Class<?> payload) {
    EventType type = BY_CLASS.get(payload);
    if (type == null) {
      throw new IllegalArgumentException("Not a registered event payload: " + payload.getName());
    }
    return type;
  }

  public static Optional<EventType> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** True when {@code name} is a known type at a version this build does not know. */
  static boolean isUnknownVersionOfKnownType(String name) {
    int dot = name.lastIndexOf(".v");
    if (dot < 0) {
      return false;
    }
    String base = name.substring(0, dot);
    return TYPES.stream().anyMatch(t -> t.baseName().equals(base));
  }

  private EventCatalog() {}
}
