package cn.yilianti.referral.referral;

import cn.yilianti.platform.registry.HospitalDirectory;
import cn.yilianti.platform.registry.RoutingRules;
import cn.yilianti.platform.registry.RoutingRules.RouteCheck;
import cn.yilianti.platform.web.FieldProblem;
import cn.yilianti.platform.web.ProblemException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks a new referral against the registry's routing rules and names the alliances it runs in:
 * the lowest-coded alliance both ends share (else the sender's, else UNKNOWN) for metrics, and
 * every alliance of either end for the alliance managers who may read it.
 */
@Component
class Routing {

  static final String UNKNOWN_ALLIANCE = "UNKNOWN";

  private final HospitalDirectory directory;

  Routing(HospitalDirectory directory) {
    this.directory = directory;
  }

  /** The alliances of an allowed route; throws 422 naming the field and rule otherwise. */
  Alliances check(SubmitReferralRequest request) {
    if (!directory.isReady()) {
      throw new ProblemException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "registry-unavailable",
          "the hospital registry is not loaded yet; retry shortly");
    }
    RoutingRules rules = RoutingRules.of(directory.all());
    RouteCheck route =
        rules.check(
            request.fromHospital(), request.toHospital(), request.direction(), request.priority());
    if (!route.allowed()) {
      String field = route.field() == null ? "toHospital" : route.field();
      String rule = route.rule() == null ? "routing" : route.rule();
      throw new ProblemException(
              HttpStatus.UNPROCESSABLE_ENTITY, "routing-refused", route.message())
          .with("errors", List.of(new FieldProblem(field, rule, route.message())));
    }
    Set<String> from = alliancesOf(rules, request.fromHospital());
    Set<String> to = alliancesOf(rules, request.toHospital());
    TreeSet<String> shared = new TreeSet<>(from);
    shared.retainAll(to);
    TreeSet<String> all = new TreeSet<>(from);
    all.addAll(to);
    String main =
        !shared.isEmpty()
            ? shared.first()
            : !from.isEmpty() ? new TreeSet<>(from).first() : UNKNOWN_ALLIANCE;
    return new Alliances(main, List.copyOf(all));
  }

  private static Set<String> alliancesOf(RoutingRules rules, String code) {
    return rules.hospital(code).map(rules::activeAlliances).orElse(Set.of());
  }

  /** The alliance a referral is counted in and every alliance that may read it. */
  record Alliances(String main, List<String> all) {}
}
