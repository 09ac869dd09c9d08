package cn.yilianti.indicator.projection;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.PlatformEvent;
import cn.yilianti.events.consultation.ConsultationCancelled;
import cn.yilianti.events.consultation.ConsultationDeclined;
import cn.yilianti.events.consultation.ConsultationEvent;
import cn.yilianti.events.consultation.ConsultationRef;
import cn.yilianti.events.consultation.ConsultationStage;
import cn.yilianti.events.referral.ReferralAccepted;
import cn.yilianti.events.referral.ReferralCancelled;
import cn.yilianti.events.referral.ReferralEvent;
import cn.yilianti.events.referral.ReferralRef;
import cn.yilianti.events.referral.ReferralRejected;
import cn.yilianti.events.referral.ReferralStage;
import cn.yilianti.indicator.projection.Fact.Answer;
import cn.yilianti.indicator.projection.Fact.Kind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Turns an event into the fact it adds; events that change no stage add nothing. */
@Component
public class Facts {

  private final ZoneId zone;

  public Facts(@Value("${indicator.zone:Asia/Shanghai}") ZoneId zone) {
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  public Optional<Fact> of(CloudEvent<PlatformEvent> event) {
    return switch (event.data()) {
      case ReferralEvent referral -> referral(event, referral);
      case ConsultationEvent consultation -> consultation(event, consultation);
      default -> Optional.empty();
    };
  }

  private Optional<Fact> referral(CloudEvent<PlatformEvent> event, ReferralEvent data) {
    ReferralStage stage = data.stage();
    if (stage == null) {
      return Optional.empty();
    }
    ReferralRef ref = data.referral();
    return Optional.of(
        new Fact(
            event.id(),
            event.type(),
            data.topic(),
            ref.referralId(),
            Kind.REFERRAL,
            ref.fromHospital(),
            ref.toHospital(),
            ref.direction().name(),
            stage.name(),
            ref.priority().name(),
            event.time().atZone(zone).toLocalDate(),
            reason(data),
            event.time(),
            answer(event.time(), data)));
  }

  private Optional<Fact> consultation(CloudEvent<PlatformEvent> event, ConsultationEvent data) {
    ConsultationStage stage = data.stage();
    if (stage == null) {
      return Optional.empty();
    }
    ConsultationRef ref = data.consultation();
    String reason =
        switch (data) {
          case ConsultationDeclined d -> d.reasonCode();
          case ConsultationCancelled c -> c.reasonCode();
          default -> null;
        };
    return Optional.of(
        new Fact(
            event.id(),
            event.type(),
            data.topic(),
            ref.consultationId(),
            Kind.CONSULTATION,
            ref.fromHospital(),
            ref.toHospital(),
            ref.type().name(),
            stage.name(),
            ref.priority().name(),
            event.time().atZone(zone).toLocalDate(),
            reason,
            event.time(),
            null));
  }

  private static @Nullable String reason(ReferralEvent data) {
    return switch (data) {
      case ReferralRejected r -> r.reasonCode();
      case ReferralCancelled c -> c.reasonCode();
      default -> null;
    };
  }

  private static @Nullable Answer answer(Instant eventTime, ReferralEvent data) {
    ReferralRef ref = data.referral();
    return switch (data) {
      case ReferralAccepted a -> answer("ACCEPTED", ref, a.acceptedAt());
      case ReferralRejected r -> answer("REJECTED", ref, eventTime);
      default -> null;
    };
  }

  private static Answer answer(String outcome, ReferralRef ref, Instant answeredAt) {
    return new Answer(
        outcome,
        Math.max(0, Duration.between(ref.submittedAt(), answeredAt).toSeconds()),
        !answeredAt.isAfter(ref.answerDeadline()));
  }
}
