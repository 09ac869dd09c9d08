package cn.yilianti.platform.registry;

import static cn.yilianti.events.referral.Direction.DOWN;
import static cn.yilianti.events.referral.Direction.UP;
import static cn.yilianti.events.referral.Priority.GREEN_CHANNEL;
import static cn.yilianti.events.referral.Priority.ROUTINE;
import static cn.yilianti.events.referral.Priority.URGENT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.registry.Capabilities;
import cn.yilianti.events.registry.HospitalKind;
import cn.yilianti.events.registry.HospitalLevel;
import cn.yilianti.events.registry.HospitalStateChanged;
import cn.yilianti.events.registry.HospitalStatus;
import cn.yilianti.events.registry.Membership;
import cn.yilianti.events.registry.MembershipRole;
import cn.yilianti.events.registry.Region;
import cn.yilianti.platform.registry.RoutingRules.RouteCheck;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Alliance A: CORE (tertiary A) leads COUNTY-1 and COUNTY-2 (secondary A); COUNTY-1 leads TOWN-1
 * (primary), which leads VILLAGE-1 (unrated); REHAB is a secondary rehabilitation facility.
 * Alliance B: SGH (tertiary A) leads JT-1 (tertiary B). OTHER-COUNTY is in neither.
 */
class RoutingRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  private static final String A = "ALLIANCE-A";
  private static final String B = "ALLIANCE-B";

  private final List<HospitalStateChanged> hospitals = new ArrayList<>();

  RoutingRulesTest() {
    add(h("CORE", HospitalLevel.TERTIARY_A, null, A).greenChannel(true));
    add(h("COUNTY-1", HospitalLevel.SECONDARY_A, "CORE", A));
    add(h("COUNTY-2", HospitalLevel.SECONDARY_A, "CORE", A));
    add(h("TOWN-1", HospitalLevel.PRIMARY, "COUNTY-1", A));
    add(h("VILLAGE-1", HospitalLevel.UNRATED, "TOWN-1", A));
    add(
        h("REHAB", HospitalLevel.SECONDARY_B, null, A)
            .kind(HospitalKind.REHABILITATION_AND_NURSING));
    add(h("SGH", HospitalLevel.TERTIARY_A, null, B).greenChannel(true));
    add(h("JT-1", HospitalLevel.TERTIARY_B, "SGH", B));
    add(h("OTHER-COUNTY", HospitalLevel.SECONDARY_A, null, "ALLIANCE-C"));
  }

  @Test
  void countyHospitalRefersUpToTheCoreOfItsAlliance() {
    assertThat(rules().check("COUNTY-1", "CORE", UP, URGENT).allowed()).isTrue();
  }

  @Test
  void townshipCentreMayRefersUpPastItsCountyToAnyHigherLevelInTheAlliance() {
    assertThat(rules().check("TOWN-1", "COUNTY-2", UP, ROUTINE).allowed()).isTrue();
    assertThat(rules().check("VILLAGE-1", "CORE", UP, ROUTINE).allowed()).isTrue();
  }

  @Test
  void rejectsUpwardReferralToSameOrLowerLevel() {
    assertRefused(
        rules().check("COUNTY-1", "COUNTY-2", UP, ROUTINE), "toHospital:not-higher-level");
    assertRefused(rules().check("COUNTY-1", "TOWN-1", UP, ROUTINE), "toHospital:not-higher-level");
  }

  @Test
  void rejectsUpwardReferralToAnotherAllianceWithoutAgreement() {
    assertRefused(rules().check("COUNTY-1", "SGH", UP, ROUTINE), "toHospital:no-shared-alliance");
  }

  @Test
  void crossAllianceAgreementAllowsUpwardReferralWhicheverSideListsIt() {
    replace(h("COUNTY-1", HospitalLevel.SECONDARY_A, "CORE", A).agreements("SGH"));
    assertThat(rules().check("COUNTY-1", "SGH", UP, ROUTINE).allowed()).isTrue();

    replace(h("SGH", HospitalLevel.TERTIARY_A, null, B).agreements("COUNTY-2"));
    assertThat(rules().check("COUNTY-2", "SGH", UP, ROUTINE).allowed()).isTrue();
  }

  @Test
  void membershipThatEndedOrHasNotStartedDoesNotCount() {
    replace(h("COUNTY-2", HospitalLevel.SECONDARY_A, "CORE").member(A, date(2020, 1, 1), TODAY));
    assertRefused(rules().check("COUNTY-2", "CORE", UP, ROUTINE), "toHospital:no-shared-alliance");

    replace(h("COUNTY-2", HospitalLevel.SECONDARY_A, "CORE").member(A, TODAY.plusDays(1), null));
    assertRefused(rules().check("COUNTY-2", "CORE", UP, ROUTINE), "toHospital:no-shared-alliance");

    replace(h("COUNTY-2", HospitalLevel.SECONDARY_A, "CORE").member(A, TODAY, TODAY.plusDays(1)));
    assertThat(rules().check("COUNTY-2", "CORE", UP, ROUTINE).allowed()).isTrue();
  }

  @Test
  void refersDownToAnyLowerLevelBelowItInTheHierarchy() {
    assertThat(rules().check("CORE", "COUNTY-1", DOWN, ROUTINE).allowed()).isTrue();
    assertThat(rules().check("COUNTY-1", "TOWN-1", DOWN, ROUTINE).allowed()).isTrue();
    assertThat(rules().check("CORE", "VILLAGE-1", DOWN, ROUTINE).allowed()).isTrue();
  }

  @Test
  void rejectsDownwardReferralOutsideItsHierarchy() {
    assertRefused(
        rules().check("COUNTY-2", "TOWN-1", DOWN, ROUTINE), "toHospital:not-in-hierarchy");
  }

  @Test
  void rejectsDownwardReferralToSameOrHigherLevel() {
    assertRefused(rules().check("TOWN-1", "COUNTY-1", DOWN, ROUTINE), "toHospital:not-lower-level");
    assertRefused(
        rules().check("COUNTY-1", "COUNTY-2", DOWN, ROUTINE), "toHospital:not-lower-level");
  }

  @Test
  void refersDownToTheRehabilitationFacilityOfItsAllianceWhateverItsLevel() {
    assertThat(rules().check("CORE", "REHAB", DOWN, ROUTINE).allowed()).isTrue();
    assertThat(rules().check("TOWN-1", "REHAB", DOWN, ROUTINE).allowed()).isTrue();
    assertRefused(rules().check("SGH", "REHAB", DOWN, ROUTINE), "toHospital:no-shared-alliance");
  }

  @Test
  void agreementPartnerOfLowerLevelReceivesDownwardReferralsBack() {
    replace(h("COUNTY-1", HospitalLevel.SECONDARY_A, "CORE", A).agreements("SGH"));

    assertThat(rules().check("SGH", "COUNTY-1", DOWN, ROUTINE).allowed()).isTrue();
    assertRefused(rules().check("SGH", "COUNTY-2", DOWN, ROUTINE), "toHospital:not-in-hierarchy");
  }

  @Test
  void suspendedSenderOrReceiverIsRefused() {
    replace(h("CORE", HospitalLevel.TERTIARY_A, null, A).status(HospitalStatus.SUSPENDED));
    assertRefused(rules().check("COUNTY-1", "CORE", UP, ROUTINE), "toHospital:suspended");
    assertRefused(rules().check("CORE", "COUNTY-1", DOWN, ROUTINE), "fromHospital:suspended");
  }

  @Test
  void unknownHospitalsAndSelfReferralAreNamed() {
    assertRefused(rules().check("NOPE", "CORE", UP, ROUTINE), "fromHospital:unknown-hospital");
    assertRefused(rules().check("COUNTY-1", "NOPE", UP, ROUTINE), "toHospital:unknown-hospital");
    assertRefused(rules().check("CORE", "CORE", DOWN, ROUTINE), "toHospital:self-referral");
  }

  @Test
  void greenChannelGoesUpToReceiversThatTakeIt() {
    assertThat(rules().check("COUNTY-1", "CORE", UP, GREEN_CHANNEL).allowed()).isTrue();
    assertRefused(
        rules().check("TOWN-1", "COUNTY-1", UP, GREEN_CHANNEL), "priority:no-green-channel");
    assertRefused(
        rules().check("CORE", "COUNTY-1", DOWN, GREEN_CHANNEL),
        "priority:green-channel-upward-only");
  }

  @Test
  void routeRulesComeBeforeThePriorityRule() {
    assertRefused(
        rules().check("COUNTY-1", "SGH", UP, GREEN_CHANNEL), "toHospital:no-shared-alliance");
  }

  @Test
  void upwardTargetsAreActiveHigherLevelsOfItsAlliancesHighestFirst() {
    replace(h("COUNTY-2", HospitalLevel.SECONDARY_A, "CORE", A).status(HospitalStatus.SUSPENDED));

    assertThat(codes(rules().upwardTargets("TOWN-1"))).containsExactly("CORE", "COUNTY-1", "REHAB");
    assertThat(codes(rules().upwardTargets("CORE"))).isEmpty();
    assertThat(codes(rules().upwardTargets("NOPE"))).isEmpty();
  }

  @Test
  void downwardTargetsAreItsDescendantsAndTheRehabilitationFacility() {
    assertThat(codes(rules().downwardTargets("COUNTY-1")))
        .containsExactly("REHAB", "TOWN-1", "VILLAGE-1");
    assertThat(codes(rules().downwardTargets("CORE")))
        .containsExactly("COUNTY-1", "COUNTY-2", "REHAB", "TOWN-1", "VILLAGE-1");
  }

  @Test
  void suspendedSenderHasNoTargets() {
    replace(h("COUNTY-1", HospitalLevel.SECONDARY_A, "CORE", A).status(HospitalStatus.SUSPENDED));
    assertThat(rules().upwardTargets("COUNTY-1")).isEmpty();
    assertThat(rules().downwardTargets("COUNTY-1")).isEmpty();
  }

  @Test
  void greenChannelReceiversAreUpwardTargetsThatTakeIt() {
    replace(h("COUNTY-1", HospitalLevel.SECONDARY_A, "CORE", A).agreements("SGH"));
    assertThat(codes(rules().greenChannelReceivers("COUNTY-1"))).containsExactly("CORE", "SGH");
    assertThat(codes(rules().greenChannelReceivers("COUNTY-2"))).containsExactly("CORE");
  }

  @Test
  void consultationProvidersOfferTheTypeInASharedAllianceWhateverTheirLevel() {
    replace(
        h("COUNTY-1", HospitalLevel.SECONDARY_A, "CORE", A)
            .consultations(ConsultationType.ECG, ConsultationType.ULTRASOUND));
    replace(h("CORE", HospitalLevel.TERTIARY_A, null, A).consultations(ConsultationType.ECG));
    replace(h("SGH", HospitalLevel.TERTIARY_A, null, B).consultations(ConsultationType.ECG));

    assertThat(codes(rules().consultationProviders("TOWN-1", ConsultationType.ECG)))
        .containsExactly("CORE", "COUNTY-1");
    assertThat(codes(rules().consultationProviders("TOWN-1", ConsultationType.ULTRASOUND)))
        .containsExactly("COUNTY-1");
    assertThat(codes(rules().consultationProviders("JT-1", ConsultationType.ECG)))
        .containsExactly("SGH");
  }

  @Test
  void cycleInStaleDataEndsTheHierarchyWalk() {
    replace(h("COUNTY-1", HospitalLevel.SECONDARY_A, "TOWN-1", A));

    assertRefused(
        rules().check("COUNTY-2", "TOWN-1", DOWN, ROUTINE), "toHospital:not-in-hierarchy");
  }

  @Test
  void newerRevisionOfTheSameHospitalWins() {
    HospitalStateChanged suspended =
        h("CORE", HospitalLevel.TERTIARY_A, null, A)
            .status(HospitalStatus.SUSPENDED)
            .revision(9)
            .build();
    hospitals.add(suspended);

    assertThat(rules().hospital("CORE")).contains(suspended);
    assertThat(rules().activeAlliances(suspended)).containsExactly(A);
  }

  private RoutingRules rules() {
    return new RoutingRules(hospitals, TODAY);
  }

  private void add(Builder builder) {
    hospitals.add(builder.build());
  }

  private void replace(Builder builder) {
    HospitalStateChanged h = builder.build();
    hospitals.removeIf(existing -> existing.code().equals(h.code()));
    hospitals.add(h);
  }

  private static void assertRefused(RouteCheck check, String fieldAndRule) {
    assertThat(check.allowed()).as(check.message()).isFalse();
    assertThat(check.field() + ":" + check.rule()).isEqualTo(fieldAndRule);
    assertThat(check.message()).isNotBlank();
  }

  private static List<String> codes(List<HospitalStateChanged> hospitals) {
    return hospitals.stream().map(HospitalStateChanged::code).toList();
  }

  private static LocalDate date(int y, int m, int d) {
    return LocalDate.of(y, m, d);
  }

  private static Builder h(
      String code, HospitalLevel level, @Nullable String parent, String... alliances) {
    Builder b = new Builder(code, level, parent);
    for (String alliance : alliances) {
      b.member(alliance, date(2021, 4, 1), null);
    }
    return b;
  }

  /** A hospital as the registry publishes it, with only what routing reads set. */
  private static final class Builder {
    private final String code;
    private final HospitalLevel level;
    private final @Nullable String parent;
    private final List<Membership> memberships = new ArrayList<>();
    private List<String> agreements = List.of();
    private HospitalKind kind = HospitalKind.GENERAL;
    private boolean greenChannel;
    private Set<ConsultationType> consultations = Set.of();
    private HospitalStatus status = HospitalStatus.ACTIVE;
    private long revision = 1;

    Builder(String code, HospitalLevel level, @Nullable String parent) {
      this.code = code;
      this.level = level;
      this.parent = parent;
    }

    Builder member(String alliance, LocalDate joined, @Nullable LocalDate left) {
      memberships.add(new Membership(alliance, MembershipRole.TIGHT, joined, left));
      return this;
    }

    Builder agreements(String... codes) {
      agreements = List.of(codes);
      return this;
    }

    Builder kind(HospitalKind value) {
      kind = value;
      return this;
    }

    Builder greenChannel(boolean value) {
      greenChannel = value;
      return this;
    }

    Builder consultations(ConsultationType... types) {
      consultations = Set.of(types);
      return this;
    }

    Builder status(HospitalStatus value) {
      status = value;
      return this;
    }

    Builder revision(long value) {
      revision = value;
      return this;
    }

    HospitalStateChanged build() {
      return new HospitalStateChanged(
          code,
          code,
          code,
          level,
          kind,
          new Region("500000", "500100", "500101"),
          parent,
          List.copyOf(memberships),
          agreements,
          List.of(),
          new Capabilities(greenChannel, consultations),
          100,
          List.of(),
          List.of(),
          status,
          revision);
    }
  }
}
