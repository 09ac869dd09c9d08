package cn.yilianti.referral;

import static org.awaitility.Awaitility.await;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.registry.Capabilities;
import cn.yilianti.events.registry.HospitalKind;
import cn.yilianti.events.registry.HospitalLevel;
import cn.yilianti.events.registry.HospitalStateChanged;
import cn.yilianti.events.registry.HospitalStatus;
import cn.yilianti.events.registry.Membership;
import cn.yilianti.events.registry.MembershipRole;
import cn.yilianti.events.registry.Region;
import cn.yilianti.platform.registry.HospitalDirectory;
import cn.yilianti.test.EventPublisher;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The member hospitals every referral-service test routes between (referrals and consultations
 * alike: the test JVM shares one broker, so there is one set), published on the test broker's
 * {@code hospital-registry} topic as the registry would.
 *
 * <p>Alliance {@value #CQ}: CQMU-2 (tertiary A, green channel, every consultation type) leads the
 * county hospitals LSX-RMYY (ECG and ultrasound) and FJX-RMYY (none) and the suspended WXX-RMYY;
 * LSX-RMYY leads the township centre LSX-TOWN-1. Alliance {@value #SH}: SGH (tertiary A, every
 * type) leads JT-1; JTFH (imaging) is a tight member of its own.
 */
public final class TestRegistry {

  public static final String CQ = "CQMU2-1P8";
  public static final String SH = "SGH-JT";
  public static final String CORE = "CQMU-2";
  public static final String COUNTY = "LSX-RMYY";
  public static final String OTHER_COUNTY = "FJX-RMYY";
  public static final String TOWNSHIP = "LSX-TOWN-1";
  public static final String SUSPENDED = "WXX-RMYY";
  public static final String SHANGHAI = "SGH";
  public static final String JINTAN = "JT-1";
  public static final String OTHER_ALLIANCE = "JTFH";

  private static final Set<String> SEEDED = ConcurrentHashMap.newKeySet();
  private static final Set<ConsultationType> ALL = EnumSet.allOf(ConsultationType.class);

  static final List<HospitalStateChanged> HOSPITALS =
      List.of(
          hospital(CORE, HospitalLevel.TERTIARY_A, null, CQ, HospitalStatus.ACTIVE, ALL),
          hospital(
              COUNTY,
              HospitalLevel.SECONDARY_A,
              CORE,
              CQ,
              HospitalStatus.ACTIVE,
              EnumSet.of(ConsultationType.ECG, ConsultationType.ULTRASOUND)),
          hospital(
              OTHER_COUNTY, HospitalLevel.SECONDARY_A, CORE, CQ, HospitalStatus.ACTIVE, Set.of()),
          hospital(TOWNSHIP, HospitalLevel.PRIMARY, COUNTY, CQ, HospitalStatus.ACTIVE, Set.of()),
          hospital(
              SUSPENDED, HospitalLevel.SECONDARY_A, CORE, CQ, HospitalStatus.SUSPENDED, Set.of()),
          hospital(SHANGHAI, HospitalLevel.TERTIARY_A, null, SH, HospitalStatus.ACTIVE, ALL),
          hospital(
              JINTAN, HospitalLevel.SECONDARY_A, SHANGHAI, SH, HospitalStatus.ACTIVE, Set.of()),
          hospital(
              OTHER_ALLIANCE,
              HospitalLevel.SECONDARY_A,
              null,
              SH,
              HospitalStatus.ACTIVE,
              EnumSet.of(ConsultationType.IMAGING)));

  /** Publishes the hospitals once per broker and waits until the service's directory has them. */
  public static void seed(String bootstrapServers, HospitalDirectory directory) {
    if (SEEDED.add(bootstrapServers)) {
      try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
        for (HospitalStateChanged h : HOSPITALS) {
          publisher.publish(
              CloudEvent.of(URI.create("/hospital-registry-service"), h, Instant.now()));
        }
      }
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                directory.isReady()
                    && HOSPITALS.stream().allMatch(h -> directory.find(h.code()).isPresent()));
  }

  private static HospitalStateChanged hospital(
      String code,
      HospitalLevel level,
      @Nullable String parent,
      String alliance,
      HospitalStatus status,
      Set<ConsultationType> consultations) {
    return new HospitalStateChanged(
        code,
        code,
        code,
        level,
        level == HospitalLevel.PRIMARY ? HospitalKind.TOWNSHIP_HEALTH_CENTRE : HospitalKind.GENERAL,
        new Region("500000", "500100", "500101"),
        parent,
        List.of(
            new Membership(
                alliance,
                level == HospitalLevel.TERTIARY_A ? MembershipRole.CORE : MembershipRole.TIGHT,
                LocalDate.of(2021, 4, 1),
                null)),
        List.of(),
        List.of("CARDIOLOGY", "NEUROLOGY", "RADIOLOGY", "PATHOLOGY", "ONCOLOGY"),
        new Capabilities(level == HospitalLevel.TERTIARY_A, consultations),
        500,
        List.of(),
        List.of(),
        status,
        1);
  }

  private TestRegistry() {}
}
