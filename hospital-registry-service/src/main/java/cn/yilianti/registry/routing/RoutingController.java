package cn.yilianti.registry.routing;

import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.registry.HospitalStateChanged;
import cn.yilianti.platform.registry.RoutingRules;
import cn.yilianti.platform.registry.RoutingRules.RouteCheck;
import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.web.ProblemException;
import cn.yilianti.registry.hospital.HospitalAccess;
import cn.yilianti.registry.hospital.HospitalMapper;
import cn.yilianti.registry.hospital.HospitalRepository;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routing derived from the registry, with the same {@link RoutingRules} referral-service applies:
 * where a hospital may refer up and down, who receives its green-channel cases, who offers which
 * remote consultation; and a check of one referral route. An HIS client asks for its own hospital.
 */
@RestController
class RoutingController {

  private final HospitalRepository hospitals;
  private final HospitalMapper mapper;

  RoutingController(HospitalRepository hospitals, HospitalMapper mapper) {
    this.hospitals = hospitals;
    this.mapper = mapper;
  }

  /** Routes of one hospital. */
  record Routes(
      String hospital,
      List<RouteTarget> upward,
      List<RouteTarget> downward,
      List<RouteTarget> greenChannel,
      Map<ConsultationType, List<RouteTarget>> consultations) {}

  @GetMapping("/api/v1/routing/{code}")
  @Transactional(readOnly = true)
  Routes routes(@PathVariable String code, Caller caller) {
    HospitalAccess.requireMayRead(caller, code);
    RoutingRules rules = rules();
    if (rules.hospital(code).isEmpty()) {
      throw ProblemException.notFound("Hospital", code);
    }
    Map<ConsultationType, List<RouteTarget>> consultations = new EnumMap<>(ConsultationType.class);
    for (ConsultationType type : ConsultationType.values()) {
      consultations.put(type, targets(rules.consultationProviders(code, type)));
    }
    return new Routes(
        code,
        targets(rules.upwardTargets(code)),
        targets(rules.downwardTargets(code)),
        targets(rules.greenChannelReceivers(code)),
        consultations);
  }

  /** Whether {@code from} may refer a case of {@code priority} to {@code to}; why not if not. */
  @GetMapping("/api/v1/routing/check")
  @Transactional(readOnly = true)
  RouteCheck check(
      @RequestParam String from,
      @RequestParam String to,
      @RequestParam Direction direction,
      @RequestParam(defaultValue = "ROUTINE") Priority priority,
      Caller caller) {
    HospitalAccess.requireMayRead(caller, from);
    return rules().check(from, to, direction, priority);
  }

  private RoutingRules rules() {
    return RoutingRules.of(hospitals.all().stream().map(mapper::toEvent).toList());
  }

  private static List<RouteTarget> targets(List<HospitalStateChanged> hospitals) {
    return hospitals.stream().map(RouteTarget::of).toList();
  }
}
