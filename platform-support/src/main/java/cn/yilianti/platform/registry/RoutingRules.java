package cn.yilianti.platform.registry;

import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.registry.HospitalKind;
import cn.yilianti.events.registry.HospitalStateChanged;
import cn.yilianti.events.registry.HospitalStatus;
import cn.yilianti.events.registry.Membership;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Who may refer to whom, derived from the registry's hospitals (a snapshot: build one per decision
 * from {@code HospitalDirectory.all()} or the registry's own table). Pure: no I/O, no clock beyond
 * the {@code today} it is given, so the registry's routing endpoint and referral-service decide
 * alike.
 *
 * <ul>
 *   <li><b>Up</b> (上转): to an active hospital of a higher level that shares an active alliance
 *       membership with the sender, or that has a cross-alliance agreement with it (listed in
 *       either one's {@code agreementHospitals}).
 *   <li><b>Down</b> (下转): to an active hospital of a lower level below the sender in its hierarchy
 *       (descendants by {@code parentCode}), to a lower-level agreement partner (the closed loop
 *       back to the hospital that referred up), or to a rehabilitation and nursing facility that
 *       shares an active alliance (or an agreement) with the sender, whatever its level.
 *   <li><b>Green channel</b> (绿色通道): upward only, to a receiver with {@code
 *       capabilities.greenChannel}.
 * </ul>
 *
 * A membership is active from {@code joinedOn} until the day before {@code leftOn}. Both ends of a
 * referral must be {@link HospitalStatus#ACTIVE}.
 */
@NullMarked
public final class RoutingRules {

  /** The alliance's time zone: memberships start and end on its calendar days. */
  public static final ZoneId ALLIANCE_ZONE = ZoneId.of("Asia/Shanghai");

  public static final String SELF_REFERRAL = "self-referral";
  public static final String UNKNOWN_HOSPITAL = "unknown-hospital";
  public static final String SUSPENDED = "suspended";
  public static final String NOT_HIGHER_LEVEL = "not-higher-level";
  public static final String NOT_LOWER_LEVEL = "not-lower-level";
  public static final String NO_SHARED_ALLIANCE = "no-shared-alliance";
  public static final String NOT_IN_HIERARCHY = "not-in-hierarchy";
  public static final String NO_GREEN_CHANNEL = "no-green-channel";
  public static final String GREEN_CHANNEL_UPWARD_ONLY = "green-channel-upward-only";

  private static final Comparator<HospitalStateChanged> HIGHEST_FIRST =
      Comparator.comparingInt((HospitalStateChanged h) -> -h.level().rank())
          .thenComparing(HospitalStateChanged::code);

  private final Map<String, HospitalStateChanged> byCode;
  private final LocalDate today;

  public RoutingRules(Collection<HospitalStateChanged> hospitals, LocalDate today) {
    this.byCode =
        hospitals.stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    HospitalStateChanged::code, Function.identity(), (a, b) -> newer(a, b)));
    this.today = today;
  }

  /** Rules over {@code hospitals} as of today in the alliance's time zone. */
  public static RoutingRules of(Collection<HospitalStateChanged> hospitals) {
    return new RoutingRules(hospitals, LocalDate.now(ALLIANCE_ZONE));
  }

  /** The outcome of {@link #check}: allowed, or refused naming the request field and the rule. */
  public record RouteCheck(
      boolean allowed, @Nullable String field, @Nullable String rule, String message) {

    static RouteCheck ok() {
      return new RouteCheck(true, null, null, "allowed");
    }

    static RouteCheck refused(String field, String rule, String message) {
      return new RouteCheck(false, field, rule, message);
    }
  }

  /**
   * Whether {@code from} may refer a case of {@code priority} to {@code to} in {@code direction}.
   */
  public RouteCheck check(String from, String to, Direction direction, Priority priority) {
    if (from.equals(to)) {
      return RouteCheck.refused(
          "toHospital", SELF_REFERRAL, "must be another hospital than fromHospital");
    }
    HospitalStateChanged sender = byCode.get(from);
    if (sender == null) {
      return RouteCheck.refused(
          "fromHospital", UNKNOWN_HOSPITAL, "no member hospital " + from + " in the registry");
    }
    HospitalStateChanged receiver = byCode.get(to);
    if (receiver == null) {
      return RouteCheck.refused(
          "toHospital", UNKNOWN_HOSPITAL, "no member hospital " + to + " in the registry");
    }
    if (sender.status() != HospitalStatus.ACTIVE) {
      return RouteCheck.refused("fromHospital", SUSPENDED, from + " is suspended");
    }
    if (receiver.status() != HospitalStatus.ACTIVE) {
      return RouteCheck.refused("toHospital", SUSPENDED, to + " is suspended");
    }
    RouteCheck route =
        direction == Direction.UP ? checkUp(sender, receiver) : checkDown(sender, receiver);
    if (!route.allowed() || priority != Priority.GREEN_CHANNEL) {
      return route;
    }
    if (direction == Direction.DOWN) {
      return RouteCheck.refused(
          "priority", GREEN_CHANNEL_UPWARD_ONLY, "the green channel is for upward referrals only");
    }
    if (!receiver.capabilities().greenChannel()) {
      return RouteCheck.refused(
          "priority", NO_GREEN_CHANNEL, to + " does not receive green-channel cases");
    }
    return route;
  }

  /** Active hospitals {@code from} may refer up to, highest level first. */
  public List<HospitalStateChanged> upwardTargets(String from) {
    return targets(from, (sender, h) -> checkUp(sender, h).allowed());
  }

  /** Active hospitals {@code from} may refer down to, highest level first. */
  public List<HospitalStateChanged> downwardTargets(String from) {
    return targets(from, (sender, h) -> checkDown(sender, h).allowed());
  }

  /** Upward targets of {@code from} that receive green-channel cases. */
  public List<HospitalStateChanged> greenChannelReceivers(String from) {
    return upwardTargets(from).stream().filter(h -> h.capabilities().greenChannel()).toList();
  }

  /**
   * Active hospitals that offer {@code type} to {@code from}: they share an active alliance with it
   * or have an agreement with it, whatever their level (a county hospital reads its township
   * centres' ECGs).
   */
  public List<HospitalStateChanged> consultationProviders(String from, ConsultationType type) {
    return targets(
        from,
        (sender, h) ->
            h.capabilities().consultations().contains(type)
                && (sharesAlliance(sender, h) || hasAgreement(sender, h)));
  }

  /** The hospital by code, if the snapshot has it. */
  public Optional<HospitalStateChanged> hospital(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** Alliance codes of the hospital's memberships active on {@code today}. */
  public Set<String> activeAlliances(HospitalStateChanged hospital) {
    return hospital.memberships().stream()
        .filter(this::isActive)
        .map(Membership::allianceCode)
        .collect(Collectors.toUnmodifiableSet());
  }

  private RouteCheck checkUp(HospitalStateChanged sender, HospitalStateChanged receiver) {
    if (!receiver.level().isAbove(sender.level())) {
      return RouteCheck.refused(
          "toHospital",
          NOT_HIGHER_LEVEL,
          "an upward referral goes to a higher level than "
              + sender.level()
              + "; "
              + receiver.code()
              + " is "
              + receiver.level());
    }
    if (!sharesAlliance(sender, receiver) && !hasAgreement(sender, receiver)) {
      return RouteCheck.refused(
          "toHospital",
          NO_SHARED_ALLIANCE,
          receiver.code() + " shares no active alliance or agreement with " + sender.code());
    }
    return RouteCheck.ok();
  }

  private RouteCheck checkDown(HospitalStateChanged sender, HospitalStateChanged receiver) {
    if (receiver.kind() == HospitalKind.REHABILITATION_AND_NURSING) {
      return sharesAlliance(sender, receiver) || hasAgreement(sender, receiver)
          ? RouteCheck.ok()
          : RouteCheck.refused(
              "toHospital",
              NO_SHARED_ALLIANCE,
              receiver.code() + " shares no active alliance with " + sender.code());
    }
    if (!sender.level().isAbove(receiver.level())) {
      return RouteCheck.refused(
          "toHospital",
          NOT_LOWER_LEVEL,
          "a downward referral goes to a lower level than "
              + sender.level()
              + "; "
              + receiver.code()
              + " is "
              + receiver.level());
    }
    if (!isDescendant(receiver, sender.code()) && !hasAgreement(sender, receiver)) {
      return RouteCheck.refused(
          "toHospital",
          NOT_IN_HIERARCHY,
          receiver.code() + " is not below " + sender.code() + " in its hierarchy");
    }
    return RouteCheck.ok();
  }

  private List<HospitalStateChanged> targets(
      String from, BiPredicate<HospitalStateChanged, HospitalStateChanged> ok) {
    HospitalStateChanged sender = byCode.get(from);
    if (sender == null || sender.status() != HospitalStatus.ACTIVE) {
      return List.of();
    }
    Predicate<HospitalStateChanged> candidate =
        h -> !h.code().equals(from) && h.status() == HospitalStatus.ACTIVE && ok.test(sender, h);
    return byCode.values().stream().filter(candidate).sorted(HIGHEST_FIRST).toList();
  }

  /** Walks up from {@code hospital} by parent codes; a cycle in stale data ends the walk. */
  private boolean isDescendant(HospitalStateChanged hospital, String ancestor) {
    Set<String> seen = new HashSet<>();
    String parent = hospital.parentCode();
    while (parent != null && seen.add(parent)) {
      if (parent.equals(ancestor)) {
        return true;
      }
      HospitalStateChanged next = byCode.get(parent);
      parent = next == null ? null : next.parentCode();
    }
    return false;
  }

  private boolean sharesAlliance(HospitalStateChanged a, HospitalStateChanged b) {
    Set<String> alliances = activeAlliances(a);
    return b.memberships().stream()
        .anyMatch(m -> isActive(m) && alliances.contains(m.allianceCode()));
  }

  /** An agreement binds both hospitals, whichever of them lists it. */
  private static boolean hasAgreement(HospitalStateChanged a, HospitalStateChanged b) {
    return a.agreementHospitals().contains(b.code()) || b.agreementHospitals().contains(a.code());
  }

  private boolean isActive(Membership m) {
    LocalDate left = m.leftOn();
    return !m.joinedOn().isAfter(today) && (left == null || left.isAfter(today));
  }

  private static HospitalStateChanged newer(HospitalStateChanged a, HospitalStateChanged b) {
    return a.revision() >= b.revision() ? a : b;
  }
}
