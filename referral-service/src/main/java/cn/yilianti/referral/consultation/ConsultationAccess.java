package cn.yilianti.referral.consultation;

import cn.yilianti.platform.registry.HospitalDirectory;
import cn.yilianti.platform.registry.RoutingRules;
import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.security.Role;
import cn.yilianti.platform.web.ProblemException;
import java.util.Collections;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may see and change which consultation: a HIS or coordinator sees its hospital's requests
 * (sent or received), an alliance manager those of its alliances, ops all. What a caller may not
 * see is answered 404, so no one learns another hospital's case ids; what it may see but not change
 * is 403.
 */
@Component
class ConsultationAccess {

  private final HospitalDirectory directory;

  ConsultationAccess(HospitalDirectory directory) {
    this.directory = directory;
  }

  Consultation readable(Caller caller, Consultation c) {
    if (!canRead(caller, c)) {
      throw ProblemException.notFound("Consultation", c.id());
    }
    return c;
  }

  /** The sending hospital's HIS or coordinator asks on its own behalf only. */
  void requireRequester(Caller caller, String fromHospital) {
    if (!(caller.has(Role.HIS_CLIENT) || caller.has(Role.COORDINATOR))
        || !caller.belongsTo(fromHospital)) {
      throw forbidden("Only " + fromHospital + " may request or cancel this consultation")
          .with("field", "fromHospital");
    }
  }

  /** A coordinator of the receiving hospital (and of its department, where both are set). */
  void requireAnswerer(Caller caller, Consultation c) {
    boolean department =
        caller.department() == null
            || c.toDepartment() == null
            || caller.department().equals(c.toDepartment());
    if (!caller.has(Role.COORDINATOR) || !caller.belongsTo(c.toHospital()) || !department) {
      throw forbidden("Only a coordinator of " + c.toHospital() + " may answer this consultation");
    }
  }

  /** Hospitals whose consultations the caller may list; null means every hospital. */
  @Nullable Set<String> visibleHospitals(Caller caller) {
    if (caller.has(Role.OPS)) {
      return null;
    }
    if (caller.has(Role.ALLIANCE_MANAGER)) {
      RoutingRules rules = RoutingRules.of(directory.all());
      return directory.all().stream()
          .filter(h -> !Collections.disjoint(rules.activeAlliances(h), caller.alliances()))
          .map(h -> h.code())
          .collect(Collectors.toUnmodifiableSet());
    }
    if ((caller.has(Role.HIS_CLIENT) || caller.has(Role.COORDINATOR))
        && caller.hospital() != null) {
      return Set.of(caller.hospital());
    }
    return Set.of();
  }

  private boolean canRead(Caller caller, Consultation c) {
    Set<String> visible = visibleHospitals(caller);
    return visible == null
        || visible.contains(c.fromHospital())
        || visible.contains(c.toHospital());
  }

  private static ProblemException forbidden(String detail) {
    return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", detail);
  }
}
