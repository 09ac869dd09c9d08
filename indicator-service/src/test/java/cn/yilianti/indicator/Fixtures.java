package cn.yilianti.indicator;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.PlatformEvent;
import cn.yilianti.events.consultation.ConsultationRef;
import cn.yilianti.events.consultation.ConsultationRequested;
import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralAccepted;
import cn.yilianti.events.referral.ReferralRef;
import cn.yilianti.events.referral.ReferralRejected;
import cn.yilianti.events.referral.ReferralSubmitted;
import cn.yilianti.events.registry.Capabilities;
import cn.yilianti.events.registry.HospitalKind;
import cn.yilianti.events.registry.HospitalLevel;
import cn.yilianti.events.registry.HospitalStateChanged;
import cn.yilianti.events.registry.HospitalStatus;
import cn.yilianti.events.registry.Membership;
import cn.yilianti.events.registry.MembershipRole;
import cn.yilianti.events.registry.Region;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Events and registry entries for the indicator tests. */
public final class Fixtures {

  public static final URI SOURCE = URI.create("/referral-service");
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Noon of a day in the alliance's time zone. */
  public static Instant at(LocalDate day) {
    return LocalDateTime.of(day, java.time.LocalTime.NOON).atZone(ZONE).toInstant();
  }

  public static ReferralRef ref(
      String from, String to, Direction direction, Priority priority, Instant submittedAt) {
    Duration answer =
        switch (priority) {
          case GREEN_CHANNEL -> Duration.ofMinutes(30);
          case URGENT -> Duration.ofHours(24);
          case ROUTINE -> Duration.ofHours(72);
        };
    return new ReferralRef(
        UUID.randomUUID(),
        "R-TEST",
        direction,
        priority,
        from,
        null,
        to,
        null,
        submittedAt,
        submittedAt.plus(answer));
  }

  public static CloudEvent<PlatformEvent> submitted(ReferralRef ref) {
    return CloudEvent.of(
        SOURCE, new ReferralSubmitted(ref, "I21.4", "pk-1", null, null), ref.submittedAt());
  }

  public static CloudEvent<PlatformEvent> accepted(ReferralRef ref, Duration after) {
    Instant at = ref.submittedAt().plus(after);
    return CloudEvent.of(SOURCE, new ReferralAccepted(ref, at, "CARDIOLOGY", null, null), at);
  }

  public static CloudEvent<PlatformEvent> rejected(ReferralRef ref, String reason, Duration after) {
    return CloudEvent.of(SOURCE, new ReferralRejected(ref, reason), ref.submittedAt().plus(after));
  }

  public static CloudEvent<PlatformEvent> consultation(
      String from, String to, ConsultationType type, Instant at) {
    ConsultationRef ref =
        new ConsultationRef(
            UUID.randomUUID(),
            "C-TEST",
            type,
            Priority.ROUTINE,
            from,
            to,
            null,
            at,
            at.plus(Duration.ofHours(24)));
    return CloudEvent.of(SOURCE, new ConsultationRequested(ref, "C34.1", "pk-2"), at);
  }

  public static CloudEvent<PlatformEvent> hospital(
      String code,
      HospitalLevel level,
      @Nullable String parent,
      String province,
      String county,
      String... alliances) {
    HospitalStateChanged state =
        new HospitalStateChanged(
            code,
            code,
            code,
            level,
            level == HospitalLevel.PRIMARY
                ? HospitalKind.TOWNSHIP_HEALTH_CENTRE
                : HospitalKind.GENERAL,
            new Region(province, province.substring(0, 2) + "0100", county),
            parent,
            java.util.Arrays.stream(alliances)
                .map(a -> new Membership(a, MembershipRole.TIGHT, LocalDate.of(2020, 1, 1), null))
                .toList(),
            List.of(),
            List.of("CARDIOLOGY"),
            new Capabilities(true, Set.of(ConsultationType.ECG)),
            600,
            List.of(),
            List.of(),
            HospitalStatus.ACTIVE,
            1);
    return CloudEvent.of(SOURCE, state, Instant.now());
  }

  private Fixtures() {}
}
